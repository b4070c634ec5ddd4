package toy.parse;

import java.util.ArrayDeque;
import java.util.Deque;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

import toy.parse.gen.ToyLexer;

/**
 * Base class of the generated {@code ToyLexer}: turns Python's line structure into tokens the
 * way CPython's tokenizer does, and records CPython's tokenizer diagnostics.
 *
 * <p>The grammar only calls out to this class ({@code onNewLine()}, {@code openBracket()},
 * {@code closeBracket()}, {@code onNumber()}); everything else happens
 * in {@link #nextToken()} and {@link #emit(Token)}. Worked examples (token names as in the
 * grammar; {@code <N>} is NEWLINE):
 *
 * <pre>
 * "x = 1\n"                      NAME = NUMBER &lt;N&gt; EOF
 * "if x:\n    y\n"               IF NAME : &lt;N&gt; INDENT NAME &lt;N&gt; DEDENT EOF
 * "if a:\n  if b:\n    c\nd\n"   IF NAME : &lt;N&gt; INDENT IF NAME : &lt;N&gt; INDENT NAME &lt;N&gt; DEDENT DEDENT NAME &lt;N&gt; EOF
 * "f(1,\n  2)\n"                 NAME ( NUMBER , NUMBER ) &lt;N&gt; EOF      (no NEWLINE/INDENT inside brackets)
 * "x = 1 + \\\n  2\n"            NAME = NUMBER + NUMBER &lt;N&gt; EOF       (backslash joins the lines)
 * "x\n\n   # note\n\ny\n"        NAME &lt;N&gt; NAME &lt;N&gt; EOF                 (blank and comment-only lines vanish)
 * "if x:\n    y"                 IF NAME : &lt;N&gt; INDENT NAME &lt;N&gt; DEDENT EOF   (NEWLINE and DEDENTs added at EOF)
 * </pre>
 *
 * <p>Indentation follows CPython: a tab advances the column to the next multiple of 8 and, in a
 * second measure, counts as one column; if the two measures disagree about the order of two
 * lines the result is a {@code TabError}. A dedent to a column that is not on the stack is
 * {@code IndentationError: unindent does not match any outer indentation level}.
 *
 * <p>Errors do not throw: the first one is stored in {@link #error()}, an {@code ERRORTOKEN} is
 * emitted where it happened, and then only EOF follows. The facade decides, as CPython does,
 * whether that error or a parser error is reported.
 */
public abstract class ToyLexerBase extends Lexer {
    /** CPython's MAXINDENT: nesting deeper than this is "too many levels of indentation". */
    private static final int MAX_INDENT = 100;
    /** CPython's MAXLEVEL: bracket nesting deeper than this is "too many nested parentheses". */
    private static final int MAX_LEVEL = 200;

    /** A tokenizer diagnostic, positioned as CPython positions it (offsets are 1-based). */
    public record TokError(String kind, String msg, int line, int offset, int endLine, int endOffset,
                           boolean raisedEagerly, Kind what) {
        /** What went wrong, for the facade's decisions. */
        public enum Kind { PLAIN, EOF_IN_BRACKETS, EOF_AFTER_BACKSLASH }
    }

    /** Tokens waiting to be handed out: one match may produce NEWLINE plus several DEDENTs. */
    private final Deque<Token> pending = new ArrayDeque<>();
    /** Indentation stack of (column with tabs to 8, column with tabs to 1); bottom is (0, 0). */
    private final Deque<int[]> indents = new ArrayDeque<>();
    /** Open brackets, innermost first. */
    private final Deque<Token> brackets = new ArrayDeque<>();
    /** Whether a token other than NEWLINE/INDENT/DEDENT was emitted since the last NEWLINE. */
    private boolean lineHasContent;
    /** Whether any content token was emitted yet (the first one checks line 1's indentation). */
    private boolean seenContent;
    private TokError error;
    private boolean finished;
    private Token lastToken;

