package toy.object;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reads the CPython-generated case tables in src/test/resources/toy/object (see caseio.py there
 * for the format) and compares outcomes.
 */
final class FormatCaseFile {
    private FormatCaseFile() {}

    static List<String[]> read(String name) {
        InputStream in = FormatCaseFile.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.split("\t", -1);
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = unescape(parts[i]);
                }
                rows.add(parts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(rows.size() > 0, "no cases in " + name);
        return rows;
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 't':
                    sb.append('\t');
                    break;
                case 'n':
                    sb.append('\n');
                    break;
                case 'r':
                    sb.append('\r');
                    break;
                case 'u':
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                    break;
                default:
                    sb.append(n);
                    break;
            }
        }
        return sb.toString();
    }

    static double dbl(String hexBits) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hexBits, 16));
    }

    static String bits(double d) {
        return String.format("%016x", Double.doubleToRawLongBits(d));
    }

    static BigInteger big(String signedHex) {
        return new BigInteger(signedHex, 16);
    }

    static String hex(BigInteger v) {
        return v.toString(16);
    }

    /** Runs the action and renders its result or its exception the way the generators do. */
    static String outcome(Supplier<String> action) {
        try {
            return action.get();
        } catch (ArithmeticException e) {
            String type = "division by zero".equals(e.getMessage()) ? "ZeroDivisionError" : "OverflowError";
            return "!" + type + ": " + e.getMessage();
        } catch (IllegalArgumentException e) {
            return "!ValueError: " + e.getMessage();
        } catch (OutOfMemoryError e) {
            return "!MemoryError: ";
        }
    }

    /** Collects mismatches and fails with the first few of them. */
    static final class Mismatches {
        private final List<String> items = new ArrayList<>();
        private int checked;

        void check(String what, String expected, String actual) {
            checked++;
            if (!expected.equals(actual)) {
                items.add(what + "\n      expected: " + StrRepr.reprStr(expected) + "\n      actual:   "
                        + StrRepr.reprStr(actual));
            }
        }

        void assertNone() {
            if (!items.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                sb.append(items.size()).append(" of ").append(checked).append(" cases differ from CPython:\n");
                for (int i = 0; i < Math.min(25, items.size()); i++) {
                    sb.append("  ").append(items.get(i)).append('\n');
                }
                fail(sb.toString());
            }
            assertTrue(checked > 0);
        }
    }
}
