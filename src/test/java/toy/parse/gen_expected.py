"""Regenerates the expected strings in AstShapeTest.java and ErrorMessageTest.java from python3.11.

Usage: python3.11 gen_expected.py ast > AstCases.txt ; the Java tests embed the output verbatim.
Run from this directory; needs CPython 3.11 (the reference for Toy's parser).
"""
import ast
import os
import subprocess
import sys
import tempfile

AST_CASES = [
    # expressions
    "x", "1", "1.5", "1e10", "1.", ".5", "0x1F", "0o17", "0b101", "1_000_000", "123456789012345678901234567890",
    "0xFFFFFFFFFFFFFFFF", "9223372036854775807", "9223372036854775808", "1e400", "1.5e-7", "3.14159", "0.0001", "1e16",
    "True", "False", "None", "...",
    "a + b * c - d / e // f % g @ h", "a ** b ** c", "-a ** b", "a ** -b", "~a + +b - -c", "not a", "not not a",
    "a and b and c", "a or b or c", "a and b or c and d", "a or not b and c",
    "a < b <= c == d != e > f >= g", "a is b", "a is not b", "a in b", "a not in b", "not a in b",
    "a | b ^ c & d", "a << b >> c", "a if b else c", "a if b else c if d else e", "lambda: 0", "lambda x: x",
    "lambda x, y=1, *args, z, w=2, **kw: 0", "lambda a, /, b: 0", "lambda *, k: k", "lambda *a, **k: 0",
    "(x := 5)", "f(x := 1)", "await x", "await f(x)",
    "f()", "f(a)", "f(a, b)", "f(a, *b)", "f(*a, **b)", "f(a=1)", "f(a, b=2, *c, d=3, **e)", "f(x for x in y)",
    "f(**a, b=1)", "f(a)(b)(c)", "a.b.c", "a[b]", "a[b:c]", "a[:]", "a[::]", "a[b:c:d]", "a[::2]", "a[b, c]", "a[b:c, d]",
    "a[1:2, ::3]", "a[b,]", "a[*b]", "a.b[c](d).e", "a[x := 1]",
    "()", "(a)", "(a,)", "(a, b)", "(a, *b)", "[]", "[a]", "[a, b,]", "[*a, b]", "{}", "{a: b}", "{a: b, **c}",
    "{**a, 'b': 1}", "{a}", "{a, b}", "{*a, b}",
    "[x for x in y]", "[x for x in y if x if z]", "[x for x in y for z in x]", "{x for x in y}", "{k: v for k, v in y}",
    "(x for x in y)", "[(x, y) for x, y in z]", "[x async for x in y]", "[x for *a, b in c]", "[y := f(x) for x in z]",
    "yield", "yield x", "yield x, y", "yield from x", "x = yield", "x = yield y", "x = yield from y", "(yield)",
    "'abc'", '"abc"', "'''abc'''", '"""a\nb"""', "'a' 'b'", "'a' \\\n 'b'", "r'\\n'", "R'\\d'",
    "'\\n\\t\\\\\\'\\\"\\r\\0\\a\\b\\f\\v'", "'\\x41\\u00e9\\U0001F600'", "'\\101\\7'", "'\\q'", "'\\N{BULLET}'",
    "'a\\\nb'",
    "f'x'", "f'{x}'", "f'a{x}b'", "f'{x!r}'", "f'{x!s}'", "f'{x!a}'", "f'{x:>10}'", "f'{x:{w}.{p}}'", "f'{{}}'",
    "f'{{{x}}}'", "f'{x=}'", "f'{x = }'", "f'{x=!s}'", "f'{x=:>5}'", "f'{x!r:>{w}}'", "'a' f'{x}' 'b'", "f'' ''", "f''",
    "'a' f'b'", "f'{a}' f'{b}'", "rf'{x}\\n'", "fr'\\d{x}'", "f'{x,y}'", "f'{\"a\"}'", "f'''{\nx\n}'''", "f'{x:}'",
    "f'\\n{x}\\t'", "f'{3.14:.2f}'", "f'{a[\"b\"]}'", "f'{ x }'", "f'{x!r}{y}'", "f'{lambda: 1}'" if False else "f'{(lambda: 1)}'",
    # statements
    "x = 1", "x = y = z", "x, y = 1, 2", "(x, y) = z", "[x, y] = z", "x, = y", "a, *b = c", "[a, *b] = c", "(a, [b, *c]) = d",
    "a.b = 1", "a[b] = 1", "a.b.c[d] = e", "x: int", "x: int = 1", "(x): int = 1", "a.b: int", "a[0]: int = 2",
    "x += 1", "x -= 1", "x *= 1", "x @= 1", "x /= 1", "x %= 1", "x &= 1", "x |= 1", "x ^= 1", "x <<= 1", "x >>= 1",
    "x **= 1", "x //= 1", "a.b += 1", "a[b] += 1", "x = *a, b", "x = a, *b",
    "del x", "del x, y", "del x.y, x[0]", "del (x, y)", "del [x, y]", "pass", "break", "continue",
    "return", "return x", "return x, y", "return *a, b", "raise", "raise x", "raise x from y",
    "global x", "global x, y", "nonlocal x", "assert x", "assert x, y",
    "import a", "import a.b.c", "import a as b", "import a.b as c, d", "from a import b", "from a.b import c as d, e",
    "from . import a", "from .. import a", "from .a import b", "from ...a import b", "from .... import a",
    "from a import (b, c,)", "from a import *", "from . import *",
    "if x:\n    pass", "if x:\n    a\nelse:\n    b", "if x:\n    a\nelif y:\n    b\nelif z:\n    c\nelse:\n    d",
    "if x: pass", "if x: a; b", "if x: a\nelse: b",
    "while x:\n    pass", "while x:\n    a\nelse:\n    b", "while (n := f()):\n    pass",
    "for x in y:\n    pass", "for x, y in z:\n    pass\nelse:\n    a", "for x in *a, b:\n    pass", "async for x in y:\n    pass",
    "for (a, b) in c: pass", "for [a, *b] in c: pass",
    "try:\n    a\nexcept:\n    b", "try:\n    a\nexcept E:\n    b", "try:\n    a\nexcept E as e:\n    b",
    "try:\n    a\nexcept (A, B) as e:\n    b\nexcept C:\n    c\nelse:\n    d\nfinally:\n    e", "try:\n    a\nfinally:\n    b",
    "with a:\n    pass", "with a as b:\n    pass", "with a as b, c as d:\n    pass", "with (a as b, c as d):\n    pass",
    "with (a, b):\n    pass", "with (a, b) as c:\n    pass", "with (a):\n    pass", "with a as (b, c):\n    pass",
    "with (a as b,):\n    pass", "async with a as b:\n    pass", "with a as b.c, d[0] as e: pass",
    "def f():\n    pass", "def f(a, b):\n    return a", "def f(a, b=1, *args, c, d=2, **kw):\n    pass",
    "def f(a, /, b, *, c):\n    pass", "def f(a=1, /, b=2):\n    pass", "def f(*, a):\n    pass", "def f(*args):\n    pass",
    "def f(**kw):\n    pass", "def f(a: int, b: str = 'x') -> bool:\n    pass", "def f(*args: int, **kw: str):\n    pass",
    "@d\ndef f():\n    pass", "@a.b(c)\n@d\ndef f(): pass", "async def f():\n    await x", "def f(a,):\n    pass",
    "def f(a, b, /):\n    pass", "def f(a, /, *, b):\n    pass",
    "def f():\n    yield\n    yield x\n    x = yield from y",
    "class A:\n    pass", "class A(B, C):\n    pass", "class A(B, metaclass=M, **kw):\n    x = 1\n    def f(self): pass",
    "@dec\nclass A(): pass", "class A(*bases): pass",
    "a; b; c", "a;", "x = 1; y = 2\n", "\n\n# comment\nx = 1  # trailing\n\n", "x = (1,\n     2)", "x = [\n  1,\n  2,\n]",
    "x = 1 + \\\n    2", "if a:\n    if b:\n        c\n    d\ne",
    "if a:\n\tb\n", "if a:\n        b\n        c\n", "def f():\n  x = 1\n\n  # c\n  return x\n",
    "print(*args, sep='', end='\\n')", "x = [i * 2 for i in range(10) if i % 2 == 0]",
    "match = 1", "case = 2", "_ = 3", "print(match, case)",
    "é = 1" if False else "x = 'é'",
]

