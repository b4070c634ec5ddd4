"""Generates conversion_cases.txt, one case per line: <kind> TAB <args...> TAB <expected or !Error>.
Kinds:
  int       <string> <base>      -> int(string, base) as signed hex
  float     <string>             -> float(string) as double bits hex
  div       <a hex> <b hex>      -> a / b as double bits hex
  todouble  <a hex>              -> float(a) as double bits hex
  todecimal <a hex>              -> str(a)
  round     <x bits> <ndigits>   -> round(x, ndigits) as double bits hex
Run: python3 gen_conversion_cases.py"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from caseio import dbits, ihex, outcome, write  # noqa: E402

random.seed(99)
rows = []
ALNUM = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
SPACES = [' ', '\t', '\n', '\x0b', '\x0c', '\r', '\xa0', '\u3000', '\x85', '\u2000', '\x1c', '\x00']
UDIGITS = ['\u0663', '\uff15', '\u0969', '\U0001D7D8']


def rand_digits(base, n):
    out = ''
    for i in range(n):
        out += ALNUM[random.randrange(base)] if random.random() < 0.9 else ALNUM[random.randrange(36)]
        if random.random() < 0.1:
            out += '_' * random.choice([1, 1, 1, 2])
    return out


def rand_int_str():
    base = random.choice([0, 0, 10, 10, 2, 8, 16, 36, random.randint(2, 36), 1, 37, -1])
    s = ''
    if random.random() < 0.15:
        s += random.choice(SPACES)
    if random.random() < 0.3:
        s += random.choice('+-')
    if random.random() < 0.3:
        s += random.choice(['0x', '0X', '0o', '0O', '0b', '0B', '0', '00', '0x_', '_'])
    b = base if 2 <= base <= 36 else random.choice([2, 8, 10, 16])
    s += rand_digits(b, random.randint(0, 25))
    if random.random() < 0.05:
        s += random.choice(UDIGITS)
    if random.random() < 0.15:
        s += random.choice(SPACES)
    if random.random() < 0.03:
        s += random.choice(['x', '.', '+', ' 1'])
    return s, base


FIXED_INT = [('0', 10), ('-0', 10), ('  12  ', 10), ('1_000', 10), ('1__0', 10), ('_1', 10), ('1_', 10),
             ('0x1f', 16), ('0x_1f', 16), ('0x1f', 0), ('0X1F', 0), ('0o17', 0), ('0b101', 0), ('0b101', 2),
             ('0b101', 16), ('0x', 0), ('0x', 16), ('010', 0), ('00', 0), ('0_0', 0), ('0_1', 0), ('0', 0),
             ('z', 36), ('Z', 36), ('10', 36), ('12', 1), ('12', 37), ('', 10), (' ', 10), ('+', 10),
             ('- 1', 10), ('+-1', 10), ('\u0661\u0662\u0663', 10), ('\u0661x', 10), ('\uff11\uff12', 16),
             ('x' * 300, 10), ('9' * 4300, 10), ('9' * 4301, 10), ('1' * 5000 + 'x', 10), ('1' * 5000, 16),
             ('0' * 4301, 10), ('1_' * 4300 + '1', 10), ('123456789012345678', 10), ('1234567890123456789', 10),
             ('-9223372036854775808', 10), ('9223372036854775808', 10), ('\x1c1', 10), ('1\x00', 10),
             ('\u00a01\u00a0', 10), ('1e5', 10), ('1.0', 10), ('0b', 0), ('0o_7', 8), ('0o8', 8), ('12', 3)]
for s, base in FIXED_INT:
    rows.append(('int', s, str(base), outcome(int, s, base, conv=ihex)))
for _ in range(6000):
    s, base = rand_int_str()
    rows.append(('int', s, str(base), outcome(int, s, base, conv=ihex)))


def rand_float_str():
    k = random.random()
    s = ''
    if random.random() < 0.15:
        s += random.choice(SPACES)
    if random.random() < 0.3:
        s += random.choice('+-')
    if k < 0.1:
        s += random.choice(['inf', 'Inf', 'INFINITY', 'infinity', 'iNfInItY', 'nan', 'NaN', 'NAN', 'infinit',
                            'infx', 'nanx', 'na', 'in', 'i', 'n'])
    else:
        s += rand_digits(10, random.randint(0, 20))
        if random.random() < 0.5:
            s += '.' + rand_digits(10, random.randint(0, 20))
        if random.random() < 0.3:
            s += random.choice('eE') + random.choice(['', '+', '-']) + rand_digits(10, random.randint(0, 4))
    if random.random() < 0.05:
        s += random.choice(UDIGITS)
    if random.random() < 0.15:
        s += random.choice(SPACES)
    if random.random() < 0.03:
        s += random.choice(['x', 'd', 'f', '.', ' 1', '_'])
    return s


FIXED_FLOAT = ['1', '1.', '.5', '.', '-.5', '+1.5e3', '1e', '1e+', 'e5', '1d', '1f', '0x10', '0x1p3', '1_000.5',
               '1_.5', '1._5', '1e1_0', '1e_10', '_1', '1_', '1__0', ' 1_0 ', 'inf', '-inf', '+inf', 'infinity',
               '-Infinity', 'nan', '-nan', '+NaN', 'infinit', 'nanx', '', '  ', '1e999999999999999', '-1e400',
               '1e-400', '4.9e-324', '2.4703282292062328e-324', '2.4703282292062327e-324', '1.7976931348623158e308',
               '1.7976931348623159e308', '0.1', '123456789012345678901234567890', '\u0661.\u0665', '\x1c1',
               '1\x00', '\u00a01.5\u3000', 'abc', '1.5 2', '--1', '+-1', '1e5.5', '0' * 500 + '1e-500',
               '9' * 400, '1' + '0' * 400 + 'e-400', '1.0000000000000002', '1.00000000000000011102230246251565404236316680908203125',
               '1.00000000000000011102230246251565404236316680908203124', '1.00000000000000011102230246251565404236316680908203126']
for s in FIXED_FLOAT:
    rows.append(('float', s, outcome(float, s, conv=dbits)))
for _ in range(5000):
    s = rand_float_str()
    rows.append(('float', s, outcome(float, s, conv=dbits)))


def rand_big():
    k = random.randint(0, 6)
    if k == 0:
        return random.randint(-10 ** 6, 10 ** 6)
    if k == 1:
        return random.randint(-2 ** 53, 2 ** 53)
    if k == 2:
        return random.choice([1, -1]) * random.getrandbits(random.randint(54, 1200))
    if k == 3:
        return random.choice([1, -1]) * 10 ** random.randint(0, 360)
    if k == 4:
        return random.choice([1, -1]) * (2 ** random.randint(0, 1100) + random.randint(-3, 3))
    if k == 5:
        return random.choice([1, 3, 7, 10 ** 400, 2 ** 1074, 2 ** 1075, 3 * 2 ** 1073])
    return random.randint(-10 ** 30, 10 ** 30)


def div(a, b):
    return a / b


for a, b in [(10 ** 400, 10 ** 399), (10 ** 400, 3), (1, 3), (0, -5), (0, 5), (-1, 3), (1, 0), (0, 0),
             (1, 2 ** 1074), (1, 2 ** 1075), (1, 2 ** 1075 - 1), (3, 2 ** 1076), (1, 2 ** 1076),
             (2 ** 1024, 1), (2 ** 1024 - 2 ** 970, 1), (2 ** 1024 - 2 ** 970 - 1, 1), (2 ** 2000, 2 ** 977),
             (2 ** 53 + 1, 1), (2 ** 54 + 3, 2), (10 ** 30, 10 ** 29), (-(10 ** 30), 7), (2 ** 1022 + 1, 2 ** 2044)]:
    rows.append(('div', ihex(a), ihex(b), outcome(div, a, b, conv=dbits)))
for _ in range(4000):
    a, b = rand_big(), rand_big()
    if b == 0:
        b = 1
    rows.append(('div', ihex(a), ihex(b), outcome(div, a, b, conv=dbits)))
for _ in range(1500):
    a = rand_big()
    rows.append(('todouble', ihex(a), outcome(float, a, conv=dbits)))
for a in [2 ** 1024, 2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 970 - 1, -(2 ** 1024 - 2 ** 970), 2 ** 53 + 1,
          2 ** 63 + 2 ** 10 + 1, 10 ** 308, 10 ** 309]:
    rows.append(('todouble', ihex(a), outcome(float, a, conv=dbits)))
for a in [10 ** 4300, 10 ** 4300 - 1, -(10 ** 4300 - 1), -(10 ** 4300), 2 ** 14284, 2 ** 14285, 2 ** 14283, 0, -1,
          2 ** 63, -2 ** 63, 7 ** 5000, 10 ** 4299]:
    rows.append(('todecimal', ihex(a), outcome(str, a)))
for _ in range(500):
    a = rand_big()
    rows.append(('todecimal', ihex(a), outcome(str, a)))

import math  # noqa: E402
import struct  # noqa: E402

for x, n in [(2.675, 2), (0.5, 0), (1.5, 0), (2.5, 0), (-0.4, 0), (-0.5, 0), (1.7976931348623157e308, -308),
             (1.7976931348623157e308, -309), (1e300, -300), (123.456, -1), (123.456, -2), (123.456, -3),
             (5e-324, 323), (5e-324, 324), (5e-324, 400), (math.inf, 2), (-math.inf, -2), (math.nan, 1),
             (0.0, 3), (-0.0, 3), (1.23456789, 5), (-1.23456789, 5), (0.125, 2), (0.375, 2), (1e22, -22),
             (5e22, -23), (1.5, -400), (-1.5, -400), (1.5, 400)]:
    rows.append(('round', dbits(x), str(n), outcome(round, x, n, conv=dbits)))
for _ in range(3000):
    k = random.randint(0, 3)
    if k == 0:
        x = struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0]
        n = random.randint(-330, 330)
    elif k == 1:
        x = round(random.uniform(-1000, 1000), random.randint(0, 5)) + random.choice([0, 0.005, 0.0005])
        n = random.randint(-3, 6)
    elif k == 2:
        x = random.uniform(-1, 1) * 10 ** random.randint(-20, 20)
        n = random.randint(-25, 25)
    else:
        x = (random.randint(-10000, 10000) + 0.5) / 10 ** random.randint(0, 4)
        n = random.randint(0, 4)
    rows.append(('round', dbits(x), str(n), outcome(round, x, n, conv=dbits)))

write(os.path.join(HERE, 'conversion_cases.txt'), rows)
print(len(rows), 'cases')
