package toy.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import toy.ast.Expr;
import toy.ast.Module;
import toy.ast.Stmt;

/** The facade's contract: eval mode, constant types, SyntaxError fields and rendering. */
class ParserApiTest {

    @Test
    void parseExpressionReturnsTheExpressionLikeEvalMode() {
        // expected strings: ast.dump(ast.parse(src.lstrip(' \t'), mode='eval').body)
        assertEquals("BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2))",
                AstDump.dump(Parser.parseExpression("1 + 2", "<string>")));
        assertEquals("BinOp(left=Name(id='x', ctx=Load()), op=Mult(), right=Name(id='y', ctx=Load()))",
                AstDump.dump(Parser.parseExpression("  x * y", "<string>")));
        assertEquals("Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load())",
                AstDump.dump(Parser.parseExpression("a, b", "<string>")));
        assertEquals("Call(func=Name(id='f', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[])",
                AstDump.dump(Parser.parseExpression("f(x)\n", "<string>")));
    }

    @Test
    void parseExpressionRejectsStatements() {
        // eval('x = 1'): SyntaxError invalid syntax 1 3; eval('1 +'): invalid syntax on line 1
        // (CPython reports offset 0 there; Toy points after the '+')
        SyntaxError e = assertThrows(SyntaxError.class, () -> Parser.parseExpression("x = 1", "<string>"));
        assertEquals("invalid syntax @ 1:3", e.msg + " @ " + e.line + ":" + e.col);
        e = assertThrows(SyntaxError.class, () -> Parser.parseExpression("1 +", "<string>"));
        assertEquals("invalid syntax @ 1", e.msg + " @ " + e.line);
    }

    @Test
    void integerConstantsAreLongUntilTheyOverflow() {
        Expr small = Parser.parseExpression("9223372036854775807", "<string>");
        Expr big = Parser.parseExpression("9223372036854775808", "<string>");
        Expr hex = Parser.parseExpression("0xFFFF_FFFF_FFFF_FFFF", "<string>");
        assertEquals(Long.MAX_VALUE, ((Expr.Constant) small).value());
        assertEquals(new BigInteger("9223372036854775808"), ((Expr.Constant) big).value());
        assertEquals(new BigInteger("18446744073709551615"), ((Expr.Constant) hex).value());
        assertEquals(1.5, ((Expr.Constant) Parser.parseExpression("1.5", "<string>")).value());
        assertEquals(0.5, ((Expr.Constant) Parser.parseExpression(".5", "<string>")).value());
        assertEquals(1.0, ((Expr.Constant) Parser.parseExpression("1.", "<string>")).value());
    }

    @Test
    void imaginaryLiteralsAreSyntaxErrors() {
        assertEquals("imaginary literals are not supported",
                assertThrows(SyntaxError.class, () -> Parser.parse("x = 1j", "t.py")).msg);
    }

    @Test
    void bytesLiteralsAreByteArrayConstants() {
        Expr e = Parser.parseExpression("b'a\\x00' b'c'", "<string>");
        assertArrayEquals(new byte[] {'a', 0, 'c'}, (byte[]) ((Expr.Constant) e).value());
        assertEquals("bytes can only contain ASCII literal characters",
                assertThrows(SyntaxError.class, () -> Parser.parse("x = b'\u00e9'", "t.py")).msg);
    }

    @Test
    void emptySourceIsAnEmptyModule() {
        Module m = Parser.parse("", "t.py");
        assertTrue(m.body().isEmpty());
        assertTrue(Parser.parse("\n\n# only a comment\n", "t.py").body().isEmpty());
    }

    @Test
    void syntaxErrorHasNoStackTraceAndCarriesItsLine() {
        SyntaxError e = assertThrows(SyntaxError.class, () -> Parser.parse("x = 1\nif x\n", "prog.py"));
        assertEquals(0, e.getStackTrace().length);
        assertEquals("SyntaxError", e.kind);
        assertEquals("prog.py", e.filename);
        assertEquals(2, e.line);
        assertEquals(5, e.col);
        assertEquals("if x\n", e.lineText);
        assertEquals("  File \"prog.py\", line 2\n    if x\n        ^\nSyntaxError: expected ':'\n", e.format());
    }

    @Test
    void fstringExpressionsArePositionedInTheFile() {
        Stmt.ExprStmt s = (Stmt.ExprStmt) Parser.parse("x = 1\nf'ab{value}'", "t.py").body().get(1);
        Expr.JoinedStr j = assertInstanceOf(Expr.JoinedStr.class, s.value());
        Expr.FormattedValue fv = assertInstanceOf(Expr.FormattedValue.class, j.values().get(1));
        Expr.Name n = assertInstanceOf(Expr.Name.class, fv.value());
        assertEquals(2, n.pos().line());
        assertEquals(5, n.pos().col());
        assertEquals(10, n.pos().endCol());
        assertNull(fv.formatSpec());
    }

    @Test
    void selfDocumentingFStringUsesReprConversion() {
        Expr.JoinedStr j = (Expr.JoinedStr) Parser.parseExpression("f'{x = }'", "<string>");
        assertEquals("x = ", ((Expr.Constant) j.values().get(0)).value());
        assertEquals('r', ((Expr.FormattedValue) j.values().get(1)).conversion());
    }
}