POS_CASES = [
    "x = 1", "x = a + b * c", "f(a, b=1, *c, **d)", "a.b.c[d]", "x = (1, 2)", "x = 1, 2", "(a)", "((a))", "(a, b) = c",
    "if x:\n    y = 1\nelif z:\n    pass\nelse:\n    w", "def f(a, b: int = 1) -> None:\n    return a",
    "@dec\ndef f(): pass", "class A(B):\n    x = 1\n", "try:\n    a\nexcept E as e:\n    b\nfinally:\n    c",
    "for x in y:\n    pass\nelse:\n    z", "while x: pass", "with a as b, c: pass", "import a.b as c", "from . import (a, b as c)",
    "lambda x: x + 1", "[x for x in y if x]", "f(x for x in y)", "{a: b, **c}", "a[1:2, ::3]", "x = yield y",
    "'abc' 'def'", "x = '''a\nb''' + c", "not a and b or c", "a < b < c", "-x ** 2", "x = f'{a}b'",
    "global a, b", "del a, b", "assert x, y", "raise a from b", "x: int = 1", "x += 1", "a = b = c",
    "async def f():\n    async for x in y:\n        await z\n    async with a: pass",
]

ERROR_CASES = [
    # (name, source)
    ("missingColonAfterIf", "if x\n    pass\n"),
    ("missingColonAtEof", "if x"),
    ("missingColonAfterWhile", "while x\n    pass"),
    ("missingColonAfterFor", "for x in y\n    pass"),
    ("missingColonAfterDef", "def f()\n    pass"),
    ("missingColonAfterDefBeforeName", "def f() x:\n    pass"),
    ("missingColonAfterClass", "class A\n    pass"),
    ("missingColonAfterTry", "try\n    pass"),
    ("missingColonAfterElse", "if x:\n    pass\nelse\n    pass"),
    ("missingColonAfterElif", "if x:\n    pass\nelif y\n    pass"),
    ("missingColonAfterExcept", "try:\n    pass\nexcept E\n    pass"),
    ("missingColonAfterFinally", "try:\n    pass\nfinally\n    pass"),
    ("missingColonAfterWith", "with a as b\n    pass"),
    ("invalidSyntaxAtSecondName", "if x y:\n    pass"),
    ("invalidSyntaxAtEndOfExpression", "x = 1 +"),
    ("invalidSyntaxAfterCompleteExpression", "x = 1 if 2 else 3 4"),
    ("invalidSyntaxDollar", "x = $"),
    ("invalidSyntaxInDefParams", "def f(:\n    pass"),
    ("invalidSyntaxBareWalrus", "x := 1"),
    ("invalidSyntaxElseWithoutIf", "else:\n    pass"),
    ("invalidSyntaxImportAs", "import a.b as c.d"),
    ("neverClosedParen", "x = ("),
    ("neverClosedParenOverridesLaterError", "foo(1,\nx = 2\ny = 3"),
    ("neverClosedBracket", "x = [1, 2\ny = 3"),
    ("neverClosedBrace", "x = {1: 2,\n"),
    ("neverClosedInsideBlock", "if True:\n    x = (1,"),
    ("neverClosedComprehension", "x = [i for i in range(3)\n"),
    ("unmatchedParen", "x = 1)"),
    ("unmatchedBracket", "x = ]"),
    ("mismatchedBracket", "x = (1, 2]"),
    ("mismatchedBracketOnOtherLine", "x = (1,\n     2]"),
    ("unterminatedString", "s = 'abc"),
    ("unterminatedStringAfterParserError", "x = = 1\ns = 'abc\n"),
    ("unterminatedDoubleQuoted", 'x = "abc\ny = 1\n'),
    ("unterminatedTripleQuoted", 's = """abc\ndef'),
    ("unterminatedTripleQuotedMultiLine", "x = '''abc\ny\nz"),
    ("invalidDecimalLiteral", "x = 1abc"),
    ("invalidDecimalLiteralLong", "x = 123abc"),
    ("invalidDecimalLiteralUnderscore", "x = 1_"),
    ("invalidDecimalLiteralFloat", "x = 1.5abc"),
    ("invalidHexLiteral", "x = 0x"),
    ("invalidBinaryDigit", "x = 0b12"),
    ("invalidOctalDigit", "x = 0o8"),
    ("leadingZeros", "x = 012"),
    ("invalidCharacter", "x = \u20ac"),
    ("missingParenthesesPrint", 'print "hello"'),
    ("missingParenthesesPrintTuple", "print 1, 2"),
    ("forgotCommaInCall", "f(a b)"),
    ("forgotCommaInTuple", "x = (a b, c d)"),
    ("forgotCommaInList", "x = [a, b c]"),
    ("forgotCommaAfterKeyword", "f(a, b=1 c)"),
    ("forgotCommaInDict", "{a: b c: d}"),
    ("forgotCommaAcrossLines", "x = (1 +\n     2 b 3)"),
    ("forgotCommaNotOverriddenBySameLineParen", "x = f(a\ny = (1,"),
    ("expectedElse", "x = 1 if y"),
    ("expectedElseInParens", "x = (1 if y)"),
    ("fstringEmptyExpression", "f'{}'"),
    ("fstringEmptyExpressionInTuple", "x = (f'{}', 1)"),
    ("fstringEmptyExpressionBlank", "x = (f'{  }' 'abc', 1)"),
    ("fstringExpectingBrace", "f'{x'"),
    ("fstringExpectingBraceAfterConversion", "f'{a!r'"),
    ("fstringSingleCloseBrace", "f'}'"),
    ("fstringInvalidConversion", "f'{a!x}'"),
    ("fstringUnmatchedParen", "f'{)}'"),
    ("fstringMismatchedParen", "f'{(}'"),
    ("fstringNestedTooDeeply", "f'{a:{b:{c}}}'"),
    ("fstringHash", "f'{#}'"),
    ("fstringBackslash", "f'{a\\n}'"),
    ("fstringInvalidSyntaxInside", "y = 1\nf'{1 +}'"),
    ("fstringForgotCommaInside", "f'{a b}'"),
    ("unexpectedIndent", "  x = 1"),
    ("unexpectedIndentSecondLine", "x = 1\n y = 2\n"),
    ("unexpectedIndentTab", "\tx = 1 +\n"),
    ("unindentMismatch", "if x:\n    pass\n  y = 1"),
    ("tabError", "if x:\n\t  pass\n\t  if y:\n          pass"),
    ("indentedBlockIf", "if x:\npass"),
    ("indentedBlockIfAtEof", "if x:"),
    ("indentedBlockIfAtEofWithNewline", "if x:\n"),
    ("indentedBlockNestedAtDedent", "def f():\n    if x:\ny = 1"),
    ("indentedBlockNestedAtEof", "def f():\n    if x:"),
    ("indentedBlockFor", "for x in y:\npass"),
    ("indentedBlockWhile", "while x:\npass"),
    ("indentedBlockWith", "with x:\npass"),
    ("indentedBlockDef", "def f():\nreturn 1"),
    ("indentedBlockAsyncDef", "async def f():\npass"),
    ("indentedBlockClass", "class A:\npass"),
    ("indentedBlockTry", "try:\nx = 1"),
    ("indentedBlockExcept", "try:\n    pass\nexcept E:\npass"),
    ("indentedBlockFinally", "try:\n    pass\nfinally:\npass"),
    ("indentedBlockElse", "if x:\n    pass\nelse:\npass"),
    ("indentedBlockElif", "if x:\n    pass\nelif y:\npass"),
    ("indentedBlockTryElse", "try:\n    pass\nexcept E:\n    pass\nelse:\npass\n"),
    ("unexpectedEofAfterBackslash", "x = 1 \\"),
    ("unexpectedCharacterAfterBackslash", "x = 1 \\ 2"),
    ("tooManyNestedParentheses", "x = " + "(" * 201),
    ("tooManyIndentationLevels", "".join("    " * i + "if x:\n" for i in range(100)) + "    " * 100 + "pass\n"),
    ("assignToCallMaybeEquals", "f() = 1"),
    ("assignToLiteralMaybeEquals", "1 = x"),
    ("assignToExpressionMaybeEquals", "a + 1 = 2"),
    ("assignToStringMaybeEquals", '"abc" = 1'),
    ("assignToFStringMaybeEquals", 'f"{x}" = 1'),
    ("assignToEllipsisMaybeEquals", "... = 1"),
    ("assignToYieldMaybeEquals", "(yield) = 1"),
    ("assignToCallInChain", "x = f() = 1"),
    ("assignToCallFirstOfChain", "f() = 1 = 2"),
    ("assignToCallInTuple", "(a, f()) = 1"),
    ("assignToLiteralInList", "[a, 1] = 1"),
    ("assignToTrue", "True = 1"),
    ("assignToExpressionInChain", "a, b = c + 1 = 3"),
    ("assignToLambda", "lambda: 1 = 1"),
    ("assignToConditional", "a if b else c = 1"),
    ("assignToYieldInChain", "x = yield = 1"),
    ("forTargetCall", "for f() in x: pass"),
    ("withTargetCall", "with a as f(): pass"),
    ("deleteLiteral", "del 1"),
    ("deleteCallInTuple", "del (a, f())"),
    ("deleteStarred", "del *a"),
    ("starredAssignmentAlone", "*a = 1"),
    ("multipleStarredTargets", "a, *b, *c = 1"),
    ("starredValue", "x = *a"),
    ("starredInGroup", "(*a) = b"),
    ("annotateTuple", "a, b: int"),
    ("annotateList", "[a]: int"),
    ("annotateCall", "f(): int"),
    ("annotatedTupleValue", "x: int, y = 1"),
    ("augAssignLiteral", "1 += 1"),
    ("augAssignCall", "f() += 1"),
    ("augAssignTuple", "(a, b) += 1"),
    ("positionalAfterKeyword", "f(a=1, b)"),
    ("positionalAfterKeywordUnpacking", "f(**a, b)"),
    ("iterableUnpackingAfterKeywordUnpacking", "f(**a, *b)"),
    ("keywordRepeated", "f(a=1, a=2)"),
    ("keywordIsExpression", "f(a.b=1)"),
    ("keywordIsTrue", "f(True=1)"),
    ("generatorNotParenthesized", "f(x for x in y, 1)"),
    ("walrusAttribute", "x = (a.b := 1)\n"),
    ("nonDefaultAfterDefault", "def f(a=1, b): pass"),
    ("lambdaNonDefaultAfterDefault", "lambda a=1, b: 0"),
    ("bareStarThenDoubleStar", "def f(*, **k): pass"),
    ("bareStarAlone", "def f(*): pass"),
    ("twoStars", "def f(*a, *b): pass"),
    ("argumentAfterKwargs", "def f(**k, a): pass"),
    ("slashTwice", "def f(a, /, b, /): pass"),
    ("slashAfterStar", "def f(*, a, /): pass"),
    ("slashFirst", "def f(/): pass"),
    ("trailingCommaInImport", "from x import a,"),
    ("starInParenthesizedImport", "from x import (*)"),
    ("mixedBytes", "'a' b'abc'"),
    ("truncatedHexEscape", "'\\xZZ'"),
    ("earlierBadTargetWins", "f() = 1\nx = = 2\n"),
]


