package toy.ast;

import java.util.List;

/**
 * A function's parameter list, as CPython's {@code ast.arguments}: positional-only, then
 * ordinary, then {@code *vararg}, keyword-only, {@code **kwarg}. defaults belong to the last
 * posonly+args parameters; kwDefaults is parallel to kwonlyargs and holds null where a
 * keyword-only parameter has no default. vararg and kwarg may be null.
 */
public record Arguments(List<Arg> posonlyargs, List<Arg> args, Arg vararg, List<Arg> kwonlyargs,
                        List<Expr> kwDefaults, Arg kwarg, List<Expr> defaults) {
    public static final Arguments EMPTY = new Arguments(List.of(), List.of(), null, List.of(), List.of(), null, List.of());

    /** One parameter; annotation may be null and is ignored by the compiler. */
    public record Arg(Pos pos, String name, Expr annotation) {}
}
