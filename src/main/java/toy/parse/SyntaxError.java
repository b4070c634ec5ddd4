package toy.parse;

/**
 * A syntax error in Toy source, carrying what CPython 3.11 stores in a {@code SyntaxError}:
 * the exception class name, message, file name, 1-based line, 1-based {@code offset} and
 * {@code end_offset}, and the text of the offending line. {@link #format()} renders it exactly
 * as CPython prints an uncaught syntax error of a script.
 */
public final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** "SyntaxError", "IndentationError" or "TabError". */
    public final String kind;
    /** The message, e.g. {@code expected ':'}. */
    public final String msg;
    public final String filename;
    /** 1-based line number. */
    public final int line;
    /** 1-based column offset of the error (CPython's {@code SyntaxError.offset}); 0 or less means none. */
    public final int col;
    /** 1-based line of the end of the error range (CPython's {@code end_lineno}). */
    public final int endLine;
    /** 1-based end offset (exclusive, CPython's {@code end_offset}); 0 or -1 means none. */
    public final int endCol;
    /** The source line (CPython's {@code text}, including its newline if it has one), or null. */
    public final String lineText;

    public SyntaxError(String kind, String msg, String filename, int line, int col, int endLine, int endCol, String lineText) {
        super(msg, null, false, false);
        this.kind = kind;
        this.msg = msg;
        this.filename = filename;
        this.line = line;
        this.col = col;
        this.endLine = endLine;
        this.endCol = endCol;
        this.lineText = lineText;
    }

    @Override
    public String getMessage() {
        return kind + ": " + msg + " (" + filename + ", line " + line + ")";
    }

    /**
     * What CPython 3.11 writes to stderr when this error is uncaught in a script, e.g.
     *
     * <pre>
     *   File "t.py", line 1
     *     if x
     *         ^
     * SyntaxError: expected ':'
     * </pre>
     *
     * (follows {@code print_exception} and {@code print_error_text} in CPython's pythonrun.c).
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append("  File \"").append(filename).append("\", line ").append(line).append('\n');
        if (lineText != null) {
            int offset = col;
            int endOffset = endCol;
            int endLineNo = endLine;
            if (!kind.equals("SyntaxError")) {
                // Only exact SyntaxError instances have their range printed.
                endLineNo = line;
                endOffset = -1;
            }
            int lineSize = lineText.length();
            if (endLineNo > line) {
                endOffset = lineSize;
            }
            if (endOffset > lineSize + 1) {
                endOffset = lineSize + 1;
            }
            appendErrorText(sb, offset, endOffset, lineText);
        }
        sb.append(kind).append(": ").append(msg).append('\n');
        return sb.toString();
    }

    private static void appendErrorText(StringBuilder sb, int offset, int endOffset, String text) {
        int carets = (endOffset > 0 && endOffset > offset) ? endOffset - offset : 1;
        offset--;
        int start = 0;
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t' || text.charAt(start) == '\f')) {
            start++;
            offset--;
        }
        text = text.substring(start);
        int len = text.length();
        if (len > 0 && text.charAt(len - 1) == '\n') {
            len--;
        }
        if (offset > len) {
            offset = len;
        }
        while (true) {
            int nl = text.indexOf('\n');
            if (nl < 0 || nl >= offset) {
                break;
            }
            int inl = nl + 1;
            text = text.substring(inl);
            len -= inl;
            offset -= inl;
        }
        sb.append("    ").append(text);
        if (len >= text.length() || text.charAt(len) != '\n') {
            sb.append('\n');
        }
        if (offset < 0) {
            return;
        }
        sb.append("    ");
        sb.append(" ".repeat(offset));
        sb.append("^".repeat(carets));
        sb.append('\n');
    }
}
