package toy.ast;

/**
 * Where a node sits in the source: 1-based line, 0-based column (as CPython's ast module),
 * and the end of the node's last token (endCol exclusive).
 */
public record Pos(int line, int col, int endLine, int endCol) {
    public static final Pos NONE = new Pos(0, 0, 0, 0);
}