    protected ToyLexerBase(CharStream input) {
        super(input);
        indents.push(new int[] {0, 0});
    }

    /** The first tokenizer error, or null. */
    public TokError error() {
        return error;
    }

    /** The brackets still open when the error was found (innermost first). */
    public Deque<Token> openBrackets() {
        return brackets;
    }

    // ===== Token queue =====

    @Override
    public Token nextToken() {
        while (pending.isEmpty()) {
            if (finished) {
                return eofToken();
            }
            super.nextToken();
        }
        return pending.poll();
    }

    @Override
    public void emit(Token token) {
        super.setToken(token);
        if (finished) {
            return;
        }
        int type = token.getType();
        switch (type) {
            case Token.EOF -> atEndOfInput(token);
            case ToyLexer.UNTERMINATED_STRING, ToyLexer.UNTERMINATED_LONG_STRING -> unterminatedString(token);
            case ToyLexer.STRAY_BACKSLASH -> strayBackslash(token);
            case ToyLexer.ERROR_CHAR -> errorChar(token);
            default -> {
                if (type != ToyLexer.NEWLINE && type != ToyLexer.INDENT && type != ToyLexer.DEDENT) {
                    if (!seenContent) {
                        seenContent = true;
                        firstLineIndent(token);
                        if (finished) {
                            return;
                        }
                    }
                    lineHasContent = true;
                }
                pending.add(token);
                lastToken = token;
            }
        }
    }

    private Token eofToken() {
        CommonToken eof = new CommonToken(_tokenFactorySourcePair, Token.EOF, Token.DEFAULT_CHANNEL, _input.index(), _input.index() - 1);
        eof.setText("<EOF>");
        eof.setLine(getLine());
        eof.setCharPositionInLine(getCharPositionInLine());
        return eof;
    }

    private CommonToken synthetic(int type, String text, int line, int col, int start) {
        CommonToken t = new CommonToken(_tokenFactorySourcePair, type, Token.DEFAULT_CHANNEL, start, start - 1);
        t.setText(text);
        t.setLine(line);
        t.setCharPositionInLine(col);
        return t;
    }

    private void atEndOfInput(Token eof) {
        if (!brackets.isEmpty()) {
            fail(new TokError("SyntaxError", "unexpected EOF while parsing", eof.getLine(), eof.getCharPositionInLine() + 1,
                    eof.getLine(), -1, false, TokError.Kind.EOF_IN_BRACKETS), eof);
            return;
        }
        if (lineHasContent) {
            pending.add(synthetic(ToyLexer.NEWLINE, "", eof.getLine(), eof.getCharPositionInLine(), eof.getStartIndex()));
            lineHasContent = false;
        }
        while (indents.size() > 1) {
            indents.pop();
            pending.add(synthetic(ToyLexer.DEDENT, "", eof.getLine(), eof.getCharPositionInLine(), eof.getStartIndex()));
        }
        pending.add(eof);
        finished = true;
    }

    /** Records the error, queues an ERRORTOKEN where it happened, and ends the token stream. */
    private void fail(TokError err, Token at) {
        if (finished) {
            return;
        }
        error = err;
        _hitEOF = true; // stop matching: CPython's tokenizer stops at its first error
        CommonToken t = synthetic(ToyLexer.ERRORTOKEN, at.getText(), at.getLine(), at.getCharPositionInLine(), at.getStartIndex());
        pending.add(t);
        finished = true;
    }

    // ===== Call-outs from the grammar =====

    /** The first token of the file: if it is on line 1 and indented, that is an INDENT. */
    private void firstLineIndent(Token first) {
        if (first.getLine() == 1 && first.getCharPositionInLine() > 0) {
            String blanks = _input.getText(org.antlr.v4.runtime.misc.Interval.of(0, first.getStartIndex() - 1));
            indentTo(blanks, 1, first.getStartIndex());
        }
    }