def dump_ast(src, attrs):
    return ast.dump(ast.parse(src), include_attributes=attrs)


def java_str(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == '\\':
            out.append('\\\\')
        elif ch == '"':
            out.append('\\"')
        elif ch == '\n':
            out.append('\\n')
        elif ch == '\t':
            out.append('\\t')
        elif ch == '\r':
            out.append('\\r')
        elif o < 0x20 or o > 0x7e:
            if o > 0xffff:
                hi = 0xd800 + ((o - 0x10000) >> 10)
                lo = 0xdc00 + ((o - 0x10000) & 0x3ff)
                out.append('\\u%04x\\u%04x' % (hi, lo))
            else:
                out.append('\\u%04x' % o)
        else:
            out.append(ch)
    return '"' + ''.join(out) + '"'


def run_file(src):
    """Runs src as a script and returns (kind, msg, lineno, offset, end_lineno, end_offset, text, stderr)."""
    hook = tempfile.mkdtemp()
    with open(os.path.join(hook, 'sitecustomize.py'), 'w') as f:
        f.write(
            "import sys\n_orig = sys.excepthook\n"
            "def hook(t, e, tb):\n"
            "    if isinstance(e, SyntaxError):\n"
            "        sys.stderr.write('ATTRS' + repr((t.__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text)) + '\\n')\n"
            "    _orig(t, e, tb)\n"
            "sys.excepthook = hook\n")
    d = tempfile.mkdtemp()
    path = os.path.join(d, 't.py')
    with open(path, 'w') as f:
        f.write(src)
    env = dict(os.environ, PYTHONPATH=hook)
    r = subprocess.run([sys.executable, 't.py'], cwd=d, capture_output=True, text=True, env=env)
    lines = r.stderr.splitlines(True)
    attrs = None
    rest = []
    for line in lines:
        if line.startswith('ATTRS'):
            attrs = eval(line[5:])
        else:
            rest.append(line)
    return attrs, ''.join(rest).replace(path, 't.py').replace('"' + 't.py' + '"', '"t.py"')


def main():
    what = sys.argv[1]
    if what == 'ast':
        for src in AST_CASES:
            print('            {%s,\n             %s},' % (java_str(src), java_str(dump_ast(src, False))))
    elif what == 'pos':
        for src in POS_CASES:
            print('            {%s,\n             %s},' % (java_str(src), java_str(dump_ast(src, True))))
    elif what == 'errors':
        for name, src in ERROR_CASES:
            attrs, stderr = run_file(src)
            kind, msg, lineno, offset, end_lineno, end_offset, text = attrs
            print('            {%s, %s, %s, %s, %d, %d, %s},' % (
                java_str(name), java_str(src), java_str(kind), java_str(msg), lineno, offset if offset is not None else 0,
                java_str(stderr)))


if __name__ == '__main__':
    main()
