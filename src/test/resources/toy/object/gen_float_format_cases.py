"""Generates float_format_cases.txt: <double bits hex> TAB <spec> TAB <format(x, spec) or !Error>,
and percent_cases.txt: <double bits hex> TAB <type> TAB <precision or -1> TAB <alt 0/1> TAB <'%...' % x>
(no padding flags: exactly what FloatFormat.formatFloatPercent produces).
Run: python3 gen_float_format_cases.py"""
import math
import os
import random
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from caseio import dbits, outcome, write  # noqa: E402

random.seed(1729)


def rand_double():
    k = random.randint(0, 11)
    if k == 0:
        return struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0]
    if k == 1:
        return struct.unpack('<d', struct.pack('<Q', random.getrandbits(52)))[0]  # subnormal
    if k == 2:
        return float('1e%d' % random.randint(-30, 30)) * random.choice([1, -1])
    if k == 3:
        return (random.randint(-2000, 2000) + 0.5) / 10 ** random.randint(0, 4)  # halves / ties
    if k == 4:
        return random.randint(-2 ** 20, 2 ** 20) / 2.0 ** random.randint(0, 12)  # exact binary fractions
    if k == 5:
        return round(random.uniform(-100, 100), random.randint(0, 5))
    if k == 6:
        return random.choice([0.0, -0.0, math.inf, -math.inf, math.nan, 2.675, 0.125, 0.375, 2.5, 0.5, 1.5,
                              9.995, 0.0005, 1e22, 1e23, 5e-324, 1.7976931348623157e308, 0.1, 1 / 3,
                              123456789.987654321, 1234.5, 999.9999, 9.5, 99.5, 0.05, 0.45, 1e16, 1e-5])
    if k == 7:
        return random.uniform(-1, 1) * 10 ** random.randint(-10, 25)
    if k == 8:
        return float(random.randint(-10 ** 12, 10 ** 12))
    if k == 9:
        return random.random() * 2.0 ** random.randint(-1074, 1023)
    return random.uniform(-1e6, 1e6)


FILLS = ['', '', '', '*', '0', ' ', 'x', '\u00e9', '\U0001F600', '<', '=', '_', ',', '.']


def rand_spec(types):
    s = ''
    r = random.random()
    if r < 0.3:
        s += random.choice('<>=^')
    elif r < 0.5:
        s += random.choice(FILLS[3:]) + random.choice('<>=^')
    if random.random() < 0.3:
        s += random.choice('+- ')
    if random.random() < 0.05:
        s += 'z'
    if random.random() < 0.15:
        s += '#'
    if random.random() < 0.2:
        s += '0'
    if random.random() < 0.5:
        s += str(random.randint(0, 30))
    r = random.random()
    if r < 0.15:
        s += ','
    elif r < 0.25:
        s += '_'
    r = random.random()
    if r < 0.55:
        s += '.' + str(random.randint(0, 20))
    elif r < 0.6:
        s += '.' + str(random.randint(21, 70))
    s += random.choice(types)
    return s


FLOAT_TYPES = ['', '', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%']
rows = []
fixed_specs = ['', '.2f', '.0f', '.1f', '.3f', 'e', '.3e', 'g', '.3g', '.10g', '.17g', '%', '.1%', ',', '_',
               ',.2f', '010.3f', '+.2e', ' g', '#g', '#.0f', '#.0e', '.0e', '#.3g', '.3', '.0', '.12', '>10',
               '<10', '^11', '=10', '*^+12.3f', 'z.1f', 'z', '08.3f', '09,.1f', '020,.2f', '020_.4e', '.60f',
               '.25e', '.30g', 'n', '.5n', '015n', '#.12g', '#', '#10', '0', '010', '-', '+', ' ',
               # errors
               'd', 'x', 's', 'c', ',n', '_n', ',s', '.', '10.', 'abc', '.2ff', ',_', '_,', ',,', '\x01',
               '\u00e9', '99999999999999999999', '.99999999999999999999', '.3000000000', '=', 'z#', '+z']
specials = [0.0, -0.0, math.inf, -math.inf, math.nan, 2.675, 0.125, 2.5, 0.5, 1.5, 1e16, 1e-5, 123.0, 1.0,
            -1.0, 1e22, 1e23, 5e-324, 1.7976931348623157e308, 0.1, -0.0004, 1234567.891, 12345.678, 1e100,
            -1e-10, 0.00001234, 9.999999, 99999.5, 0.045, 1.25, 3.0]
for x in specials:
    for spec in fixed_specs:
        rows.append((dbits(x), spec, outcome(format, x, spec)))
for _ in range(20000):
    x = rand_double()
    spec = rand_spec(FLOAT_TYPES if random.random() < 0.97 else ['d', 's', 'x', 'b', 'c', 'o', 'X', '?'])
    if ('f' in spec[-1:] or 'F' in spec[-1:] or '%' in spec[-1:]) and abs(x) > 1e60 and random.random() < 0.8:
        x = x / 1e250 if abs(x) > 1e300 else 1.5
    rows.append((dbits(x), spec, outcome(format, x, spec)))
write(os.path.join(HERE, 'float_format_cases.txt'), rows)
print(len(rows), 'format cases')

prow = []
for _ in range(6000):
    x = rand_double()
    t = random.choice('eEfFgG')
    p = random.choice([-1, -1, 0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 16, 17, 20, 30])
    alt = random.random() < 0.2
    if t in 'fF' and abs(x) > 1e60:
        x = 12.345
    fmt = '%' + ('#' if alt else '') + ('' if p < 0 else '.%d' % p) + t
    prow.append((dbits(x), t, str(p), '1' if alt else '0', fmt % x))
for x, t, p, alt in [(1e20, 'g', -1, 0), (0.0001234, 'g', 3, 0), (1.0, 'g', -1, 1), (0.5, 'f', 0, 0),
                     (1.5, 'f', 0, 0), (2.5, 'f', 0, 0), (2.675, 'f', 2, 0), (1.0, 'e', 0, 1), (1.0, 'f', 0, 1)]:
    fmt = '%' + ('#' if alt else '') + ('' if p < 0 else '.%d' % p) + t
    prow.append((dbits(x), t, str(p), str(alt), fmt % x))
write(os.path.join(HERE, 'percent_cases.txt'), prow)
print(len(prow), 'percent cases')
