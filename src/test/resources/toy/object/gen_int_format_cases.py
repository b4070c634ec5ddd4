"""Generates int_format_cases.txt: <int as signed hex> TAB <spec> TAB <format(v, spec) or !Error>.
Run: python3 gen_int_format_cases.py"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from caseio import ihex, outcome, write  # noqa: E402

random.seed(4242)


def rand_int():
    k = random.randint(0, 8)
    if k == 0:
        return random.randint(-100, 100)
    if k == 1:
        return random.randint(-2 ** 31, 2 ** 31)
    if k == 2:
        return random.choice([1, -1]) * (2 ** random.randint(0, 130) + random.randint(-1, 1))
    if k == 3:
        return random.choice([1, -1]) * 10 ** random.randint(0, 40)
    if k == 4:
        return random.randint(-2 ** 200, 2 ** 200)
    if k == 5:
        return random.choice([0, 2 ** 63 - 1, -2 ** 63, 2 ** 63, -2 ** 63 - 1, 2 ** 64, 65, 0x10FFFF, 0x110000,
                              0x1F600, 255, -255, 1234567,
                              2 ** 1024, 2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 971])
    if k == 6:
        return random.randint(0, 0x10FFFF)
    return random.randint(-10 ** 18, 10 ** 18)


FILLS = ['*', '0', ' ', 'x', '\u00e9', '\U0001F600', '<', '=', '_', ',']


def rand_spec(types):
    s = ''
    r = random.random()
    if r < 0.3:
        s += random.choice('<>=^')
    elif r < 0.45:
        s += random.choice(FILLS) + random.choice('<>=^')
    if random.random() < 0.3:
        s += random.choice('+- ')
    if random.random() < 0.03:
        s += 'z'
    if random.random() < 0.3:
        s += '#'
    if random.random() < 0.25:
        s += '0'
    if random.random() < 0.5:
        s += str(random.randint(0, 40))
    r = random.random()
    if r < 0.15:
        s += ','
    elif r < 0.35:
        s += '_'
    if random.random() < 0.05:
        s += '.' + str(random.randint(0, 10))
    s += random.choice(types)
    return s


TYPES = ['', '', 'd', 'd', 'b', 'o', 'x', 'X', 'n', 'c', 'e', 'E', 'f', 'F', 'g', 'G', '%']
fixed_specs = ['', 'd', 'b', 'o', 'x', 'X', '#b', '#o', '#x', '#X', ',', '_', '_b', '_x', '#_x', '#010_x',
               '010,', '08,', '09,', '011_b', '+', ' ', '-', '=+10', '^10', '<10', '>10', '*^9', 'c', '10c',
               '<5c', '05c', 'n', '015n', 'e', '.2e', 'f', '.1%', 'g', '.3g', ',.2f', 'G', 'E', '%',
               # errors
               '.2', '.2d', 'z', 'zd', '+c', '#c', ' c', ',c', ',n', ',b', ',x', '_n', '_c', ',_', '_,', ',,', 's',
               'r', '?', '.', 'abc', '\x01', '\u00e9', '99999999999999999999', '10.5', 'dd']
ints = [0, 1, -1, 7, -7, 65, 255, -255, 1234, -1234, 1234567, 10 ** 20, -(10 ** 20), 2 ** 64, 0x10FFFF,
        0x110000, 2 ** 63 - 1, -2 ** 63, 2 ** 1024]
rows = []
for v in ints:
    for spec in fixed_specs:
        rows.append((ihex(v), spec, outcome(format, v, spec)))
for v in [10 ** 4300, 10 ** 4300 - 1, -(10 ** 4300 - 1), -(10 ** 4300)]:
    for spec in ['', 'd', 'n', ',', '_', '+', '>10', 'x', 'e', '.3g', 'c', '.1']:
        rows.append((ihex(v), spec, outcome(format, v, spec)))
for _ in range(15000):
    v = rand_int()
    spec = rand_spec(TYPES if random.random() < 0.97 else ['s', 'r', '?', 'a', 'Z'])
    rows.append((ihex(v), spec, outcome(format, v, spec)))
write(os.path.join(HERE, 'int_format_cases.txt'), rows)
print(len(rows), 'cases')
