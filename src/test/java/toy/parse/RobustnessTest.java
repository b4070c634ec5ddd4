package toy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import toy.ast.Expr;
import toy.ast.Module;

/** Any input ends in a Module or a SyntaxError, quickly, with nothing printed. */
class RobustnessTest {
    private static final String[] SOUP = {
        "x", "y", "f", "1", "2.5", "'s'", "\"t\"", "f'{x}'", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=", "==", "+", "-",
        "*", "**", "/", "//", "%", "@", "|", "&", "^", "~", "<", ">", "<=", ">=", "!=", "->", ":=", "+=", "if", "elif", "else",
        "while", "for", "in", "not", "and", "or", "is", "def", "class", "return", "yield", "lambda", "try", "except", "finally",
        "with", "as", "import", "from", "pass", "break", "continue", "del", "global", "nonlocal", "assert", "raise", "async",
        "await", "None", "True", "False", "...", "\n", "\n    ", "\n        ", "\n  ", "\t", "\\\n", "#c\n", "'''", "\"", "'",
        "$", "?", "!", "\\", "0x", "1_", "09", "€", "print",
    };

    /** Parses and returns normally or via SyntaxError; fails the test on anything else. */
    private static void parseSafely(String src) {
        try {
            Parser.parse(src, "fuzz.py");
        } catch (SyntaxError e) {
            assertTrue(e.kind.equals("SyntaxError") || e.kind.equals("IndentationError") || e.kind.equals("TabError"), e.kind);
            e.format();
        } catch (Throwable t) {
            fail("input " + escape(src) + " threw " + t, t);
        }
        try {
            Parser.parseExpression(src, "<string>");
        } catch (SyntaxError e) {
            e.format();
        } catch (Throwable t) {
            fail("expression input " + escape(src) + " threw " + t, t);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }

    @Test
    void randomTokenSoupNeverThrowsAnythingButSyntaxError() {
        Random r = new Random(42);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 1500; i++) {
                StringBuilder sb = new StringBuilder();
                int n = 1 + r.nextInt(30);
                for (int j = 0; j < n; j++) {
                    sb.append(SOUP[r.nextInt(SOUP.length)]).append(r.nextInt(3) == 0 ? "" : " ");
                }
                parseSafely(sb.toString());
            }
        });
    }

    @Test
    void randomCharactersNeverThrowAnythingButSyntaxError() {
        Random r = new Random(7);
        String alphabet = "abxyz019_ ()[]{}'\"\\\n\t#:;.,=+-*/%<>!@&|^~`$?\r\f\u0000\u00e9\u20ac";
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 1500; i++) {
                StringBuilder sb = new StringBuilder();
                int n = r.nextInt(40);
                for (int j = 0; j < n; j++) {
                    sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                parseSafely(sb.toString());
            }
        });
    }

    @Test
    void randomBytesDecodedAsUtf8NeverThrowAnythingButSyntaxError() {
        Random r = new Random(99);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 500; i++) {
                byte[] bytes = new byte[r.nextInt(60)];
                r.nextBytes(bytes);
                parseSafely(new String(bytes, StandardCharsets.UTF_8));
            }
        });
    }

    @Test
    void mutatedProgramsNeverThrowAnythingButSyntaxError() {
        String program = """
                import os, sys as system
                from .pkg import (a, b as c)

                @decorator(arg=1)
                class Point(Base, metaclass=Meta):
                    '''Doc.'''
                    def __init__(self, x: int = 0, *args, y, **kw) -> None:
                        self.x, self.y = x, y
                        total = sum(v ** 2 for v in args if v) + kw.get('z', -1)
                        print(f"{self.x!r:>{width}} {total=}", end='')

                    async def run(self):
                        async with lock as l:
                            async for item in source():
                                await item
                        try:
                            return [i for i in range(10) if i % 2] or {k: v for k, v in items}
                        except (ValueError, TypeError) as e:
                            raise RuntimeError("bad") from e
                        finally:
                            del self.cache[0:2, ::3]

                while (n := next(it, None)) is not None:
                    if n > 10: break
                    elif n < 0:
                        continue
                    else:
                        x = lambda a, /, b=2, *c, d, **e: (yield)
                """;
        Random r = new Random(3);
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            parseSafely(program);
            for (int i = 0; i < 400; i++) {
                StringBuilder sb = new StringBuilder(program);
                int edits = 1 + r.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    int at = r.nextInt(sb.length());
                    switch (r.nextInt(3)) {
                        case 0 -> sb.deleteCharAt(at);
                        case 1 -> sb.insert(at, SOUP[r.nextInt(SOUP.length)]);
                        default -> {
                            int to = Math.min(sb.length(), at + r.nextInt(10));
                            sb.delete(at, to);
                        }
                    }
                }
                parseSafely(sb.toString());
            }
        });
    }

    @Test
    void nestedParenthesesWithinCPythonLimitParse() {
        String src = "x = " + "(".repeat(199) + "1" + ")".repeat(199) + "\n";
        Module m = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Parser.parse(src, "t.py"));
        assertEquals(1, m.body().size());
    }

    @Test
    void thousandNestedParenthesesAreTooManyNestedParentheses() {
        String src = "x = " + "(".repeat(1000) + "1" + ")".repeat(1000) + "\n";
        SyntaxError e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(SyntaxError.class, () -> Parser.parse(src, "t.py")));
        assertEquals("too many nested parentheses", e.msg);
        assertEquals(205, e.col);
    }

    @Test
    void deeplyNestedMixedBracketsAreTooManyNestedParentheses() {
        String src = "[{(".repeat(400) + ")}]".repeat(400);
        SyntaxError e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(SyntaxError.class, () -> Parser.parse(src, "t.py")));
        assertEquals("too many nested parentheses", e.msg);
    }

    @Test
    void ninetyNineNestedIfsParse() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 99; i++) {
            sb.append(" ".repeat(i)).append("if x:\n");
        }
        sb.append(" ".repeat(99)).append("pass\n");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Parser.parse(sb.toString(), "t.py"));
    }

    @Test
    void hundredNestedIfsAreTooManyLevelsOfIndentation() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            sb.append(" ".repeat(i)).append("if x:\n");
        }
        sb.append(" ".repeat(100)).append("pass\n");
        SyntaxError e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(SyntaxError.class, () -> Parser.parse(sb.toString(), "t.py")));
        assertEquals("IndentationError", e.kind);
        assertEquals("too many levels of indentation", e.msg);
    }

    @Test
    void hugeUnaryChainEndsInSyntaxErrorOrParses() {
        String src = "x = " + "-".repeat(100_000) + "1\n";
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> parseSafely(src));
    }

    @Test
    void longFlatChainsParse() {
        String sum = "x = " + "a + ".repeat(20_000) + "a\n";
        String attrs = "x = a" + ".b".repeat(20_000) + "\n";
        String calls = "x = f" + "()".repeat(20_000) + "\n";
        String bools = "x = " + "a and ".repeat(20_000) + "a\n";
        String compare = "x = " + "a < ".repeat(20_000) + "a\n";
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertInstanceOf(Expr.BinOp.class, ((toy.ast.Stmt.Assign) Parser.parse(sum, "t.py").body().get(0)).value());
            Parser.parse(attrs, "t.py");
            Parser.parse(calls, "t.py");
            Parser.parse(bools, "t.py");
            Parser.parse(compare, "t.py");
        });
    }

    @Test
    void deepRightNestingEndsInModuleOrSyntaxError() {
        String notChain = "x = " + "not ".repeat(20_000) + "a\n";
        String power = "x = " + "a ** ".repeat(20_000) + "a\n";
        String lambdas = "x = " + "lambda: ".repeat(5_000) + "a\n";
        String ternary = "x = " + "a if b else ".repeat(5_000) + "a\n";
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            parseSafely(notChain);
            parseSafely(power);
            parseSafely(lambdas);
            parseSafely(ternary);
        });
    }

    @Test
    void parsingPrintsNothing() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(sink);
        System.setErr(sink);
        try {
            for (String src : new String[] {"x = = 1", "if x\n", "f(a b)", "x = (", "'abc", "  x", "def f(:", "x = $", "1abc", "f'{'"}) {
                assertThrows(SyntaxError.class, () -> Parser.parse(src, "t.py"));
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fiveThousandLineFileParsesWellUnderASecond() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            sb.append("def function_").append(i).append("(a, b=2, *args, key=None, **kw):\n");
            sb.append("    '''Docstring for ").append(i).append(".'''\n");
            sb.append("    total = a + b * 3 - len(args) // 2\n");
            sb.append("    for item in args:\n");
            sb.append("        if item is not None and item > total:\n");
            sb.append("            total += item ** 2\n");
            sb.append("        elif item in (1, 2, 3):\n");
            sb.append("            total -= {'k': [x for x in range(item) if x % 2]}.get('k', [0])[0]\n");
            sb.append("    return f\"{total!r:>10} {key}\"\n");
            sb.append("\n");
        }
        String src = sb.toString();
        Parser.parse(src, "big.py"); // warm up the JIT and ANTLR's DFA cache
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            Module m = Parser.parse(src, "big.py");
            best = Math.min(best, System.nanoTime() - t0);
            assertEquals(500, m.body().size());
        }
        assertTrue(best < 1_000_000_000L, "5000 lines took " + best / 1_000_000 + " ms");
    }
}
