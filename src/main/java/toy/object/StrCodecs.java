package toy.object;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;

/**
 * The codecs behind str.encode and bytes.decode: the ones a text program meets (UTF-8, ASCII,
 * Latin-1, UTF-16/32 with or without byte order, cp1252), with CPython's error handlers and
 * UnicodeEncodeError/UnicodeDecodeError messages.
 */
final class StrCodecs {
    private StrCodecs() {}

    // =========================================================================================
    // encode and decode (the codecs a text program meets: UTF-8, ASCII, Latin-1, UTF-16/32, cp1252)
    // =========================================================================================

    /** The codec's canonical name for an encoding name, or null when Toy does not know it. */
    static String codecName(String enc) {
        String n = enc.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (n) {
            case "utf_8", "utf8", "u8", "utf", "cp65001", "utf8_ucs2", "utf8_ucs4" -> "utf-8";
            case "ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "iso646_us" -> "ascii";
            case "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100",
                 "iso8859", "iso_8859_1:1987", "csisolatin1", "ibm819" -> "latin-1";
            case "utf_16", "utf16", "u16" -> "utf-16";
            case "utf_16_le", "utf_16le" -> "utf-16-le";
            case "utf_16_be", "utf_16be" -> "utf-16-be";
            case "utf_32", "utf32", "u32" -> "utf-32";
            case "utf_32_le", "utf_32le" -> "utf-32-le";
            case "utf_32_be", "utf_32be" -> "utf-32-be";
            case "cp1252", "windows_1252", "1252" -> "cp1252";
            default -> null;
        };
    }

    private static String checkedCodec(String enc) {
        String c = codecName(enc);
        if (c == null) throw Exc.raise(Exc.LookupError, "unknown encoding: " + enc);
        return c;
    }

    private static boolean isSurrogateCp(int cp) { return cp >= 0xd800 && cp <= 0xdfff; }

    private static PyException unknownHandler(String errors) {
        return Exc.raise(Exc.LookupError, "unknown error handler name '" + errors + "'");
    }

    private static String charEscape(int cp) {
        if (cp < 0x100) return String.format("\\x%02x", cp);
        if (cp < 0x10000) return String.format("\\u%04x", cp);
        return String.format("\\U%08x", cp);
    }

    private static PyException encodeError(String codec, String s, int start, int end, String reason) {
        String msg = s.codePointCount(start, end) == 1
                ? "'" + codec + "' codec can't encode character '" + charEscape(s.codePointAt(start)) + "' in position "
                  + start + ": " + reason
                : "'" + codec + "' codec can't encode characters in position " + start + "-" + (end - 1) + ": " + reason;
        PyBaseException e = Exc.instance(Exc.UnicodeEncodeError, msg);
        e.dictPut("encoding", PyStr.of(codec));
        e.dictPut("object", PyStr.of(s));
        e.dictPut("start", PyInt.of(start));
        e.dictPut("end", PyInt.of(end));
        e.dictPut("reason", PyStr.of(reason));
        return new PyException(e);
    }

    private static PyException decodeError(String codec, byte[] b, int start, int end, String reason) {
        String msg = end - start == 1
                ? "'" + codec + "' codec can't decode byte 0x" + String.format("%02x", b[start] & 0xff) + " in position "
                  + start + ": " + reason
                : "'" + codec + "' codec can't decode bytes in position " + start + "-" + (end - 1) + ": " + reason;
        PyBaseException e = Exc.instance(Exc.UnicodeDecodeError, msg);
        e.dictPut("encoding", PyStr.of(codec));
        e.dictPut("object", PyBytes.of(b.clone()));
        e.dictPut("start", PyInt.of(start));
        e.dictPut("end", PyInt.of(end));
        e.dictPut("reason", PyStr.of(reason));
        return new PyException(e);
    }

    /** A growable byte buffer. */
    private static final class Bytes {
        byte[] buf;
        int n;

        Bytes(int cap) { buf = new byte[Math.max(cap, 16)]; }

        void add(int b) {
            if (n == buf.length) buf = Arrays.copyOf(buf, n * 2);
            buf[n++] = (byte) b;
        }

        void addAscii(String s) { for (int i = 0; i < s.length(); i++) add(s.charAt(i)); }

        byte[] toArray() { return Arrays.copyOf(buf, n); }
    }

    /** str.encode(encoding, errors). */
    public static byte[] encode(String s, String encoding, String errors) {
        String codec = checkedCodec(encoding);
        switch (codec) {
            case "utf-8", "ascii", "latin-1", "cp1252":
                return encodeSimple(s, codec, errors);
            default:
                return encodeUtf1632(s, codec, errors);
        }
    }

