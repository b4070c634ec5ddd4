package toy.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code --sweep-intervals 0.5ms,1ms,5ms,20ms}: runs the script once per switch interval, each
 * in a fresh interpreter (a child JVM with {@code --gil-stats-json}), then prints one table
 * comparing wall time, switches, forced drops, contention and the threads' GIL waits.
 */
final class Sweep {
    private Sweep() {}

    static int run(String list, List<String> passThrough, List<String> scriptAndArgs) {
        List<Double> intervals = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String part : list.split(",")) {
            if (part.isBlank()) continue;
            try {
                intervals.add(GilOptions.parseInterval(part));
            } catch (IllegalArgumentException e) {
                System.err.println("toy: " + e.getMessage().replace("--switch-interval", "--sweep-intervals"));
                return 2;
            }
            labels.add(part.trim());
        }
        if (intervals.isEmpty()) {
            System.err.println("toy: --sweep-intervals needs a list such as 0.5ms,1ms,5ms");
            return 2;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            Path json;
            try {
                json = Files.createTempFile("toy-sweep", ".json");
            } catch (IOException e) {
                System.err.println("toy: cannot create a temporary file: " + e.getMessage());
                return 70;
            }
            // (the ./toy launcher's flags)
            List<String> cmd = new ArrayList<>(List.of(java, "-Xss16m", "-XX:+UseSerialGC", "-XX:-DontCompileHugeMethods",
                    "-XX:CompileCommand=quiet", "-XX:CompileCommand=dontinline,toy.object.Refs::destroy",
                    "-cp", cp, Main.class.getName(), "--switch-interval", Double.toString(intervals.get(i)),
                    "--gil-stats-json", json.toString()));
            cmd.addAll(passThrough);
            cmd.addAll(scriptAndArgs);
            System.err.println("toy: sweep run " + (i + 1) + "/" + intervals.size() + " at " + labels.get(i));
            int status;
            try {
                Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).redirectInput(new File("/dev/null")).start();
                if (!p.waitFor(1, TimeUnit.HOURS)) {
                    p.destroyForcibly();
                    status = -1;
                } else {
                    status = p.exitValue();
                }
                String text = Files.exists(json) ? Files.readString(json, StandardCharsets.UTF_8) : "";
                Files.deleteIfExists(json);
                Object parsed = text.isBlank() ? null : new MiniJson(text).value();
                @SuppressWarnings("unchecked")
                Map<String, Object> m = parsed instanceof Map ? (Map<String, Object>) parsed : new LinkedHashMap<>();
                m.put("_status", (long) status);
                m.put("_label", labels.get(i));
                results.add(m);
            } catch (IOException e) {
                System.err.println("toy: sweep run failed: " + e.getMessage());
                return 70;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        System.out.print(table(results));
        return 0;
    }

    @SuppressWarnings("unchecked")
    static String table(List<Map<String, Object>> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-10s %8s %9s %9s %8s %11s %11s %6s%n", "interval", "wall s", "switches", "forced",
                "content.", "wait p50 ms", "wait p99 ms", "status"));
        for (Map<String, Object> r : results) {
            Map<String, Object> gil = r.get("gil") instanceof Map ? (Map<String, Object>) r.get("gil") : Map.of();
            double p50 = 0, p99 = 0;
            if (r.get("threads") instanceof List<?> threads) {
                for (Object t : threads) {
                    if (t instanceof Map<?, ?> tm) {
                        p50 = Math.max(p50, num(tm.get("wait_p50_ms")));
                        p99 = Math.max(p99, num(tm.get("wait_p99_ms")));
                    }
                }
            }
            sb.append(String.format("%-10s %8.3f %9d %9d %7.1f%% %11.3f %11.3f %6d%n", r.get("_label"), num(r.get("wall_s")),
                    (long) num(gil.get("switches")), (long) num(gil.get("forced_drops")), 100 * num(gil.get("contention")),
                    p50, p99, (long) num(r.get("_status"))));
        }
        sb.append("(wait percentiles: the largest over the script's threads)\n");
        return sb.toString();
    }

    private static double num(Object o) { return o instanceof Number n ? n.doubleValue() : 0; }

    /** Just enough JSON to read back the statistics file: objects, arrays, strings, numbers, literals. */
    static final class MiniJson {
        private final String s;
        private int i;

        MiniJson(String s) { this.s = s; }

        Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                ws();
                if (s.charAt(i) == '}') { i++; return m; }
                while (true) {
                    ws();
                    String k = string();
                    ws();
                    i++; // ':'
                    m.put(k, value());
                    ws();
                    if (s.charAt(i++) == '}') return m;
                }
            }
            if (c == '[') {
                i++;
                List<Object> l = new ArrayList<>();
                ws();
                if (s.charAt(i) == ']') { i++; return l; }
                while (true) {
                    l.add(value());
                    ws();
                    if (s.charAt(i++) == ']') return l;
                }
            }
            if (c == '"') return string();
            if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
            if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
            if (s.startsWith("null", i)) { i += 4; return null; }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            return Double.parseDouble(s.substring(start, i));
        }

        private String string() {
            StringBuilder sb = new StringBuilder();
            i++; // opening quote
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> { sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            i++;
            return sb.toString();
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }
    }
}