    protected void openBracket() {
        if (brackets.size() >= MAX_LEVEL) {
            fail(new TokError("SyntaxError", "too many nested parentheses", getLine(), getCharPositionInLine(),
                    getLine(), getCharPositionInLine(), true, TokError.Kind.PLAIN), tokenHere());
            skip();
            return;
        }
        brackets.push(tokenHere());
    }

    protected void closeBracket() {
        char close = getText().charAt(0);
        Token here = tokenHere();
        int line = getLine();
        int offset = getCharPositionInLine(); // after the bracket: 1-based offset of the bracket
        if (brackets.isEmpty()) {
            fail(new TokError("SyntaxError", "unmatched '" + close + "'", line, offset, line, offset, true, TokError.Kind.PLAIN), here);
            skip();
            return;
        }
        Token open = brackets.peek();
        char opening = open.getText().charAt(0);
        if (!(opening == '(' && close == ')' || opening == '[' && close == ']' || opening == '{' && close == '}')) {
            String msg = "closing parenthesis '" + close + "' does not match opening parenthesis '" + opening + "'";
            if (open.getLine() != line) {
                msg += " on line " + open.getLine();
            }
            fail(new TokError("SyntaxError", msg, line, offset, line, offset, true, TokError.Kind.PLAIN), here);
            skip();
            return;
        }
        brackets.pop();
    }

    private Token tokenHere() {
        CommonToken t = new CommonToken(_tokenFactorySourcePair, _type, Token.DEFAULT_CHANNEL, _tokenStartCharIndex, getCharIndex() - 1);
        t.setText(getText());
        t.setLine(_tokenStartLine);
        t.setCharPositionInLine(_tokenStartCharPositionInLine);
        return t;
    }

    /**
     * NEWLINE matched a line break plus the next line's leading blanks (or the first line's
     * leading blanks). Emits NEWLINE if the logical line had content, then INDENT/DEDENTs
     * for the next line unless it is blank, a comment, or inside brackets.
     */
    protected void onNewLine() {
        if (!brackets.isEmpty()) {
            skip();
            return;
        }
        String text = getText();
        int breakLen = text.startsWith("\r\n") ? 2 : (text.startsWith("\n") || text.startsWith("\r")) ? 1 : 0;
        String blanks = text.substring(breakLen);
        int line = _tokenStartLine;
        int col = _tokenStartCharPositionInLine;
        if (lineHasContent && breakLen > 0) {
            pending.add(synthetic(ToyLexer.NEWLINE, "\n", line, col, _tokenStartCharIndex));
            lineHasContent = false;
        }
        int next = _input.LA(1);
        boolean blankLine = next == '\n' || next == '\r' || next == '#' || next == CharStream.EOF
                || next == '\\' && (_input.LA(2) == '\n' || _input.LA(2) == '\r');
        if (!blankLine) {
            indentTo(blanks, getLine(), getCharIndex());
        }
        skip();
    }

