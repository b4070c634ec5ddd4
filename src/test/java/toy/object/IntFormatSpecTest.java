package toy.object;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class IntFormatSpecTest {

    @Test
    void formatOfIntMatchesCPythonForGeneratedSpecs() {
        FormatCaseFile.Mismatches m = new FormatCaseFile.Mismatches();
        for (String[] row : FormatCaseFile.read("int_format_cases.txt")) {
            BigInteger v = FormatCaseFile.big(row[0]);
            String spec = row[1];
            String what = "format(0x" + row[0] + ", " + StrRepr.reprStr(spec) + ")";
            m.check(what, row[2], FormatCaseFile.outcome(() -> FloatFormat.formatInt(v, spec)));
            if (v.bitLength() < 64) {
                m.check(what + " [long]", row[2], FormatCaseFile.outcome(() -> FloatFormat.formatLong(v.longValue(), spec)));
            }
        }
        m.assertNone();
    }
}
