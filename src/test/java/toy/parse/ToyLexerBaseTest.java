package toy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

import toy.parse.gen.ToyLexer;

/** The worked examples of {@link ToyLexerBase}'s Javadoc, and its other token-level duties. */
class ToyLexerBaseTest {

    /** Renders tokens as the Javadoc does: keywords by name, operators as written, NEWLINE as &lt;N&gt;. */
    static String tokens(String src) {
        ToyLexer lexer = new ToyLexer(CharStreams.fromString(src));
        lexer.removeErrorListeners();
        List<String> out = new ArrayList<>();
        while (true) {
            Token t = lexer.nextToken();
            if (t.getType() == Token.EOF) {
                out.add("EOF");
                break;
            }
            if (t.getType() == ToyLexer.NEWLINE) {
                out.add("<N>");
                continue;
            }
            String literal = ToyLexer.VOCABULARY.getLiteralName(t.getType());
            if (literal != null && !Character.isLetter(literal.charAt(1))) {
                out.add(literal.substring(1, literal.length() - 1));
            } else {
                out.add(ToyLexer.VOCABULARY.getSymbolicName(t.getType()));
            }
        }
        return String.join(" ", out);
    }

    @Test
    void simpleStatementEndsWithNewline() {
        assertEquals("NAME = NUMBER <N> EOF", tokens("x = 1\n"));
    }

    @Test
    void indentedBlockIsWrappedInIndentAndDedent() {
        assertEquals("IF NAME : <N> INDENT NAME <N> DEDENT EOF", tokens("if x:\n    y\n"));
    }

    @Test
    void dedentToOuterLevelEmitsOneDedentPerLevel() {
        assertEquals("IF NAME : <N> INDENT IF NAME : <N> INDENT NAME <N> DEDENT DEDENT NAME <N> EOF",
                tokens("if a:\n  if b:\n    c\nd\n"));
    }

    @Test
    void noNewlineOrIndentInsideBrackets() {
        assertEquals("NAME ( NUMBER , NUMBER ) <N> EOF", tokens("f(1,\n  2)\n"));
    }

    @Test
    void backslashJoinsLines() {
        assertEquals("NAME = NUMBER + NUMBER <N> EOF", tokens("x = 1 + \\\n  2\n"));
    }

    @Test
    void blankAndCommentOnlyLinesAreIgnored() {
        assertEquals("NAME <N> NAME <N> EOF", tokens("x\n\n   # note\n\ny\n"));
    }

    @Test
    void dedentAtEofClosesAllBlocks() {
        assertEquals("IF NAME : <N> INDENT NAME <N> DEDENT EOF", tokens("if x:\n    y"));
        assertEquals("IF NAME : <N> INDENT IF NAME : <N> INDENT NAME <N> DEDENT DEDENT EOF", tokens("if a:\n  if b:\n    c"));
    }

    @Test
    void tabsCountToNextMultipleOfEight() {
        // a tab and eight spaces are the same level when both measures agree in order
        assertEquals("IF NAME : <N> INDENT NAME <N> NAME <N> DEDENT EOF", tokens("if x:\n\ty\n\tz\n"));
    }

    @Test
    void commentAfterCodeKeepsNewline() {
        assertEquals("NAME <N> NAME <N> EOF", tokens("x  # c\ny\n"));
    }

    @Test
    void crlfLineEndingsWork() {
        assertEquals("IF NAME : <N> INDENT NAME <N> DEDENT EOF", tokens("if x:\r\n    y\r\n"));
    }

    @Test
    void stringsAndNumbersAreSingleTokens() {
        assertEquals("NAME = STRING STRING NUMBER NUMBER NUMBER <N> EOF", tokens("x = 'a' \"\"\"b\nc\"\"\" 1_0 0x1F 1.5e3\n"));
    }

    @Test
    void keywordBeforeNumberIsAllowed() {
        assertEquals("NUMBER IF NAME ELSE NUMBER <N> EOF", tokens("1if x else 2\n"));
    }

    @Test
    void lexerRecordsFirstErrorAndStops() {
        ToyLexer lexer = new ToyLexer(CharStreams.fromString("x = 'abc\ny = 1\n"));
        while (lexer.nextToken().getType() != Token.EOF) {
            // drain
        }
        assertNotNull(lexer.error());
        assertEquals("unterminated string literal (detected at line 1)", lexer.error().msg());
        ToyLexer ok = new ToyLexer(CharStreams.fromString("x = 1\n"));
        while (ok.nextToken().getType() != Token.EOF) {
            // drain
        }
        assertNull(ok.error());
    }
}