    private void indentTo(String blanks, int line, int start) {
        int col = 0;
        int altcol = 0;
        for (int i = 0; i < blanks.length(); i++) {
            char c = blanks.charAt(i);
            if (c == ' ') {
                col++;
                altcol++;
            } else if (c == '\t') {
                col = (col / 8 + 1) * 8;
                altcol++;
            } else if (c == '\f') {
                col = 0;
                altcol = 0;
            }
        }
        int width = blanks.length();
        int[] top = indents.peek();
        if (col == top[0]) {
            if (altcol != top[1]) {
                tabError(line, start);
            }
        } else if (col > top[0]) {
            if (altcol <= top[1]) {
                tabError(line, start);
                return;
            }
            if (indents.size() >= MAX_INDENT) {
                fail(new TokError("IndentationError", "too many levels of indentation", line, 1, line, -1, false,
                        TokError.Kind.PLAIN), synthetic(ToyLexer.INDENT, "", line, width, start));
                return;
            }
            indents.push(new int[] {col, altcol});
            pending.add(synthetic(ToyLexer.INDENT, "", line, width, start));
        } else {
            // Find the level first: on a mismatch CPython reports the error before any DEDENT.
            int pops = 0;
            for (int[] level : indents) {
                if (indents.size() - pops <= 1 || col >= level[0]) {
                    break;
                }
                pops++;
            }
            for (int i = 0; i < pops; i++) {
                indents.pop();
            }
            top = indents.peek();
            if (col == top[0] && altcol == top[1]) {
                for (int i = 0; i < pops; i++) {
                    pending.add(synthetic(ToyLexer.DEDENT, "", line, width, start));
                }
            }
            if (col != top[0]) {
                int lineLen = restOfLineLength() + width;
                fail(new TokError("IndentationError", "unindent does not match any outer indentation level", line, lineLen + 1, line,
                        -1, false, TokError.Kind.PLAIN), synthetic(ToyLexer.DEDENT, "", line, width, start));
            } else if (altcol != top[1]) {
                tabError(line, start);
            }
        }
    }

    private void tabError(int line, int start) {
        fail(new TokError("TabError", "inconsistent use of tabs and spaces in indentation", line, 1, line, 0, false,
                TokError.Kind.PLAIN), synthetic(ToyLexer.INDENT, "", line, 0, start));
    }

    /** Number of characters from the current input position to the end of the line. */
    private int restOfLineLength() {
        int n = 0;
        while (true) {
            int c = _input.LA(n + 1);
            if (c == CharStream.EOF || c == '\n' || c == '\r') {
                return n;
            }
            n++;
        }
    }

