package toy.object;

/**
 * Operator codes for {@link PyObject#binaryOp} and {@link PyObject#unaryOp}, with the dunder
 * names that implement them in script classes. The binary codes match the order of
 * {@code toy.ast.Operator}, so the compiler can use the ordinal as the code.
 */
public final class BinOp {
    public static final int ADD = 0, SUB = 1, MUL = 2, MATMUL = 3, TRUEDIV = 4, MOD = 5, POW = 6,
            LSHIFT = 7, RSHIFT = 8, OR = 9, XOR = 10, AND = 11, FLOORDIV = 12;
    public static final int NEG = 0, POS = 1, INVERT = 2, ABS = 3;

    public static final String[] SYMBOL = {"+", "-", "*", "@", "/", "%", "** or pow()", "<<", ">>", "|", "^", "&", "//"};
    public static final String[] ISYMBOL = {"+=", "-=", "*=", "@=", "/=", "%=", "**=", "<<=", ">>=", "|=", "^=", "&=", "//="};
    public static final String[] NAME = {"__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__mod__",
            "__pow__", "__lshift__", "__rshift__", "__or__", "__xor__", "__and__", "__floordiv__"};
    public static final String[] RNAME = {"__radd__", "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__", "__rmod__",
            "__rpow__", "__rlshift__", "__rrshift__", "__ror__", "__rxor__", "__rand__", "__rfloordiv__"};
    public static final String[] INAME = {"__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__", "__imod__",
            "__ipow__", "__ilshift__", "__irshift__", "__ior__", "__ixor__", "__iand__", "__ifloordiv__"};
    public static final String[] UNAME = {"__neg__", "__pos__", "__invert__", "__abs__"};
    public static final String[] USYMBOL = {"unary -", "unary +", "unary ~", "abs()"};

    private BinOp() {}
}
