package toy.ast;

import java.util.List;

/** {@code except type as name: body}; type and name may be null (bare {@code except:}). */
public record ExceptHandler(Pos pos, Expr type, String name, List<Stmt> body) {}