    /**
     * A number literal ended: CPython rejects one that runs straight into a name
     * ({@code 1abc}), except before the keywords {@code and else for if in is not or}.
     */
    protected void onNumber() {
        String text = getText();
        int line = _tokenStartLine;
        int startCol = _tokenStartCharPositionInLine;
        int endCol = getCharPositionInLine(); // 0-based column of the next character
        int c = _input.LA(1);
        String lower = text.toLowerCase();
        String kind = "decimal";
        if (lower.startsWith("0x")) {
            kind = "hexadecimal";
        } else if (lower.startsWith("0o")) {
            kind = "octal";
        } else if (lower.startsWith("0b")) {
            kind = "binary";
        }
        if (text.equals("0") && (c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' || c == 'B')) {
            // "0x", "0o8", "0b2": a prefix without valid digits
            int d = _input.LA(2);
            String prefixKind = (c == 'x' || c == 'X') ? "hexadecimal" : (c == 'o' || c == 'O') ? "octal" : "binary";
            if (!prefixKind.equals("hexadecimal") && d >= '0' && d <= '9') {
                numberError("invalid digit '" + (char) d + "' in " + prefixKind + " literal", line, endCol + 2, endCol + 2);
            } else {
                int at = endCol + 1;
                numberError("invalid " + prefixKind + " literal", line, at, at);
            }
            return;
        }
        if ((kind.equals("octal") || kind.equals("binary")) && c >= '0' && c <= '9') {
            numberError("invalid digit '" + (char) c + "' in " + kind + " literal", line, endCol + 1, endCol + 1);
            return;
        }
        if (kind.equals("decimal") && text.length() > 1 && text.charAt(0) == '0' && allZerosOrUnderscore(text) && c >= '1' && c <= '9'
                || text.equals("0") && c >= '0' && c <= '9') {
            int zeros = 0;
            while (zeros < text.length() && (text.charAt(zeros) == '0' || text.charAt(zeros) == '_')) {
                zeros++;
            }
            numberError("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", line,
                    startCol + 1, startCol + 1 + zeros);
            return;
        }
        if (c == '_' || (c >= '0' && c <= '9' && !kind.equals("decimal"))) {
            numberError("invalid " + kind + " literal", line, endCol + 1, endCol + 1);
            return;
        }
        if (c >= 0 && isIdentifierChar(c) && !keywordFollows(c)) {
            numberError("invalid " + kind + " literal", line, endCol, endCol);
        }
    }

    private static boolean allZerosOrUnderscore(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '0' && text.charAt(i) != '_') {
                return false;
            }
        }
        return true;
    }

    private boolean keywordFollows(int c) {
        int c2 = _input.LA(2);
        return switch (c) {
            case 'a' -> lookahead("nd");
            case 'e' -> lookahead("lse");
            case 'f' -> lookahead("or");
            case 'i' -> c2 == 'f' || c2 == 'n' || c2 == 's';
            case 'o' -> lookahead("r");
            case 'n' -> lookahead("ot");
            default -> false;
        };
    }

    private boolean lookahead(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            if (_input.LA(i + 2) != rest.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentifierChar(int c) {
        return c == '_' || c >= 128 || Character.isLetterOrDigit(c);
    }

    private void numberError(String msg, int line, int offset, int endOffset) {
        fail(new TokError("SyntaxError", msg, line, offset, line, endOffset, true, TokError.Kind.PLAIN), tokenHere());
        skip();
    }

    // ===== Error tokens =====

    private void unterminatedString(Token t) {
        String text = t.getText();
        int lastLine = t.getLine();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                lastLine++;
            }
        }
        boolean triple = t.getType() == ToyLexer.UNTERMINATED_LONG_STRING;
        if (triple && (text.endsWith("\n") || text.endsWith("\r"))) {
            lastLine--; // at EOF the tokenizer is still on the last line
        }
        if (!triple && _input.LA(1) == CharStream.EOF && text.endsWith("\\")) {
            lastLine = t.getLine();
        }
        int quoteCol = t.getCharPositionInLine();
        String msg = triple ? "unterminated triple-quoted string literal (detected at line " + lastLine + ")"
                : "unterminated string literal (detected at line " + lastLine + ")";
        fail(new TokError("SyntaxError", msg, t.getLine(), quoteCol + 1, t.getLine(), quoteCol + 1, true, TokError.Kind.PLAIN), t);
    }

    private static int prefixLength(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) != '\'' && text.charAt(i) != '"') {
            i++;
        }
        return i;
    }

    private void strayBackslash(Token t) {
        int line = t.getLine();
        int col = t.getCharPositionInLine();
        if (_input.LA(1) == CharStream.EOF) {
            fail(new TokError("SyntaxError", "unexpected EOF while parsing", line, col + 2, line, -1, false,
                    TokError.Kind.EOF_AFTER_BACKSLASH), t);
        } else {
            fail(new TokError("SyntaxError", "unexpected character after line continuation character", line, col + 2, line, 0, false,
                    TokError.Kind.PLAIN), t);
        }
    }

    private void errorChar(Token t) {
        String text = t.getText();
        int cp = text.codePointAt(0);
        int line = t.getLine();
        int offset = t.getCharPositionInLine() + 1;
        if (cp < 128 && cp >= 32 && cp != 127) {
            // '$', '?', '!' and '`' are tokens to CPython's tokenizer; the parser rejects them.
            CommonToken err = synthetic(ToyLexer.ERROR_CHAR, text, line, t.getCharPositionInLine(), t.getStartIndex());
            pending.add(err);
            lineHasContent = true;
            lastToken = err;
            return;
        }
        String msg;
        if (Character.isISOControl(cp) || !Character.isDefined(cp) || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.PRIVATE_USE) {
            msg = String.format("invalid non-printable character U+%04X", cp);
        } else {
            msg = String.format("invalid character '%s' (U+%04X)", new String(Character.toChars(cp)), cp);
        }
        fail(new TokError("SyntaxError", msg, line, offset, line, offset, true, TokError.Kind.PLAIN), t);
    }

    /** The last real token handed out (used by the facade for error positions). */
    protected Token lastToken() {
        return lastToken;
    }
}
