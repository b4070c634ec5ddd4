package toy.parse;

import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.Token;

import toy.ast.Expr;
import toy.ast.Pos;

/**
 * Turns a run of adjacent STRING tokens into a {@link Expr.Constant} or, if any of them is an
 * f-string, a {@link Expr.JoinedStr}, following CPython 3.11's {@code Parser/string_parser.c}:
 * escapes are decoded in non-raw literals, literal text of adjacent pieces is merged, empty
 * pieces are dropped, and each f-string replacement field's expression is parsed by calling the
 * parser again on {@code "(" + text + ")"}.
 */
final class StringLiterals {
    /** Callback used to parse the expression of a replacement field. */
    interface ExprParser {
        /** Parses {@code expr} that starts at (line, col) of the file; col is 0-based. */
        Expr parse(String expr, int line, int col);
    }

    private final Errors errors;
    private final ExprParser exprParser;
    /** Where errors without a better location point: the token after the strings. */
    private final Token after;

    private StringLiterals(Errors errors, ExprParser exprParser, Token after) {
        this.errors = errors;
        this.exprParser = exprParser;
        this.after = after;
    }

    /** Builds the node for adjacent string tokens {@code parts}, spanning {@code pos}. */
    static Expr build(List<Token> parts, Pos pos, Token after, Errors errors, ExprParser exprParser) {
        return new StringLiterals(errors, exprParser, after).build(parts, pos);
    }

