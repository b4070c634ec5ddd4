package toy.compile;

import toy.ast.Pos;

/** A SyntaxError found after parsing (scope rules, misplaced statements). No Java stack trace. */
public final class CompileError extends RuntimeException {
    public final String filename;
    public final Pos pos;

    public CompileError(String msg, String filename, Pos pos) {
        super(msg, null, false, false);
        this.filename = filename;
        this.pos = pos;
    }
}
