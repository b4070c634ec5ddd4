package toy.ast;

import java.util.List;

/** A whole source file (or a {@code -c} string, or one REPL input). */
public record Module(List<Stmt> body) {}