    private Expr build(List<Token> parts, Pos pos) {
        boolean anyBytes = false;
        boolean anyStr = false;
        boolean anyF = false;
        for (Token t : parts) {
            String prefix = prefixOf(t.getText()).toLowerCase();
            if (prefix.contains("b")) {
                anyBytes = true;
            } else {
                anyStr = true;
            }
            if (prefix.contains("f")) {
                anyF = true;
            }
        }
        if (anyBytes && anyStr) {
            throw errors.atToken("cannot mix bytes and nonbytes literals", after);
        }
        if (anyBytes) {
            StringBuilder sb = new StringBuilder();
            for (Token t : parts) {
                String text = t.getText();
                String prefix = prefixOf(text);
                String body = bodyOf(text, prefix.length());
                for (int i = 0; i < body.length(); i++) {
                    if (body.charAt(i) > 127) {
                        throw errors.at("bytes can only contain ASCII literal characters", t.getLine(),
                                t.getCharPositionInLine() + 1, t.getLine(), t.getCharPositionInLine() + 1 + text.length());
                    }
                }
                sb.append(isRaw(prefix) ? body : decodeEscapes(body, t));
            }
            byte[] bytes = new byte[sb.length()];
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) sb.charAt(i);
            return new Expr.Constant(pos, bytes);
        }
        if (!anyF) {
            StringBuilder sb = new StringBuilder();
            for (Token t : parts) {
                String text = t.getText();
                String prefix = prefixOf(text);
                String body = bodyOf(text, prefix.length());
                sb.append(isRaw(prefix) ? body : decodeEscapes(body, t));
            }
            return new Expr.Constant(pos, sb.toString());
        }
        Builder out = new Builder(pos);
        for (Token t : parts) {
            String text = t.getText();
            String prefix = prefixOf(text);
            boolean raw = isRaw(prefix);
            String body = bodyOf(text, prefix.length());
            if (prefix.toLowerCase().contains("f")) {
                int quoteLen = text.startsWith("\"\"\"", prefix.length()) || text.startsWith("'''", prefix.length()) ? 3 : 1;
                int[] lc = advance(t.getLine(), t.getCharPositionInLine(), text, prefix.length() + quoteLen);
                FString fs = new FString(body, raw, t, lc[0], lc[1], out);
                fs.parse(0);
            } else {
                out.literal(raw ? body : decodeEscapes(body, t));
            }
        }
        return out.finish();
    }

    /** Accumulates the values of a JoinedStr, merging adjacent literal text. */
    private static final class Builder {
        final Pos pos;
        final List<Expr> values = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Builder(Pos pos) {
            this.pos = pos;
        }

        void literal(String s) {
            text.append(s);
        }

        void value(Expr e) {
            flush();
            values.add(e);
        }

        void flush() {
            if (text.length() > 0) {
                values.add(new Expr.Constant(pos, text.toString()));
                text.setLength(0);
            }
        }

        Expr.JoinedStr finish() {
            flush();
            return new Expr.JoinedStr(pos, List.copyOf(values));
        }
    }

    /** One f-string body being scanned; {@code i} indexes {@code s}. */
    private final class FString {
        final String s;
        final boolean raw;
        final Token token;
        final int line0;
        final int col0;
        final Builder top;
        int i;

        FString(String s, boolean raw, Token token, int line0, int col0, Builder top) {
            this.s = s;
            this.raw = raw;
            this.token = token;
            this.line0 = line0;
            this.col0 = col0;
            this.top = top;
        }

        /** Parses literal text and replacement fields until the end, or a '}' when nested. */
        void parse(int level) {
            parseInto(top, level);
        }

        private void parseInto(Builder out, int level) {
            while (i < s.length()) {
                StringBuilder lit = new StringBuilder();
                int litStart = i;
                while (i < s.length()) {
                    char c = s.charAt(i);
                    if (!raw && c == '\\' && i + 1 < s.length()) {
                        char e = s.charAt(i + 1);
                        if (e == 'N' && i + 2 < s.length() && s.charAt(i + 2) == '{') {
                            int close = s.indexOf('}', i + 3);
                            int stop = close < 0 ? s.length() : close + 1;
                            lit.append(s, i, stop);
                            i = stop;
                            continue;
                        }
                        if (e == '{' || e == '}') {
                            // "\{" is an invalid escape: the backslash stays, the brace counts
                            lit.append(c);
                            i++;
                            continue;
                        }
                        lit.append(s, i, i + 2);
                        i += 2;
                        continue;
                    }
                    if (c == '{') {
                        if (level == 0 && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                            lit.append('{');
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '}') {
                        if (level > 0) {
                            break;
                        }
                        if (i + 1 < s.length() && s.charAt(i + 1) == '}') {
                            lit.append('}');
                            i += 2;
                            continue;
                        }
                        throw errors.atToken("f-string: single '}' is not allowed", after);
                    }
                    lit.append(c);
                    i++;
                }
                if (i > litStart) {
                    String chunk = lit.toString();
                    out.literal(raw ? chunk : decodeEscapes(chunk, token));
                }
                if (i >= s.length()) {
                    return;
                }
                char c = s.charAt(i);
                if (c == '}') {
                    return; // end of a format spec
                }
                // c == '{'
                if (level >= 2) {
                    throw errors.atToken("f-string: expressions nested too deeply", after);
                }
                i++;
                replacementField(out, level);
            }
        }

        private void replacementField(Builder out, int level) {
            int exprStart = i;
            char quote = 0;
            int quoteLen = 0;
            StringBuilder stack = new StringBuilder();
            while (i < s.length()) {
                char ch = s.charAt(i);
                if (ch == '\\') {
                    throw errors.atToken("f-string expression part cannot include a backslash", after);
                }
                if (quote != 0) {
                    if (ch == quote) {
                        if (quoteLen == 3) {
                            if (i + 2 < s.length() && s.charAt(i + 1) == ch && s.charAt(i + 2) == ch) {
                                i += 3;
                                quote = 0;
                                continue;
                            }
                        } else {
                            quote = 0;
                        }
                    }
                    i++;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    if (i + 2 < s.length() && s.charAt(i + 1) == ch && s.charAt(i + 2) == ch) {
                        quoteLen = 3;
                        i += 3;
                    } else {
                        quoteLen = 1;
                        i++;
                    }
                    quote = ch;
                    continue;
                }
                if (ch == '{' || ch == '[' || ch == '(') {
                    if (stack.length() >= 200) {
                        throw errors.atToken("f-string: too many nested parenthesis", after);
                    }
                    stack.append(ch);
                    i++;
                    continue;
                }
                if (ch == '#') {
                    throw errors.atToken("f-string expression part cannot include '#'", after);
                }
                if (stack.length() == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
                    if (i + 1 < s.length()) {
                        char next = s.charAt(i + 1);
                        if (ch == '!' && next == '=' || ch == '=' && next == '=' || ch == '<' && next == '=' || ch == '>' && next == '=') {
                            i += 2;
                            continue;
                        }
                    }
                    if (ch == '>' || ch == '<') {
                        i++;
                        continue;
                    }
                    break;
                }
                if (ch == ']' || ch == '}' || ch == ')') {
                    if (stack.length() == 0) {
                        throw errors.atToken("f-string: unmatched '" + ch + "'", after);
                    }
                    char open = stack.charAt(stack.length() - 1);
                    stack.setLength(stack.length() - 1);
                    if (!(open == '(' && ch == ')' || open == '[' && ch == ']' || open == '{' && ch == '}')) {
                        throw errors.atToken("f-string: closing parenthesis '" + ch + "' does not match opening parenthesis '" + open + "'",
                                after);
                    }
                }
                i++;
            }
            int exprEnd = i;
            if (quote != 0) {
                throw errors.atToken("f-string: unterminated string", after);
            }
            if (stack.length() > 0) {
                throw errors.atToken("f-string: unmatched '" + stack.charAt(stack.length() - 1) + "'", after);
            }
            if (i >= s.length()) {
                throw errors.atToken("f-string: expecting '}'", after);
            }
            String exprText = s.substring(exprStart, exprEnd);
            if (exprText.isBlank()) {
                char stop = s.charAt(i);
                if (stop == '!' || stop == ':' || stop == '=') {
                    throw errors.atToken("f-string: expression required before '" + stop + "'", after);
                }
                throw errors.atToken("f-string: empty expression not allowed", after);
            }
            int[] lc = advance(line0, col0, s.substring(0, exprStart), 0);
            Expr value = exprParser.parse(exprText, lc[0], lc[1]);
            String selfDoc = null;
            if (s.charAt(i) == '=') {
                i++;
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= s.length()) {
                    throw errors.atToken("f-string: expecting '}'", after);
                }
                selfDoc = s.substring(exprStart, i);
            }
            int conversion = -1;
            if (s.charAt(i) == '!') {
                i++;
                if (i >= s.length()) {
                    throw errors.atToken("f-string: expecting '}'", after);
                }
                conversion = s.charAt(i);
                i++;
                if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
                    throw errors.atToken("f-string: invalid conversion character: expected 's', 'r', or 'a'", after);
                }
            }
            Expr spec = null;
            if (i >= s.length()) {
                throw errors.atToken("f-string: expecting '}'", after);
            }
            if (s.charAt(i) == ':') {
                i++;
                if (i >= s.length()) {
                    throw errors.atToken("f-string: expecting '}'", after);
                }
                Builder specOut = new Builder(top.pos);
                parseInto(specOut, level + 1);
                spec = specOut.finish();
            }
            if (i >= s.length() || s.charAt(i) != '}') {
                throw errors.atToken("f-string: expecting '}'", after);
            }
            i++;
            if (selfDoc != null) {
                out.literal(selfDoc);
                if (spec == null && conversion == -1) {
                    conversion = 'r';
                }
            }
            out.value(new Expr.FormattedValue(top.pos, value, conversion, spec));
        }
    }

    // ===== Helpers =====

    static String prefixOf(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) != '\'' && text.charAt(i) != '"') {
            i++;
        }
        return text.substring(0, i);
    }

    private static boolean isRaw(String prefix) {
        return prefix.indexOf('r') >= 0 || prefix.indexOf('R') >= 0;
    }

    /** The text between the quotes. */
    private static String bodyOf(String text, int prefixLen) {
        String rest = text.substring(prefixLen);
        int q = rest.startsWith("'''") || rest.startsWith("\"\"\"") ? 3 : 1;
        return rest.substring(q, rest.length() - q);
    }

    /** Line and 0-based column reached after the first {@code n} chars of {@code text} (n = -1: all). */
    private static int[] advance(int line, int col, String text, int n) {
        int end = n <= 0 ? text.length() : Math.min(n, text.length());
        if (n == 0) {
            end = text.length();
        }
        for (int k = 0; k < end; k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\r' && (k + 1 >= text.length() || text.charAt(k + 1) != '\n')) {
                line++;
                col = 0;
            } else if (!Character.isLowSurrogate(c)) {
                col++;
            }
        }
        return new int[] {line, col};
    }

    /** Decodes backslash escapes as a non-raw Python str literal does. */
    private String decodeEscapes(String s, Token token) {
        if (s.indexOf('\\') < 0) {
            return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\r') {
                sb.append('\n');
                i += (i + 1 < n && s.charAt(i + 1) == '\n') ? 2 : 1;
                continue;
            }
            if (c != '\\' || i + 1 >= n) {
                sb.append(c);
                i++;
                continue;
            }
            int escStart = sb.length();
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> { }
                case '\r' -> {
                    if (i < n && s.charAt(i) == '\n') {
                        i++;
                    }
                }
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                case '"' -> sb.append('"');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000B');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    for (int k = 0; k < 2 && i < n && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
                        v = v * 8 + (s.charAt(i++) - '0');
                    }
                    sb.append((char) v);
                }
                case 'x' -> i = hexEscape(s, i, 2, sb, escStart, "truncated \\xXX escape", token);
                case 'u' -> i = hexEscape(s, i, 4, sb, escStart, "truncated \\uXXXX escape", token);
                case 'U' -> i = hexEscape(s, i, 8, sb, escStart, "truncated \\UXXXXXXXX escape", token);
                case 'N' -> i = namedEscape(s, i, sb, escStart, token);
                default -> sb.append('\\').append(e);
            }
        }
        return sb.toString();
    }

    private int hexEscape(String s, int i, int digits, StringBuilder sb, int pos, String what, Token token) {
        int v = 0;
        for (int k = 0; k < digits; k++) {
            int d = i + k < s.length() ? Character.digit(s.charAt(i + k), 16) : -1;
            if (d < 0) {
                throw unicodeError(sb.length(), sb.length() + 1 + k, what, token);
            }
            v = v * 16 + d;
        }
        if (digits == 8 && (v < 0 || v > 0x10FFFF)) {
            throw unicodeError(sb.length(), sb.length() + 9, "illegal Unicode character", token);
        }
        sb.appendCodePoint(v);
        return i + digits;
    }

    private int namedEscape(String s, int i, StringBuilder sb, int pos, Token token) {
        int close = s.indexOf('}', i);
        if (i >= s.length() || s.charAt(i) != '{' || close < 0) {
            throw unicodeError(sb.length(), sb.length() + 1, "malformed \\N character escape", token);
        }
        String name = s.substring(i + 1, close);
        try {
            sb.appendCodePoint(Character.codePointOf(name));
        } catch (IllegalArgumentException ex) {
            throw unicodeError(sb.length(), sb.length() + close - i + 1, "unknown Unicode character name", token);
        }
        return close + 1;
    }

    private SyntaxError unicodeError(int from, int to, String what, Token token) {
        String msg = "(unicode error) 'unicodeescape' codec can't decode bytes in position " + from + "-" + to + ": " + what;
        return errors.atToken(msg, after);
    }
}
