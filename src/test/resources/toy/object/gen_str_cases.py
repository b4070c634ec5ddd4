"""Generates str_format_cases.txt: <string> TAB <spec> TAB <format(s, spec) or !Error>
and str_repr_cases.txt: <string> TAB <repr(s)> TAB <unicodedata categories of its characters>.
Run: python3 gen_str_cases.py"""
import os
import random
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from caseio import outcome, write  # noqa: E402

random.seed(777)

STRS = ['', 'a', 'ab', 'abc', 'hello world', '\u00e9t\u00e9', '\U0001F600x\U0001F601', 'x' * 30, "it's",
        'say "hi"', 'tab\there']


def rand_spec():
    s = ''
    r = random.random()
    if r < 0.3:
        s += random.choice('<>^')
    elif r < 0.45:
        s += random.choice(['*', '0', ' ', 'x', '\u00e9', '\U0001F600', '=', '<']) + random.choice('<>^')
    elif r < 0.48:
        s += '='
    if random.random() < 0.04:
        s += random.choice('+- ')
    if random.random() < 0.03:
        s += 'z'
    if random.random() < 0.03:
        s += '#'
    if random.random() < 0.15:
        s += '0'
    if random.random() < 0.6:
        s += str(random.randint(0, 30))
    if random.random() < 0.03:
        s += random.choice(',_')
    if random.random() < 0.4:
        s += '.' + str(random.randint(0, 12))
    s += random.choice(['', '', 's', 's'] + (['d', 'x', 'r', '?'] if random.random() < 0.05 else []))
    return s


rows = []
for s in STRS:
    for spec in ['', 's', '10', '<10', '>10', '^10', '^9', '*^9', '.2', '10.2', '05', '<05', '=10', '+', ' ', '-',
                 '#', 'z', ',', '_', 'd', '\x01', '.', 'abc', '\U0001F600>5', '0>5']:
        rows.append((s, spec, outcome(format, s, spec)))
for _ in range(5000):
    s = random.choice(STRS)
    spec = rand_spec()
    rows.append((s, spec, outcome(format, s, spec)))
write(os.path.join(HERE, 'str_format_cases.txt'), rows)
print(len(rows), 'format cases')


def rand_char():
    k = random.randint(0, 9)
    if k <= 3:
        return chr(random.randint(32, 126))
    if k == 4:
        return chr(random.randint(0, 0xFF))
    if k == 5:
        return random.choice("'\"\\\t\n\r\x00\x7f\x85\xa0\xad\u2028\u2029\u3000\u200b\ufeff\ud800\udfff\ue000")
    if k == 6:
        return chr(random.randint(0x100, 0x2FFF))
    if k == 7:
        return chr(random.randint(0x3000, 0xFFFF))
    if k == 8:
        return chr(random.randint(0x10000, 0x10FFFF))
    return chr(random.randint(0x1F300, 0x1F6FF))


rrows = []
for s in ["", "a", "'", '"', "'\"", "it's", 'say "hi"', "both ' and \"", "\\", "\n\t\r", "\x00\x1f\x7f",
          "\x80\x9f\xa0\xad\xff", "\u0100\u2028\ufeff", "\U0001F600", "\U000E0001", "\U0010FFFF", "\ud800",
          "caf\u00e9", "\u4e2d\u6587"]:
    rrows.append((s, repr(s), ','.join(unicodedata.category(c) for c in s)))
for _ in range(4000):
    s = ''.join(rand_char() for _ in range(random.randint(0, 8)))
    rrows.append((s, repr(s), ','.join(unicodedata.category(c) for c in s)))
write(os.path.join(HERE, 'str_repr_cases.txt'), rrows)
print(len(rrows), 'repr cases')
