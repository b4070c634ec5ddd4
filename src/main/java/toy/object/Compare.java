package toy.object;

/** Rich-comparison codes (CPython's Py_LT ... Py_GE order) and their dunder names. */
public final class Compare {
    public static final int LT = 0, LE = 1, EQ = 2, NE = 3, GT = 4, GE = 5;
    public static final String[] NAME = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
    public static final String[] SYMBOL = {"<", "<=", "==", "!=", ">", ">="};
    /** The operator with operands swapped: a < b is b > a. */
    public static final int[] SWAPPED = {GT, GE, EQ, NE, LT, LE};

    private Compare() {}

    /** Applies op to the result of a three-way comparison (negative, zero, positive). */
    public static boolean result(int cmp, int op) {
        switch (op) {
            case LT: return cmp < 0;
            case LE: return cmp <= 0;
            case EQ: return cmp == 0;
            case NE: return cmp != 0;
            case GT: return cmp > 0;
            default: return cmp >= 0;
        }
    }
}
