package toy.gil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An in-memory record of what the GIL did, written out as Chrome trace-event JSON
 * ({@link #writeChromeTrace}, opens in Perfetto and chrome://tracing) or as a self-contained SVG
 * timeline ({@link #writeSvg}). Started by {@link Gil#startTrace}; every state change of a thread
 * (holding, waiting, blocked, exited), every drop request and every change in the number of
 * waiters is appended to three parallel arrays under the GIL's mutex: no allocation per event
 * once the arrays have grown. Events beyond the limit are counted, not kept.
 */
public final class GilTrace {
    private static final int DROP_REQUEST = 100;
    private static final int COUNTER = -1;

    private final Gil gil;
    final long startNanos;
    private final int maxEvents;
    private long stopNanos = -1;

    // ---- guarded by gil.mutex ----
    private long[] times = new long[1024];
    private int[] who = new int[1024];
    private int[] what = new int[1024];
    private int count;
    private long dropped;
    private final List<String> names = new ArrayList<>();
    private final List<Long> idents = new ArrayList<>();
    private final String policy;
    private final double interval;

    GilTrace(Gil gil, long startNanos, int maxEvents) {
        this.gil = gil;
        this.startNanos = startNanos;
        this.maxEvents = Math.max(16, maxEvents);
        this.policy = gil.getPolicy().label();
        this.interval = gil.getSwitchInterval();
    }

    void thread(GilThread t) {
        while (names.size() <= t.index) {
            names.add(null);
            idents.add(0L);
        }
        names.set(t.index, t.name);
        idents.set(t.index, t.ident);
    }

    void state(GilThread t, int state, long now) { add(now, t.index, state); }

    void dropRequest(GilThread t, long now) { add(now, t.index, DROP_REQUEST); }

    void waiters(int n, long now) { add(now, COUNTER, n); }

    void stop(long now) { stopNanos = now; }

    private void add(long t, int a, int b) {
        if (count >= maxEvents) {
            dropped++;
            return;
        }
        if (count == times.length) {
            int n = (int) Math.min((long) maxEvents, 2L * count);
            times = Arrays.copyOf(times, n);
            who = Arrays.copyOf(who, n);
            what = Arrays.copyOf(what, n);
        }
        times[count] = t;
        who[count] = a;
        what[count] = b;
        count++;
    }

    /** The number of events kept. */
    public int eventCount() {
        gil.mutex.lock();
        try {
            return count;
        } finally {
            gil.mutex.unlock();
        }
    }

    /** The number of events not kept because the limit was reached. */
    public long droppedEvents() {
        gil.mutex.lock();
        try {
            return dropped;
        } finally {
            gil.mutex.unlock();
        }
    }

    // ------------------------------------------------------------------ analysis

    /** A time slice of one thread in one state; times in nanoseconds since the trace started. */
    public record Slice(int thread, String state, long start, long end) {}

    /** A copy of the events, taken under the mutex, with the slices they form. */
    private final class Snapshot {
        final long end;
        final List<String> names;
        final List<Long> idents;
        final List<Slice> slices = new ArrayList<>();
        final List<long[]> counter = new ArrayList<>();   // {time, waiters}
        final List<long[]> drops = new ArrayList<>();     // {time, thread}
        final long droppedEvents;
        long switches;

        Snapshot() {
            long[] t;
            int[] a, b;
            int n;
            gil.mutex.lock();
            try {
                n = count;
                t = Arrays.copyOf(times, n);
                a = Arrays.copyOf(who, n);
                b = Arrays.copyOf(what, n);
                end = (stopNanos >= 0 ? stopNanos : System.nanoTime()) - startNanos;
                names = new ArrayList<>(GilTrace.this.names);
                idents = new ArrayList<>(GilTrace.this.idents);
                droppedEvents = dropped;
            } finally {
                gil.mutex.unlock();
            }
            int threadsN = names.size();
            int[] cur = new int[threadsN];
            long[] since = new long[threadsN];
            int lastHolder = -1;
            for (int i = 0; i < n; i++) {
                long time = t[i] - startNanos;
                if (a[i] == COUNTER) {
                    counter.add(new long[] {time, b[i]});
                    continue;
                }
                int th = a[i];
                if (th >= threadsN) continue;
                if (b[i] == DROP_REQUEST) {
                    drops.add(new long[] {time, th});
                    continue;
                }
                close(th, cur[th], since[th], time);
                cur[th] = b[i];
                since[th] = time;
                if (b[i] == GilThread.HOLDING) {
                    if (lastHolder != th && lastHolder != -1) switches++;
                    lastHolder = th;
                }
            }
            for (int th = 0; th < threadsN; th++) close(th, cur[th], since[th], end);
            slices.sort((x, y) -> Long.compare(x.start(), y.start()));
        }

        private void close(int th, int state, long from, long to) {
            if (state == GilThread.HOLDING || state == GilThread.WAITING || state == GilThread.BLOCKED) {
                if (to > from) slices.add(new Slice(th, GilThread.STATE_NAMES[state], from, to));
            }
        }

        String name(int i) {
            String s = names.get(i);
            return s == null ? "thread " + i : s;
        }
    }

    /** The slices recorded so far (open ones end now), sorted by start time. */
    public List<Slice> slices() { return new Snapshot().slices; }

    /** A drop request posted to {@code thread} at {@code time} (nanoseconds since the trace started). */
    public record DropRequest(int thread, long time) {}

    /** The drop requests recorded so far, in time order. */
    public List<DropRequest> dropRequests() {
        List<DropRequest> out = new ArrayList<>();
        for (long[] d : new Snapshot().drops) out.add(new DropRequest((int) d[1], d[0]));
        return out;
    }

    // ------------------------------------------------------------------ Chrome trace

    /** Writes Chrome trace-event JSON to {@code file}. */
    public void writeChromeTrace(Path file) throws IOException {
        Files.writeString(file, chromeTrace(), StandardCharsets.UTF_8);
    }

    /**
     * The Chrome trace-event JSON: one track (tid) per thread with "holding", "waiting" and
     * "blocked" complete events ("X"), instant events for drop requests, a "waiters" counter
     * track, and metadata naming the process and the threads. Timestamps in microseconds.
     */
    public String chromeTrace() {
        Snapshot s = new Snapshot();
        StringBuilder sb = new StringBuilder(64 + s.slices.size() * 100);
        sb.append("{\"displayTimeUnit\":\"ms\",\"otherData\":{\"policy\":");
        Json.quote(sb, policy);
        sb.append(",\"switch_interval_s\":");
        Json.number(sb, interval);
        sb.append(",\"dropped_events\":").append(s.droppedEvents);
        sb.append("},\n\"traceEvents\":[\n");
        sb.append("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"tid\":0,\"args\":{\"name\":");
        Json.quote(sb, "Toy GIL (" + policy + ", switch interval " + Gil.formatInterval(interval) + ")");
        sb.append("}}");
        for (int i = 0; i < s.names.size(); i++) {
            sb.append(",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":").append(i + 1).append(",\"args\":{\"name\":");
            Json.quote(sb, s.name(i) + " (" + s.idents.get(i) + ")");
            sb.append("}}");
            sb.append(",\n{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":1,\"tid\":").append(i + 1)
                    .append(",\"args\":{\"sort_index\":").append(i).append("}}");
        }
        for (Slice sl : s.slices) {
            sb.append(",\n{\"name\":\"").append(sl.state()).append("\",\"cat\":\"gil\",\"ph\":\"X\",\"pid\":1,\"tid\":")
                    .append(sl.thread() + 1).append(",\"ts\":");
            micros(sb, sl.start());
            sb.append(",\"dur\":");
            micros(sb, sl.end() - sl.start());
            sb.append('}');
        }
        for (long[] d : s.drops) {
            sb.append(",\n{\"name\":\"drop request\",\"cat\":\"gil\",\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":")
                    .append(d[1] + 1).append(",\"ts\":");
            micros(sb, d[0]);
            sb.append('}');
        }
        for (long[] c : s.counter) {
            sb.append(",\n{\"name\":\"waiters\",\"ph\":\"C\",\"pid\":1,\"tid\":0,\"ts\":");
            micros(sb, c[0]);
            sb.append(",\"args\":{\"waiters\":").append(c[1]).append("}}");
        }
        sb.append("\n]}\n");
        return sb.toString();
    }

    private static void micros(StringBuilder sb, long nanos) {
        sb.append(nanos / 1000).append('.');
        long frac = nanos % 1000;
        if (frac < 100) sb.append('0');
        if (frac < 10) sb.append('0');
        sb.append(frac);
    }

    // ------------------------------------------------------------------ SVG

    private static final String HOLD_COLOR = "#2e7d32";
    private static final String WAIT_COLOR = "#e53935";
    private static final String BLOCK_COLOR = "#b0bec5";
    /** Above this many slices the SVG shows, per pixel column, the state that took most of it. */
    private static final int EXACT_LIMIT = 20_000;
    /** Up to this many slices each bar carries a tooltip. */
    private static final int TOOLTIP_LIMIT = 5_000;

    /** Writes the SVG timeline to {@code file}. */
    public void writeSvg(Path file) throws IOException {
        Files.writeString(file, svg(), StandardCharsets.UTF_8);
    }

    /**
     * A self-contained SVG: a lane per thread with holding / waiting / blocked bars, a lane with
     * the number of waiters, a time axis in milliseconds, a legend, and the policy and interval
     * in the title.
     */
    public String svg() {
        Snapshot s = new Snapshot();
        int lanes = s.names.size();
        final int left = 170, right = 20, top = 62, laneH = 26, gap = 6, plotW = 1000;
        int counterTop = top + lanes * (laneH + gap);
        int counterH = 40;
        int axisY = counterTop + counterH + 8;
        int width = left + plotW + right;
        int height = axisY + 46;
        double span = Math.max(1, s.end);
        double scale = plotW / span;

        StringBuilder sb = new StringBuilder(4096 + s.slices.size() * 80);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        String title = "GIL timeline: policy " + policy + ", switch interval " + Gil.formatInterval(interval);
        sb.append("<title>").append(xml(title)).append("</title>\n");
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>\n");
        sb.append("<text x=\"10\" y=\"22\" font-size=\"16\" font-weight=\"bold\">").append(xml(title)).append("</text>\n");
        String sub = String.format(Locale.ROOT, "%d thread%s, %.1f ms traced, %d switches%s", lanes, lanes == 1 ? "" : "s",
                s.end / 1e6, s.switches, s.droppedEvents > 0 ? ", " + s.droppedEvents + " events not recorded (limit)" : "");
        sb.append("<text x=\"10\" y=\"40\" fill=\"#444\">").append(xml(sub)).append("</text>\n");
        // legend
        int lx = left + plotW - 330;
        String[][] legend = {{HOLD_COLOR, "holding"}, {WAIT_COLOR, "waiting"}, {BLOCK_COLOR, "blocked"}};
        for (String[] l : legend) {
            sb.append("<rect x=\"").append(lx).append("\" y=\"30\" width=\"14\" height=\"12\" fill=\"").append(l[0]).append("\"/>");
            sb.append("<text x=\"").append(lx + 18).append("\" y=\"40\">").append(l[1]).append("</text>\n");
            lx += 100;
        }
        // lanes
        for (int i = 0; i < lanes; i++) {
            int y = top + i * (laneH + gap);
            sb.append("<text x=\"").append(left - 8).append("\" y=\"").append(y + laneH / 2 + 4)
                    .append("\" text-anchor=\"end\">").append(xml(truncate(s.name(i), 24))).append("</text>\n");
            sb.append("<rect x=\"").append(left).append("\" y=\"").append(y).append("\" width=\"").append(plotW)
                    .append("\" height=\"").append(laneH).append("\" fill=\"#f5f5f5\"/>\n");
        }
        if (s.slices.size() <= EXACT_LIMIT) {
            boolean tips = s.slices.size() <= TOOLTIP_LIMIT;
            for (Slice sl : s.slices) {
                int y = top + sl.thread() * (laneH + gap);
                double x = left + sl.start() * scale;
                double w = (sl.end() - sl.start()) * scale;
                sb.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y).append("\" width=\"").append(fmt(Math.max(w, 0.05)))
                        .append("\" height=\"").append(laneH).append("\" fill=\"").append(color(sl.state())).append('"');
                if (tips) {
                    // A browser shows this when the pointer rests on the bar.
                    sb.append("><title>").append(xml(String.format(Locale.ROOT, "%s %s %.3f ms (from %.3f ms)", s.name(sl.thread()),
                            sl.state(), (sl.end() - sl.start()) / 1e6, sl.start() / 1e6))).append("</title></rect>\n");
                } else {
                    sb.append("/>\n");
                }
            }
        } else {
            // Per pixel column and lane, the state that covers most of the column.
            double[][][] cover = new double[lanes][3][plotW];
            for (Slice sl : s.slices) {
                int k = stateIndex(sl.state());
                double x0 = sl.start() * scale, x1 = sl.end() * scale;
                for (int c = (int) Math.floor(x0); c < Math.min(plotW, (int) Math.ceil(x1)); c++) {
                    double ov = Math.min(x1, c + 1) - Math.max(x0, c);
                    if (ov > 0) cover[sl.thread()][k][c] += ov;
                }
            }
            for (int i = 0; i < lanes; i++) {
                int y = top + i * (laneH + gap);
                int runStart = -1, runState = -1;
                for (int c = 0; c <= plotW; c++) {
                    int st = -1;
                    if (c < plotW) {
                        double best = 0;
                        for (int k = 0; k < 3; k++) if (cover[i][k][c] > best) { best = cover[i][k][c]; st = k; }
                    }
                    if (st != runState) {
                        if (runState >= 0) {
                            sb.append("<rect x=\"").append(left + runStart).append("\" y=\"").append(y).append("\" width=\"")
                                    .append(c - runStart).append("\" height=\"").append(laneH).append("\" fill=\"")
                                    .append(color(GilThread.STATE_NAMES[runState + 1])).append("\"/>\n");
                        }
                        runStart = c;
                        runState = st;
                    }
                }
            }
        }
        // waiters counter lane
        sb.append("<text x=\"").append(left - 8).append("\" y=\"").append(counterTop + counterH / 2 + 4)
                .append("\" text-anchor=\"end\">waiters</text>\n");
        sb.append("<rect x=\"").append(left).append("\" y=\"").append(counterTop).append("\" width=\"").append(plotW)
                .append("\" height=\"").append(counterH).append("\" fill=\"#fafafa\" stroke=\"#e0e0e0\"/>\n");
        long maxW = 1;
        for (long[] c : s.counter) maxW = Math.max(maxW, c[1]);
        if (!s.counter.isEmpty()) {
            // A step line, at most one point pair per pixel column (the column's maximum).
            long[] colMax = new long[plotW + 1];
            Arrays.fill(colMax, -1);
            long last = 0;
            int lastCol = 0;
            for (long[] c : s.counter) {
                int col = (int) Math.min(plotW, Math.max(0, Math.floor(c[0] * scale)));
                for (int k = lastCol + 1; k < col; k++) if (colMax[k] < 0) colMax[k] = last;
                colMax[col] = Math.max(colMax[col], c[1]);
                last = c[1];
                lastCol = col;
            }
            for (int k = lastCol + 1; k <= plotW; k++) colMax[k] = last;
            StringBuilder pts = new StringBuilder();
            long prev = -1;
            for (int k = 0; k <= plotW; k++) {
                long v = colMax[k] < 0 ? 0 : colMax[k];
                double y = counterTop + counterH - 3 - (counterH - 6) * (double) v / maxW;
                if (v != prev) {
                    if (prev >= 0) {
                        double py = counterTop + counterH - 3 - (counterH - 6) * (double) prev / maxW;
                        pts.append(left + k).append(',').append(fmt(py)).append(' ');
                    }
                    pts.append(left + k).append(',').append(fmt(y)).append(' ');
                    prev = v;
                }
            }
            double py = counterTop + counterH - 3 - (counterH - 6) * (double) prev / maxW;
            pts.append(left + plotW).append(',').append(fmt(py));
            sb.append("<polyline fill=\"none\" stroke=\"").append(WAIT_COLOR).append("\" stroke-width=\"1\" points=\"")
                    .append(pts).append("\"/>\n");
            sb.append("<text x=\"").append(left + plotW - 4).append("\" y=\"").append(counterTop + 12)
                    .append("\" text-anchor=\"end\" fill=\"#666\" font-size=\"10\">max ").append(maxW).append("</text>\n");
        }
        // time axis
        double spanMs = span / 1e6;
        double step = niceStep(spanMs / 10);
        sb.append("<line x1=\"").append(left).append("\" y1=\"").append(axisY).append("\" x2=\"").append(left + plotW)
                .append("\" y2=\"").append(axisY).append("\" stroke=\"#333\"/>\n");
        for (int k = 0; k * step <= spanMs + 1e-9; k++) {
            double ms = k * step;
            double x = left + ms * 1e6 * scale;
            sb.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(axisY).append("\" x2=\"").append(fmt(x))
                    .append("\" y2=\"").append(axisY + 5).append("\" stroke=\"#333\"/>");
            sb.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(axisY + 18).append("\" text-anchor=\"middle\">")
                    .append(xml(trimNumber(ms))).append("</text>\n");
        }
        sb.append("<text x=\"").append(left + plotW / 2).append("\" y=\"").append(axisY + 36)
                .append("\" text-anchor=\"middle\" fill=\"#444\">time (ms)</text>\n");
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static int stateIndex(String state) {
        return switch (state) {
            case "holding" -> 0;
            case "waiting" -> 1;
            default -> 2;
        };
    }

    private static String color(String state) {
        return switch (state) {
            case "holding" -> HOLD_COLOR;
            case "waiting" -> WAIT_COLOR;
            default -> BLOCK_COLOR;
        };
    }

    static double niceStep(double raw) {
        if (!(raw > 0)) return 1;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * mag;
    }

    private static String trimNumber(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }

    private static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n') sb.append(' ');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
