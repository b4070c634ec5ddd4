package toy.ast;

import java.util.List;

/**
 * Expression nodes. The names and fields follow CPython 3.11's {@code ast} module, so that
 * {@code python3 -c "import ast; print(ast.dump(ast.parse(src)))"} is the reference for what
 * the parser builds. Conventions: sequences are never null (use {@code List.of()}), optional
 * children are null, every node carries its {@link Pos}.
 */
public sealed interface Expr {
    Pos pos();

    /** {@code a and b and c} (op is "and") or {@code a or b} (op is "or"); values has at least two items. */
    record BoolOp(Pos pos, boolean isAnd, List<Expr> values) implements Expr {}
    /** Assignment expression {@code target := value}. */
    record NamedExpr(Pos pos, Name target, Expr value) implements Expr {}
    record BinOp(Pos pos, Expr left, Operator op, Expr right) implements Expr {}
    record UnaryOpExpr(Pos pos, UnaryOp op, Expr operand) implements Expr {}
    record Lambda(Pos pos, Arguments args, Expr body) implements Expr {}
    /** {@code body if test else orelse}. */
    record IfExp(Pos pos, Expr test, Expr body, Expr orelse) implements Expr {}
    /** A dict display; a null key marks a {@code **mapping} entry whose mapping is the value. */
    record Dict(Pos pos, List<Expr> keys, List<Expr> values) implements Expr {}
    record SetExpr(Pos pos, List<Expr> elts) implements Expr {}
    record ListComp(Pos pos, Expr elt, List<Comprehension> generators) implements Expr {}
    record SetComp(Pos pos, Expr elt, List<Comprehension> generators) implements Expr {}
    record DictComp(Pos pos, Expr key, Expr value, List<Comprehension> generators) implements Expr {}
    record GeneratorExp(Pos pos, Expr elt, List<Comprehension> generators) implements Expr {}
    record Await(Pos pos, Expr value) implements Expr {}
    /** {@code yield} or {@code yield value}; value may be null. */
    record Yield(Pos pos, Expr value) implements Expr {}
    record YieldFrom(Pos pos, Expr value) implements Expr {}
    /** {@code left ops[0] comparators[0] ops[1] comparators[1] ...} */
    record Compare(Pos pos, Expr left, List<CmpOp> ops, List<Expr> comparators) implements Expr {}
    /** A call; positional args may contain {@link Starred}; a keyword with null arg is {@code **mapping}. */
    record Call(Pos pos, Expr func, List<Expr> args, List<Keyword> keywords) implements Expr {}
    /**
     * One replacement field of an f-string. conversion is -1 (none), 's', 'r' or 'a' as a char code;
     * formatSpec is a {@link JoinedStr} or null.
     */
    record FormattedValue(Pos pos, Expr value, int conversion, Expr formatSpec) implements Expr {}
    /** An f-string: a concatenation of {@link Constant} strings and {@link FormattedValue}s. */
    record JoinedStr(Pos pos, List<Expr> values) implements Expr {}
    /**
     * A literal. value is one of: {@code java.lang.Long} or {@code java.math.BigInteger} (int),
     * {@code Double} (float), {@code String} (str), {@code byte[]} (bytes), {@code Boolean}, {@link ConstantKind#NONE},
     * {@link ConstantKind#ELLIPSIS}; imaginary literals are not supported.
     */
    record Constant(Pos pos, Object value) implements Expr {}
    /** {@code value.attr}. */
    record Attribute(Pos pos, Expr value, String attr, Ctx ctx) implements Expr {}
    /** {@code value[slice]}; slice may be a {@link Slice} or a {@link Tuple} containing slices. */
    record Subscript(Pos pos, Expr value, Expr slice, Ctx ctx) implements Expr {}
    /** {@code *value} in a call, display or assignment target. */
    record Starred(Pos pos, Expr value, Ctx ctx) implements Expr {}
    record Name(Pos pos, String id, Ctx ctx) implements Expr {}
    record ListExpr(Pos pos, List<Expr> elts, Ctx ctx) implements Expr {}
    record Tuple(Pos pos, List<Expr> elts, Ctx ctx) implements Expr {}
    /** {@code lower:upper:step}; each part may be null. Only appears as a Subscript's slice. */
    record Slice(Pos pos, Expr lower, Expr upper, Expr step) implements Expr {}

    /** Whether an expression is read, assigned or deleted. */
    enum Ctx { LOAD, STORE, DEL }

    /** Marker constants for {@link Constant} values that have no Java literal. */
    enum ConstantKind { NONE, ELLIPSIS }
}
