package toy.parse;

import org.antlr.v4.runtime.Token;

import toy.ast.Expr;
import toy.ast.Pos;
import toy.parse.gen.ToyLexer;

/** Makes {@link SyntaxError}s for one source text, filling in the file name and line text. */
final class Errors {
    private final String filename;
    private final SourceText source;
    /** Shifts positions of nested f-string expression parses back into the file. */
    private final int lineDelta;
    private final int colDelta;
    /** Non-null when parsing an f-string replacement field: errors get its "(expr)" text. */
    private final String fstringText;

    Errors(String filename, SourceText source) {
        this(filename, source, 0, 0, null);
    }

    Errors(String filename, SourceText source, int lineDelta, int colDelta, String fstringText) {
        this.filename = filename;
        this.source = source;
        this.lineDelta = lineDelta;
        this.colDelta = colDelta;
        this.fstringText = fstringText;
    }

    String filename() {
        return filename;
    }

    SourceText source() {
        return source;
    }

    /** An error of the given kind at 1-based offsets on (mapped) lines. */
    SyntaxError make(String kind, String msg, int line, int offset, int endLine, int endOffset) {
        if (fstringText != null) {
            // CPython 3.11 reports errors in a replacement field against the text "(expr)"
            return new SyntaxError(kind, "f-string: " + msg, filename, lineDelta + line, offset, lineDelta + endLine, endOffset,
                    fstringText);
        }
        return new SyntaxError(kind, msg, filename, line, offset, endLine, endOffset, source.lineText(line));
    }

    SyntaxError at(String msg, int line, int offset, int endLine, int endOffset) {
        return make("SyntaxError", msg, line, offset, endLine, endOffset);
    }

    /** An error spanning a node (CPython's RAISE_SYNTAX_ERROR_KNOWN_LOCATION). */
    SyntaxError atNode(String msg, Expr e) {
        return atPos(msg, e.pos());
    }

    SyntaxError atPos(String msg, Pos p) {
        return at(msg, unmapLine(p.line()), unmapCol(p.line(), p.col()) + 1, unmapLine(p.endLine()),
                unmapCol(p.endLine(), p.endCol()) + 1);
    }

    /** An error from the start of {@code a} to the end of {@code b} (RAISE_SYNTAX_ERROR_KNOWN_RANGE). */
    SyntaxError range(String msg, Pos a, Pos b) {
        return at(msg, unmapLine(a.line()), unmapCol(a.line(), a.col()) + 1, unmapLine(b.endLine()),
                unmapCol(b.endLine(), b.endCol()) + 1);
    }

    /** An error at a token as CPython locates "the last token": NEWLINE and EOF have no width. */
    SyntaxError atToken(String msg, Token t) {
        int line = t.getLine();
        int col = t.getCharPositionInLine();
        if (t.getType() == ToyLexer.NEWLINE || t.getType() == Token.EOF || t.getType() == ToyLexer.DEDENT
                || t.getType() == ToyLexer.INDENT) {
            return at(msg, line, col + 1, line, col + 1);
        }
        int[] end = Positions.end(t);
        return at(msg, line, col + 1, end[0], end[1] + 1);
    }

    private int unmapLine(int line) {
        return line - lineDelta;
    }

    private int unmapCol(int line, int col) {
        return unmapLine(line) == 1 ? col - colDelta : col;
    }
}
