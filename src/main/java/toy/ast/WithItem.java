package toy.ast;

/** One {@code expr as target} item of a with statement; target may be null. */
public record WithItem(Expr contextExpr, Expr optionalVars) {}
