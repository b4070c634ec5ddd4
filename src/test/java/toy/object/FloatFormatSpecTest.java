package toy.object;

import org.junit.jupiter.api.Test;

class FloatFormatSpecTest {

    @Test
    void formatOfFloatMatchesCPythonForGeneratedSpecs() {
        FormatCaseFile.Mismatches m = new FormatCaseFile.Mismatches();
        for (String[] row : FormatCaseFile.read("float_format_cases.txt")) {
            double d = FormatCaseFile.dbl(row[0]);
            String spec = row[1];
            m.check("format(" + FloatFormat.repr(d) + ", " + StrRepr.reprStr(spec) + ")", row[2],
                    FormatCaseFile.outcome(() -> FloatFormat.format(d, spec)));
        }
        m.assertNone();
    }

    @Test
    void percentOperatorDigitsMatchCPython() {
        FormatCaseFile.Mismatches m = new FormatCaseFile.Mismatches();
        for (String[] row : FormatCaseFile.read("percent_cases.txt")) {
            double d = FormatCaseFile.dbl(row[0]);
            char type = row[1].charAt(0);
            int prec = Integer.parseInt(row[2]);
            boolean alt = row[3].equals("1");
            m.check("'%" + (alt ? "#" : "") + (prec < 0 ? "" : "." + prec) + type + "' % " + FloatFormat.repr(d), row[4],
                    FloatFormat.formatFloatPercent(d, type, prec, alt));
        }
        m.assertNone();
    }
}
