"""Shared helpers for the case generators in this folder (run them with CPython 3.11).

Each case file is UTF-8 text, one case per line, fields separated by TAB. Inside a field,
backslash, TAB, CR and LF are escaped as \\\\, \\t, \\r, \\n, and lone surrogates as \\uXXXX. An expected value of the form
"!ExcType: message" means CPython raised ExcType with that message.
"""
import struct


def esc(s):
    s = s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')
    return ''.join('\\u%04x' % ord(c) if 0xD800 <= ord(c) <= 0xDFFF else c for c in s)


def dbits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


def ihex(v):
    return ('-' if v < 0 else '') + format(abs(v), 'x')


def outcome(fn, *args, conv=str):
    try:
        return conv(fn(*args))
    except Exception as e:  # noqa: BLE001 - we record any CPython exception
        return '!%s: %s' % (type(e).__name__, e)


def write(path, rows):
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        for row in rows:
            f.write('\t'.join(esc(x) for x in row) + '\n')
