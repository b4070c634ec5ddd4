package toy.lib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import toy.object.*;

/** Formats an uncaught exception as CPython does, including chained causes and contexts. */
public final class TracebackPrinter {
    private TracebackPrinter() {}

    private static final Map<String, List<String>> SOURCES = new HashMap<>();

    /** Registers source text for a file name that is not on disk ("-c", REPL input). */
    public static void registerSource(String filename, String text) {
        SOURCES.put(filename, text.lines().toList());
    }

    public static String format(PyBaseException e) {
        StringBuilder sb = new StringBuilder();
        format(e, sb, new IdentityHashMap<>());
        return sb.toString();
    }

    /**
     * The exception and its traceback without its cause or context, as CPython's default
     * sys.unraisablehook prints an exception raised by __del__ or a gc callback.
     */
    public static String formatAlone(PyBaseException e) {
        StringBuilder sb = new StringBuilder();
        IdentityHashMap<PyObject, Boolean> seen = new IdentityHashMap<>();
        if (e.cause != null) seen.put(e.cause, Boolean.TRUE);
        if (e.context != null) seen.put(e.context, Boolean.TRUE);
        format(e, sb, seen);
        return sb.toString();
    }

    private static void format(PyBaseException e, StringBuilder sb, IdentityHashMap<PyObject, Boolean> seen) {
        seen.put(e, Boolean.TRUE);
        if (e.cause instanceof PyBaseException c && !seen.containsKey(c)) {
            format(c, sb, seen);
            sb.append("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (e.context instanceof PyBaseException c && !e.suppressContext && !seen.containsKey(c)) {
            format(c, sb, seen);
            sb.append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        if (e.traceback != null) {
            sb.append("Traceback (most recent call last):\n");
            String lastFile = null, lastName = null;
            int lastLine = -1, repeat = 0;
            for (PyTraceback tb = e.traceback; tb != null; tb = tb.next) {
                if (tb.filename.equals(lastFile) && tb.name.equals(lastName) && tb.line == lastLine) {
                    repeat++;
                    if (repeat >= 3) continue;
                } else {
                    if (repeat >= 3) appendRepeat(sb, repeat - 2);
                    repeat = 0;
                }
                lastFile = tb.filename;
                lastName = tb.name;
                lastLine = tb.line;
                sb.append("  File \"").append(tb.filename).append("\", line ").append(tb.line).append(", in ").append(tb.name).append('\n');
                String src = sourceLine(tb.filename, tb.line);
                if (src != null && !src.isBlank()) {
                    sb.append("    ").append(src.strip()).append('\n');
                    appendCarets(sb, src, tb);
                }
            }
            if (repeat >= 3) appendRepeat(sb, repeat - 2);
        }
        sb.append(lastLine(e)).append('\n');
    }

    /**
     * CPython 3.11's position markers under a traceback's source line: {@code ^} under the
     * failing expression, or for a binary operation or subscript {@code ~} under the operands
     * and {@code ^} under the operator or brackets. Omitted when the expression is the whole
     * line and has no such parts (print_error_location_carets in Python/traceback.c).
     */
    public static void appendCarets(StringBuilder sb, String src, PyTraceback tb) {
        int start = tb.col, end = tb.endCol;
        if (start < 0 || end < 0 || tb.endLine < tb.line) return;
        int truncation = 0;
        while (truncation < src.length() && Character.isWhitespace(src.charAt(truncation))) truncation++;
        int stripped = src.strip().length();
        int leftEnd = -1, rightStart = -1;
        if (tb.endLine == tb.line) {
            if (end > src.length() || start >= end) return;
            int[] anchors = anchors(src.substring(start, end));
            if (anchors != null) {
                leftEnd = start + anchors[0];
                rightStart = start + anchors[1];
            }
        } else {
            int i = src.length();
            while (--i >= 0 && Character.isWhitespace(src.charAt(i))) { }
            end = i + 1;
            if (start >= end) return;
        }
        boolean secondary = leftEnd != -1 || rightStart != -1;
        if (end - start == stripped && !secondary) return;
        sb.append("    ");
        for (int i = truncation; i < start; i++) sb.append(' ');
        for (int i = start; i < end; i++) sb.append(secondary && !(i >= leftEnd && i < rightStart) ? '~' : '^');
        sb.append('\n');
    }

    /** The operator (or bracket) span inside a binary-operation or subscript segment, or null. */
    private static int[] anchors(String segment) {
        toy.ast.Module m;
        try {
            m = toy.parse.Parser.parse(segment, "<segment>");
        } catch (RuntimeException e) {
            return null;
        }
        if (m.body().size() != 1 || !(m.body().get(0) instanceof toy.ast.Stmt.ExprStmt es)) return null;
        toy.ast.Expr e = es.value();
        if (e instanceof toy.ast.Expr.BinOp b) {
            int rightCol = b.right().pos().col();
            for (int i = b.left().pos().endCol(); i < rightCol && i < segment.length(); i++) {
                char ch = segment.charAt(i);
                if (Character.isWhitespace(ch)) continue;
                int left = i, right = i + 1;
                if (i + 1 < rightCol && !Character.isWhitespace(segment.charAt(i + 1))) right++;
                if (i + 1 < rightCol && ch == ')') continue;
                return new int[] {left, right};
            }
            return null;
        }
        if (e instanceof toy.ast.Expr.Subscript sub) {
            int n = segment.length();
            int left = sub.value().pos().endCol();
            int right = sub.slice().pos().endCol() + 1;
            while (left < n && segment.charAt(left) != '[') left++;
            while (right < n && segment.charAt(right) != ']') right++;
            if (right < n) right++;
            return new int[] {left, right};
        }
        return null;
    }

    private static void appendRepeat(StringBuilder sb, int n) {
        sb.append("  [Previous line repeated ").append(n).append(" more time").append(n == 1 ? "" : "s").append("]\n");
    }

    /** The "Type: message" line. */
    public static String lastLine(PyBaseException e) {
        PyType t = e.type;
        String name = t.module.equals("builtins") || t.module.equals("__main__") ? t.qualname : t.module + "." + t.qualname;
        if (t.heap && !t.module.equals("builtins") && !t.module.equals("__main__")) name = t.module + "." + t.qualname;
        String msg;
        try {
            msg = Ops.str(e);
        } catch (PyException ex) {
            msg = "<exception str() failed>";
        }
        if (t.isSubtypeOf(Exc.SyntaxError) && e.dict != null && e.dict.get("msg") != null) msg = Ops.str(e.dict.get("msg"));
        StringBuilder sb = new StringBuilder(name);
        if (!msg.isEmpty()) sb.append(": ").append(msg);
        PyObject notes = e.dict == null ? null : e.dict.get("__notes__");
        if (notes instanceof PyList l) {
            for (int i = 0; i < l.size; i++) sb.append('\n').append(Ops.str(l.items[i]));
        }
        return sb.toString();
    }

    public static String sourceLine(String filename, int line) {
        List<String> lines = SOURCES.get(filename);
        if (lines == null) {
            try {
                lines = Files.readString(Path.of(filename), StandardCharsets.UTF_8).lines().toList();
            } catch (IOException | RuntimeException ex) {
                lines = List.of();
            }
            SOURCES.put(filename, lines);
        }
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
    }
}
