package toy.ast;

/** Comparison operators, in the order the compiler encodes them in COMPARE_OP. */
public enum CmpOp {
    LT("<"), LTE("<="), EQ("=="), NOTEQ("!="), GT(">"), GTE(">="), IS("is"), ISNOT("is not"), IN("in"), NOTIN("not in");

    public final String symbol;

    CmpOp(String symbol) { this.symbol = symbol; }
}
