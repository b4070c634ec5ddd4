package toy.object;

import java.util.Arrays;
import java.util.Locale;

/**
 * The character classes and case mappings behind the methods of {@code str} in
 * {@link StrMethods}: CPython's whitespace, line break, digit, numeric and identifier rules,
 * and the full Unicode case mappings (final sigma as in CPython). They work on Java strings
 * and code points only; StrMethods wraps them as str methods.
 */
final class StrChars {
    private StrChars() {}

    // =========================================================================================
    // character classes
    // =========================================================================================

    /** CPython's Py_UNICODE_ISSPACE: the characters str.split() and str.strip() treat as whitespace. */
    static boolean isSpace(char c) {
        if (c < 128) return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
        return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
                || c == 0x202f || c == 0x205f || c == 0x3000;
    }

    /** The line boundaries of str.splitlines(). */
    static boolean isLineBreak(char c) {
        return (c >= '\n' && c <= '\r') || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    static boolean isDecimal(int cp) { return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER; }

    /** Characters with Numeric_Type=Digit that are not decimal digits (CPython 3.11, Unicode 14). */
    private static final int[][] DIGIT_RANGES = {
        {0xb2, 0xb3}, {0xb9, 0xb9}, {0x1369, 0x1371}, {0x19da, 0x19da}, {0x2070, 0x2070}, {0x2074, 0x2079},
        {0x2080, 0x2089}, {0x2460, 0x2468}, {0x2474, 0x247c}, {0x2488, 0x2490}, {0x24ea, 0x24ea}, {0x24f5, 0x24fd},
        {0x24ff, 0x24ff}, {0x2776, 0x277e}, {0x2780, 0x2788}, {0x278a, 0x2792}, {0x10a40, 0x10a43},
        {0x10e60, 0x10e68}, {0x11052, 0x1105a}, {0x1f100, 0x1f10a},
    };

    /** Letters (category Lo) that CPython 3.11 classifies as numeric (CJK numerals). */
    private static final int[] NUMERIC_LETTERS = {
        0x3405, 0x3483, 0x382a, 0x3b4d, 0x4e00, 0x4e03, 0x4e07, 0x4e09, 0x4e5d, 0x4e8c, 0x4e94, 0x4e96, 0x4ebf,
        0x4ec0, 0x4edf, 0x4ee8, 0x4f0d, 0x4f70, 0x5104, 0x5146, 0x5169, 0x516b, 0x516d, 0x5341, 0x5343, 0x5344,
        0x5345, 0x534c, 0x53c1, 0x53c2, 0x53c3, 0x53c4, 0x56db, 0x58f1, 0x58f9, 0x5e7a, 0x5efe, 0x5eff, 0x5f0c,
        0x5f0d, 0x5f0e, 0x5f10, 0x62fe, 0x634c, 0x67d2, 0x6f06, 0x7396, 0x767e, 0x8086, 0x842c, 0x8cae, 0x8cb3,
        0x8d30, 0x9621, 0x9646, 0x964c, 0x9678, 0x96f6, 0xf96b, 0xf973, 0xf978, 0xf9b2, 0xf9d1, 0xf9d3, 0xf9fd,
        0x20001, 0x20064, 0x200e2, 0x20121, 0x2092a, 0x20983, 0x2098c, 0x2099c, 0x20aea, 0x20afd, 0x20b19,
        0x22390, 0x22998, 0x23b1b, 0x2626d, 0x2f890,
    };

    static boolean isDigit(int cp) {
        if (cp < 128) return cp >= '0' && cp <= '9';
        if (isDecimal(cp)) return true;
        for (int[] r : DIGIT_RANGES) if (cp >= r[0] && cp <= r[1]) return true;
        return false;
    }

    static boolean isNumeric(int cp) {
        if (cp < 128) return cp >= '0' && cp <= '9';
        int t = Character.getType(cp);
        if (t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER) return true;
        return Arrays.binarySearch(NUMERIC_LETTERS, cp) >= 0;
    }

    static boolean isAlnum(int cp) {
        if (cp < 128) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
        return Character.isLetter(cp) || isNumeric(cp);
    }

    static boolean isPrintable(int cp) {
        if (cp < 128) return cp >= 32 && cp < 127;
        if (cp == ' ') return true;
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    static boolean isCased(int cp) {
        return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    /** Unicode's Case_Ignorable property. */
    static boolean isCaseIgnorable(int cp) {
        switch (cp) {
            case '\'', '.', ':', '^', '`', 0xb7, 0x387, 0x5f4, 0x2018, 0x2019, 0x2024, 0xfe13, 0xfe52, 0xfe55, 0xff07,
                 0xff0e, 0xff1a:
                return true;
            default:
                break;
        }
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT, Character.MODIFIER_LETTER,
                 Character.MODIFIER_SYMBOL:
                return true;
            default:
                return false;
        }
    }

    /** Characters Java accepts in identifiers that are not XID_Continue (NFKC-unstable ones). */
    private static final int[] NOT_XID_CONTINUE = {
        0x37a, 0x2e2f, 0x309b, 0x309c, 0xfc5e, 0xfc5f, 0xfc60, 0xfc61, 0xfc62, 0xfc63, 0xfdfa, 0xfdfb, 0xfe70,
        0xfe72, 0xfe74, 0xfe76, 0xfe78, 0xfe7a, 0xfe7c, 0xfe7e,
    };

    /** Further characters that may continue but not start an identifier (not XID_Start). */
    private static final int[] NOT_XID_START = {0xe33, 0xeb3, 0xff9e, 0xff9f};

    static boolean isIdentifier(String s) {
        if (s.isEmpty()) return false;
        int cp = s.codePointAt(0);
        if (!(cp == '_' || Character.isUnicodeIdentifierStart(cp))) return false;
        if (cp >= 0x37a && (Arrays.binarySearch(NOT_XID_CONTINUE, cp) >= 0 || Arrays.binarySearch(NOT_XID_START, cp) >= 0)) {
            return false;
        }
        for (int i = Character.charCount(cp); i < s.length(); ) {
            cp = s.codePointAt(i);
            if (!Character.isUnicodeIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) return false;
            if (cp >= 0x37a && Arrays.binarySearch(NOT_XID_CONTINUE, cp) >= 0) return false;
            i += Character.charCount(cp);
        }
        return true;
    }

    static boolean isLowerStr(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) return false;
            if (!cased && Character.isLowerCase(cp)) cased = true;
            i += Character.charCount(cp);
        }
        return cased;
    }

