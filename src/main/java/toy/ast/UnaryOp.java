package toy.ast;

/** Unary operators: {@code ~x}, {@code not x}, {@code +x}, {@code -x}. */
public enum UnaryOp {
    INVERT("~"), NOT("not"), UADD("+"), USUB("-");

    public final String symbol;

    UnaryOp(String symbol) { this.symbol = symbol; }
}
