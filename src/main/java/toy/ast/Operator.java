package toy.ast;

/** Binary and augmented-assignment operators, named as in CPython's ast module. */
public enum Operator {
    ADD("+"), SUB("-"), MULT("*"), MATMULT("@"), DIV("/"), MOD("%"), POW("**"),
    LSHIFT("<<"), RSHIFT(">>"), BITOR("|"), BITXOR("^"), BITAND("&"), FLOORDIV("//");

    /** The operator as written in source, used in error messages ("unsupported operand type(s) for +"). */
    public final String symbol;

    Operator(String symbol) { this.symbol = symbol; }
}
