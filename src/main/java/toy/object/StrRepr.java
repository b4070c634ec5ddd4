package toy.object;

/** CPython's {@code str.__repr__} and the character classes it depends on. */
public final class StrRepr {
    private StrRepr() {}

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * CPython's {@code repr(str)}: single quotes unless the string contains ' and no ", escapes
     * for \\, the quote, \t \n \r, non-printable characters as \xhh, \\uhhhh or \Uhhhhhhhh.
     * Printability follows Java's Unicode tables (Unicode 13 on JDK 17; CPython 3.11 uses 14).
     */
    public static String reprStr(String s) {
        int n = s.length();
        boolean squote = false;
        boolean dquote = false;
        boolean plain = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                squote = true;
            } else if (c == '"') {
                dquote = true;
            } else if (c < ' ' || c >= 0x7F || c == '\\') {
                plain = false;
            }
        }
        char quote = squote && !dquote ? '"' : '\'';
        if (plain && !(squote && dquote)) {
            StringBuilder sb = new StringBuilder(n + 2);
            return sb.append(quote).append(s).append(quote).toString();
        }
        StringBuilder sb = new StringBuilder(n + 8);
        sb.append(quote);
        for (int i = 0; i < n; ) {
            int ch = s.codePointAt(i);
            i += Character.charCount(ch);
            if (ch == quote || ch == '\\') {
                sb.append('\\').append((char) ch);
            } else if (ch == '\t') {
                sb.append("\\t");
            } else if (ch == '\n') {
                sb.append("\\n");
            } else if (ch == '\r') {
                sb.append("\\r");
            } else if (ch < ' ' || ch == 0x7F) {
                appendHex(sb, 'x', ch, 2);
            } else if (ch < 0x7F) {
                sb.append((char) ch);
            } else if (!isPrintable(ch)) {
                if (ch <= 0xFF) {
                    appendHex(sb, 'x', ch, 2);
                } else if (ch <= 0xFFFF) {
                    appendHex(sb, 'u', ch, 4);
                } else {
                    appendHex(sb, 'U', ch, 8);
                }
            } else {
                sb.appendCodePoint(ch);
            }
        }
        sb.append(quote);
        return sb.toString();
    }

    private static void appendHex(StringBuilder sb, char kind, int v, int digits) {
        sb.append('\\').append(kind);
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(HEX[(v >> shift) & 0xF]);
        }
    }

    /**
     * CPython's Py_UNICODE_ISPRINTABLE: false for categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs
     * (except the ASCII space).
     */
    public static boolean isPrintable(int cp) {
        if (cp < 0x7F) {
            return cp >= ' ';
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /**
     * CPython's Py_UNICODE_ISSPACE (str.isspace for one character): ASCII whitespace
     * \t \n \v \f \r, \x1c-\x1f, space, and the Unicode whitespace characters.
     */
    public static boolean isSpace(int cp) {
        if (cp < 128) {
            return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
        }
        switch (cp) {
            case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }
}