    static boolean isUpperStr(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) return false;
            if (!cased && Character.isUpperCase(cp)) cased = true;
            i += Character.charCount(cp);
        }
        return cased;
    }

    static boolean isTitleStr(String s) {
        boolean cased = false, prevCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                if (prevCased) return false;
                prevCased = true;
                cased = true;
            } else if (Character.isLowerCase(cp)) {
                if (!prevCased) return false;
                prevCased = true;
                cased = true;
            } else {
                prevCased = false;
            }
            i += Character.charCount(cp);
        }
        return cased;
    }

    // =========================================================================================
    // case mapping (full mappings, final sigma as in CPython)
    // =========================================================================================

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
        return true;
    }

    static String upper(String s) { return s.toUpperCase(Locale.ROOT); }

    static String lower(String s) {
        if (isAscii(s)) return s.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            appendLower(sb, s, i, cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** The full lowercase mapping of the code point at index i of s (the context is for final sigma). */
    private static void appendLower(StringBuilder sb, String s, int i, int cp) {
        if (cp < 128) {
            sb.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        } else if (cp == 0x3a3) {
            sb.append(finalSigma(s, i) ? '\u03c2' : '\u03c3');
        } else if (cp == 0x130) {
            sb.append("i\u0307");
        } else {
            sb.appendCodePoint(Character.toLowerCase(cp));
        }
    }

    /** CPython's handle_capital_sigma: is the capital sigma at index i in the Final_Sigma context? */
    private static boolean finalSigma(String s, int i) {
        int j = i;
        int c = 0;
        boolean found = false;
        while (j > 0) {
            c = s.codePointBefore(j);
            j -= Character.charCount(c);
            if (!isCaseIgnorable(c)) { found = true; break; }
        }
        if (!found || !isCased(c)) return false;
        j = i + 1;
        while (j < s.length()) {
            c = s.codePointAt(j);
            if (!isCaseIgnorable(c)) return !isCased(c);
            j += Character.charCount(c);
        }
        return true;
    }

    private static void appendUpper(StringBuilder sb, int cp) {
        if (cp < 128) sb.append((char) (cp >= 'a' && cp <= 'z' ? cp - 32 : cp));
        else sb.append(new String(Character.toChars(cp)).toUpperCase(Locale.ROOT));
    }

    /** The full titlecase mapping of one code point. */
    private static void appendTitle(StringBuilder sb, int cp) {
        if (cp < 128) {
            sb.append((char) (cp >= 'a' && cp <= 'z' ? cp - 32 : cp));
            return;
        }
        String up = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
        int t = Character.toTitleCase(cp);
        if (up.codePointCount(0, up.length()) <= 1 || t != cp || Character.isTitleCase(cp)) {
            sb.appendCodePoint(t);
            return;
        }
        if (cp >= 0x1f80 && cp <= 0x1fff && up.endsWith("\u0399")) {
            // Greek with ypogegrammeni: the iota stays a combining ypogegrammeni in title case
            sb.append(up, 0, up.length() - 1).append('\u0345');
            return;
        }
        if (cp == 0xdf || (cp >= 0xfb00 && cp <= 0xfb06) || (cp >= 0xfb13 && cp <= 0xfb17) || cp == 0x587) {
            // ligatures: the first letter upper case, the rest lower case ("ß" -> "Ss")
            int first = up.codePointAt(0);
            sb.appendCodePoint(first);
            sb.append(up.substring(Character.charCount(first)).toLowerCase(Locale.ROOT));
            return;
        }
        sb.append(up);
    }

    static String swapcase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isUpperCase(cp)) appendLower(sb, s, i, cp);
            else if (Character.isLowerCase(cp)) appendUpper(sb, cp);
            else sb.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean prevCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (prevCased) appendLower(sb, s, i, cp);
            else appendTitle(sb, cp);
            prevCased = isCased(cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    static String capitalize(String s) {
        if (s.isEmpty()) return s;
        StringBuilder sb = new StringBuilder(s.length());
        int cp = s.codePointAt(0);
        appendTitle(sb, cp);
        for (int i = Character.charCount(cp); i < s.length(); ) {
            cp = s.codePointAt(i);
            appendLower(sb, s, i, cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    static String casefold(String s) {
        if (isAscii(s)) return s.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                sb.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            } else if (cp == 0x130) {
                sb.append("i\u0307");
            } else if (cp == 0x1e9e) {
                sb.append("ss");
            } else if (cp == 0x131) {
                sb.append('\u0131');
            } else if ((cp >= 0x13a0 && cp <= 0x13f5)) {
                sb.appendCodePoint(cp); // Cherokee capitals fold to themselves
            } else if ((cp >= 0xab70 && cp <= 0xabbf) || (cp >= 0x13f8 && cp <= 0x13fd)) {
                sb.appendCodePoint(Character.toUpperCase(cp));
            } else {
                String up = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
                for (int j = 0; j < up.length(); ) {
                    int u = up.codePointAt(j);
                    sb.appendCodePoint(Character.toLowerCase(u));
                    j += Character.charCount(u);
                }
            }
        }
        return sb.toString();
    }
}
