package toy.object;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class NumberConversionTest {

    private static FormatCaseFile.Mismatches run(String kind) {
        FormatCaseFile.Mismatches m = new FormatCaseFile.Mismatches();
        for (String[] row : FormatCaseFile.read("conversion_cases.txt")) {
            if (!row[0].equals(kind)) {
                continue;
            }
            switch (kind) {
                case "int": {
                    int base = Integer.parseInt(row[2]);
                    m.check("int(" + StrRepr.reprStr(row[1]) + ", " + base + ")", row[3],
                            FormatCaseFile.outcome(() -> FormatCaseFile.hex(IntFormat.parseInt(row[1], base))));
                    break;
                }
                case "float":
                    m.check("float(" + StrRepr.reprStr(row[1]) + ")", canonNan(row[2]),
                            FormatCaseFile.outcome(() -> canonNan(FormatCaseFile.bits(IntFormat.parseFloat(row[1])))));
                    break;
                case "div": {
                    BigInteger a = FormatCaseFile.big(row[1]);
                    BigInteger b = FormatCaseFile.big(row[2]);
                    m.check("0x" + row[1] + " / 0x" + row[2], row[3],
                            FormatCaseFile.outcome(() -> FormatCaseFile.bits(IntFormat.trueDivide(a, b))));
                    break;
                }
                case "todouble": {
                    BigInteger a = FormatCaseFile.big(row[1]);
                    m.check("float(0x" + row[1] + ")", row[2], FormatCaseFile.outcome(() -> FormatCaseFile.bits(IntFormat.toDouble(a))));
                    break;
                }
                case "todecimal": {
                    BigInteger a = FormatCaseFile.big(row[1]);
                    m.check("str(0x" + row[1] + ")", row[2], FormatCaseFile.outcome(() -> IntFormat.toDecimal(a)));
                    break;
                }
                case "round": {
                    double x = FormatCaseFile.dbl(row[1]);
                    int n = Integer.parseInt(row[2]);
                    m.check("round(" + FloatFormat.repr(x) + ", " + n + ")", canonNan(row[3]),
                            FormatCaseFile.outcome(() -> canonNan(FormatCaseFile.bits(FloatFormat.round(x, n)))));
                    break;
                }
                default:
                    throw new IllegalStateException(kind);
            }
        }
        return m;
    }

    /** NaN payloads differ between platforms; keep only the sign. */
    private static String canonNan(String bits) {
        if (bits.startsWith("!")) {
            return bits;
        }
        double d = FormatCaseFile.dbl(bits);
        if (Double.isNaN(d)) {
            return Double.doubleToRawLongBits(d) < 0 ? "-nan" : "nan";
        }
        return bits;
    }

    @Test
    void parseIntFollowsCPythonIntOfStr() {
        run("int").assertNone();
    }

    @Test
    void parseFloatFollowsCPythonFloatOfStr() {
        run("float").assertNone();
    }

    @Test
    void trueDivideIsCorrectlyRoundedLikeCPython() {
        run("div").assertNone();
    }

    @Test
    void toDoubleRoundsHalfEvenAndRejectsOverflow() {
        run("todouble").assertNone();
    }

    @Test
    void toDecimalEnforcesTheDigitLimit() {
        run("todecimal").assertNone();
    }

    @Test
    void roundMatchesCPythonRoundWithNdigits() {
        run("round").assertNone();
    }
}
