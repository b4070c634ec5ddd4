"""Generates repr_cases.txt: <double bits hex> TAB <repr(x)>.  Run: python3 gen_repr_cases.py"""
import math
import os
import random
import struct
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from caseio import dbits, write  # noqa: E402

random.seed(20240611)
vals = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 1e-323, 2.2250738585072014e-308,
        2.225073858507201e-308, 1.7976931348623157e308, 0.1, 0.2, 0.3, 0.1 + 0.2, 1e16, 1e15, 9999999999999998.0,
        123456789012345.0, 1234567890123456.0, 12345678901234567.0, 1e-5, 1e-4, 0.0001, 0.00012, 1e22, 1e23,
        2e-3, 1.0000000000000002, 2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 63, 2.0 ** 64, 1125899906842624.25, 4.35, 2.675,
        2.0 ** -1074 * 3, 9007199254740993.0, 5e-310, 1.5, 100.0, 1e100, 1e-100, 2.82879384806159e17,
        1.0e23, 8.41e21, 5.0e-324 * 1000]
for e in range(-330, 310):
    vals.append(float('1e%d' % e))
    vals.append(float('5e%d' % e))
for e in range(-1074, 1024, 3):
    vals.append(2.0 ** e)
for _ in range(4000):
    vals.append(struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0])
for _ in range(2000):
    vals.append(random.random() * 10 ** random.randint(-20, 20))
for _ in range(2000):
    vals.append(round(random.uniform(-1000, 1000), random.randint(0, 6)))
for _ in range(1000):
    vals.append(struct.unpack('<d', struct.pack('<Q', random.getrandbits(52)))[0])  # subnormals
for _ in range(500):
    vals.append(float(random.randint(-2 ** 60, 2 ** 60)))
rows = [(dbits(v), repr(v)) for v in vals]
write(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'repr_cases.txt'), rows)
print(len(rows), 'cases')