    private static byte[] encodeSimple(String s, String codec, String errors) {
        int n = s.length();
        Bytes out = new Bytes(n + (n >> 2));
        java.nio.charset.CharsetEncoder cp1252 = codec.equals("cp1252")
                ? java.nio.charset.Charset.forName("windows-1252").newEncoder() : null;
        int limit = codec.equals("ascii") ? 0x80 : codec.equals("latin-1") ? 0x100 : Integer.MAX_VALUE;
        String reason = codec.equals("utf-8") ? "surrogates not allowed"
                : codec.equals("cp1252") ? "character maps to <undefined>"
                : "ordinal not in range(" + limit + ")";
        String shown = codec.equals("cp1252") ? "charmap" : codec;
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.add(c);
                i++;
                continue;
            }
            int cp = s.codePointAt(i);
            int w = Character.charCount(cp);
            if (codec.equals("utf-8") && !isSurrogateCp(cp)) {
                appendUtf8(out, cp);
                i += w;
                continue;
            }
            if (cp < limit && codec.equals("latin-1")) {
                out.add(cp);
                i++;
                continue;
            }
            if (cp1252 != null && w == 1 && !Character.isSurrogate(c) && cp1252.canEncode(c)) {
                out.add(java.nio.charset.Charset.forName("windows-1252").encode(String.valueOf(c)).get());
                i++;
                continue;
            }
            // a run of characters this codec cannot encode
            int end = i;
            while (end < n && unencodable(s, end, codec, limit, cp1252)) end += Character.charCount(s.codePointAt(end));
            if (codec.equals("utf-8")) {
                end = i;
                while (end < n && Character.isSurrogate(s.charAt(end))
                        && !(Character.isHighSurrogate(s.charAt(end)) && end + 1 < n && Character.isLowSurrogate(s.charAt(end + 1)))) {
                    end++;
                }
            }
            handleEncodeError(out, s, i, end, codec, shown, reason, errors);
            i = end;
        }
        return out.toArray();
    }

    private static boolean unencodable(String s, int i, String codec, int limit,
                                       java.nio.charset.CharsetEncoder cp1252) {
        int cp = s.codePointAt(i);
        if (cp < 0x80) return false;
        if (cp1252 != null) return Character.charCount(cp) == 2 || isSurrogateCp(cp) || !cp1252.canEncode((char) cp);
        return cp >= limit;
    }

    private static void handleEncodeError(Bytes out, String s, int start, int end, String codec, String shown,
                                          String reason, String errors) {
        switch (errors) {
            case "strict":
                throw encodeError(shown, s, start, end, reason);
            case "ignore":
                return;
            case "replace":
                for (int i = start; i < end; ) {
                    out.add('?');
                    i += Character.charCount(s.codePointAt(i));
                }
                return;
            case "backslashreplace":
                for (int i = start; i < end; ) {
                    int cp = s.codePointAt(i);
                    out.addAscii(charEscape(cp));
                    i += Character.charCount(cp);
                }
                return;
            case "xmlcharrefreplace":
                for (int i = start; i < end; ) {
                    int cp = s.codePointAt(i);
                    out.addAscii("&#" + cp + ";");
                    i += Character.charCount(cp);
                }
                return;
            case "namereplace":
                for (int i = start; i < end; ) {
                    int cp = s.codePointAt(i);
                    String name = isSurrogateCp(cp) || Character.getType(cp) == Character.CONTROL ? null
                            : Character.getName(cp);
                    if (name != null && name.startsWith("CJK UNIFIED IDEOGRAPHS")) {
                        name = "CJK UNIFIED IDEOGRAPH-" + Integer.toHexString(cp).toUpperCase(Locale.ROOT);
                    }
                    out.addAscii(name != null ? "\\N{" + name + "}" : charEscape(cp));
                    i += Character.charCount(cp);
                }
                return;
            case "surrogateescape":
                for (int i = start; i < end; i++) {
                    char c = s.charAt(i);
                    if (c < 0xdc80 || c > 0xdcff) throw encodeError(shown, s, start, end, reason);
                }
                for (int i = start; i < end; i++) out.add(s.charAt(i) - 0xdc00);
                return;
            case "surrogatepass":
                if (codec.equals("utf-8")) {
                    for (int i = start; i < end; i++) {
                        char c = s.charAt(i);
                        if (!Character.isSurrogate(c)) throw encodeError(shown, s, start, end, reason);
                        appendUtf8(out, c);
                    }
                    return;
                }
                throw encodeError(shown, s, start, end, reason);
            default:
                throw unknownHandler(errors);
        }
    }

    private static void appendUtf8(Bytes out, int cp) {
        if (cp < 0x80) {
            out.add(cp);
        } else if (cp < 0x800) {
            out.add(0xc0 | (cp >> 6));
            out.add(0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
            out.add(0xe0 | (cp >> 12));
            out.add(0x80 | ((cp >> 6) & 0x3f));
            out.add(0x80 | (cp & 0x3f));
        } else {
            out.add(0xf0 | (cp >> 18));
            out.add(0x80 | ((cp >> 12) & 0x3f));
            out.add(0x80 | ((cp >> 6) & 0x3f));
            out.add(0x80 | (cp & 0x3f));
        }
    }

    private static byte[] encodeUtf1632(String s, String codec, String errors) {
        boolean wide = codec.startsWith("utf-32");
        boolean big = codec.endsWith("-be");
        boolean bom = !codec.endsWith("-le") && !codec.endsWith("-be");
        Bytes out = new Bytes(s.length() * (wide ? 4 : 2) + 4);
        if (bom) writeUnit(out, 0xfeff, wide, false);
        int n = s.length();
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            if (isSurrogateCp(cp)) {
                int end = i + 1;
                switch (errors) {
                    case "ignore" -> { }
                    case "replace" -> { for (int j = i; j < end; j++) writeUnit(out, '?', wide, big); }
                    case "backslashreplace", "xmlcharrefreplace", "namereplace" -> {
                        for (int j = i; j < end; j++) {
                            String r = errors.equals("xmlcharrefreplace") ? "&#" + (int) s.charAt(j) + ";" : charEscape(s.charAt(j));
                            for (int q = 0; q < r.length(); q++) writeUnit(out, r.charAt(q), wide, big);
                        }
                    }
                    case "surrogatepass" -> { for (int j = i; j < end; j++) writeUnit(out, s.charAt(j), wide, big); }
                    case "strict", "surrogateescape" -> throw encodeError(codec, s, i, end, "surrogates not allowed");
                    default -> throw unknownHandler(errors);
                }
                i = end;
                continue;
            }
            if (wide || cp < 0x10000) {
                writeUnit(out, cp, wide, big);
            } else {
                writeUnit(out, Character.highSurrogate(cp), false, big);
                writeUnit(out, Character.lowSurrogate(cp), false, big);
            }
            i += Character.charCount(cp);
        }
        return out.toArray();
    }

    private static void writeUnit(Bytes out, int v, boolean wide, boolean big) {
        int k = wide ? 4 : 2;
        for (int j = 0; j < k; j++) {
            int shift = big ? 8 * (k - 1 - j) : 8 * j;
            out.add((v >>> shift) & 0xff);
        }
    }

    /** bytes.decode(encoding, errors), str(bytes, encoding, errors). */
    public static String decode(byte[] b, String encoding, String errors) {
        String codec = checkedCodec(encoding);
        StringBuilder sb = new StringBuilder(b.length);
        int n = b.length;
        switch (codec) {
            case "latin-1":
                for (byte x : b) sb.append((char) (x & 0xff));
                return sb.toString();
            case "ascii":
                for (int i = 0; i < n; i++) {
                    int x = b[i] & 0xff;
                    if (x < 0x80) sb.append((char) x);
                    else handleDecodeError(sb, b, i, i + 1, "ascii", "ordinal not in range(128)", errors);
                }
                return sb.toString();
            case "utf-8":
                return decodeUtf8(b, errors, sb);
            case "cp1252": {
                java.nio.charset.CharsetDecoder d = java.nio.charset.Charset.forName("windows-1252").newDecoder();
                for (int i = 0; i < n; i++) {
                    try {
                        sb.append(d.decode(java.nio.ByteBuffer.wrap(b, i, 1)));
                    } catch (java.nio.charset.CharacterCodingException e) {
                        handleDecodeError(sb, b, i, i + 1, "charmap", "character maps to <undefined>", errors);
                    }
                }
                return sb.toString();
            }
            default:
                return decodeUtf1632(b, codec, errors, sb);
        }
    }

    private static String decodeUtf8(byte[] b, String errors, StringBuilder sb) {
        int n = b.length;
        int i = 0;
        while (i < n) {
            int x = b[i] & 0xff;
            if (x < 0x80) {
                sb.append((char) x);
                i++;
                continue;
            }
            int need;
            int lo = 0x80, hi = 0xbf;
            if (x >= 0xc2 && x <= 0xdf) {
                need = 1;
            } else if (x >= 0xe0 && x <= 0xef) {
                need = 2;
                if (x == 0xe0) lo = 0xa0;
                else if (x == 0xed) hi = 0x9f;
            } else if (x >= 0xf0 && x <= 0xf4) {
                need = 3;
                if (x == 0xf0) lo = 0x90;
                else if (x == 0xf4) hi = 0x8f;
            } else {
                handleDecodeError(sb, b, i, i + 1, "utf-8", "invalid start byte", errors);
                i++;
                continue;
            }
            int cp = x & (need == 1 ? 0x1f : need == 2 ? 0x0f : 0x07);
            int j = 1;
            String reason = null;
            for (; j <= need; j++) {
                if (i + j >= n) {
                    reason = "unexpected end of data";
                    break;
                }
                int y = b[i + j] & 0xff;
                int l = j == 1 ? lo : 0x80, h = j == 1 ? hi : 0xbf;
                if (y < l || y > h) {
                    reason = "invalid continuation byte";
                    break;
                }
                cp = (cp << 6) | (y & 0x3f);
            }
            if (reason != null) {
                if (x == 0xed && errors.equals("surrogatepass") && i + 2 < n && (b[i + 1] & 0xe0) == 0xa0
                        && (b[i + 2] & 0xc0) == 0x80) {
                    sb.append((char) (0xd000 | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f)));
                    i += 3;
                    continue;
                }
                int end = reason.equals("unexpected end of data") ? n : i + j;
                handleDecodeError(sb, b, i, end, "utf-8", reason, errors);
                i = end;
                continue;
            }
            sb.appendCodePoint(cp);
            i += need + 1;
        }
        return sb.toString();
    }

    private static void handleDecodeError(StringBuilder sb, byte[] b, int start, int end, String codec, String reason,
                                          String errors) {
        switch (errors) {
            case "strict" -> throw decodeError(codec, b, start, end, reason);
            case "ignore" -> { }
            case "replace" -> sb.append('\ufffd');
            case "backslashreplace" -> {
                for (int i = start; i < end; i++) sb.append(String.format("\\x%02x", b[i] & 0xff));
            }
            case "surrogateescape" -> {
                for (int i = start; i < end; i++) {
                    if ((b[i] & 0xff) < 0x80) throw decodeError(codec, b, start, end, reason);
                }
                for (int i = start; i < end; i++) sb.append((char) (0xdc00 + (b[i] & 0xff)));
            }
            case "xmlcharrefreplace", "namereplace" ->
                throw Exc.typeError("don't know how to handle UnicodeDecodeError in error callback");
            case "surrogatepass" -> throw decodeError(codec, b, start, end, reason);
            default -> throw unknownHandler(errors);
        }
    }

    private static String decodeUtf1632(byte[] b, String codec, String errors, StringBuilder sb) {
        boolean wide = codec.startsWith("utf-32");
        int k = wide ? 4 : 2;
        boolean big = codec.endsWith("-be");
        int i = 0, n = b.length;
        if (!codec.endsWith("-le") && !codec.endsWith("-be") && n >= k) {
            long bomLe = wide ? 0x0000feffL : 0xfeffL;
            long v = unit(b, 0, k, false);
            if (v == bomLe) {
                i = k;
            } else if (unit(b, 0, k, true) == bomLe) {
                big = true;
                i = k;
            }
        }
        String shown = codec.endsWith("-le") || codec.endsWith("-be") ? codec : codec + (big ? "-be" : "-le");
        while (i < n) {
            if (i + k > n) {
                handleDecodeError(sb, b, i, n, shown, "truncated data", errors);
                break;
            }
            long v = unit(b, i, k, big);
            if (wide) {
                if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
                    handleDecodeError(sb, b, i, i + 4, shown, v > 0x10ffff ? "code point not in range(0x110000)"
                            : "code point in surrogate code point range(0xd800, 0xe000)", errors);
                } else {
                    sb.appendCodePoint((int) v);
                }
                i += 4;
                continue;
            }
            char c = (char) v;
            if (Character.isHighSurrogate(c)) {
                if (i + 4 > n) {
                    handleDecodeError(sb, b, i, n, shown, "unexpected end of data", errors);
                    break;
                }
                char d = (char) unit(b, i + 2, 2, big);
                if (!Character.isLowSurrogate(d)) {
                    handleDecodeError(sb, b, i, i + 2, shown, "illegal UTF-16 surrogate", errors);
                    i += 2;
                    continue;
                }
                sb.append(c).append(d);
                i += 4;
            } else if (Character.isLowSurrogate(c)) {
                handleDecodeError(sb, b, i, i + 2, shown, "illegal encoding", errors);
                i += 2;
            } else {
                sb.append(c);
                i += 2;
            }
        }
        return sb.toString();
    }

    private static long unit(byte[] b, int i, int k, boolean big) {
        long v = 0;
        for (int j = 0; j < k; j++) {
            int x = b[i + j] & 0xff;
            v |= (long) x << (big ? 8 * (k - 1 - j) : 8 * j);
        }
        return v;
    }
}
