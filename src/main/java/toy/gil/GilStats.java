package toy.gil;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable snapshot of the GIL's figures ({@link Gil#stats()}), with the JSON field names
 * fixed in DESIGN.md. {@link #toMap()} gives the tree (maps, lists, strings, Long, Double) that
 * {@code gil.stats()} turns into a dict and {@link #toJson()} writes; {@link #toTable()} is the
 * table for {@code --gil-stats}.
 *
 * <p>Times include the intervals still open at the moment of the snapshot (a thread holding the
 * GIL now has its current hold counted). Wait percentiles cover completed waits only.
 */
public final class GilStats {

    /** One attribution site: where the thread was when it dropped the GIL on request. */
    public record Holder(String where, long count) {}

    /** The figures of one thread. Times in seconds, wait percentiles in milliseconds. */
    public record ThreadStats(
            String name,
            long ident,
            String state,
            long acquisitions,
            double heldS,
            double waitS,
            double blockedS,
            double lifetimeS,
            long dropRequests,
            long forcedDrops,
            long voluntaryDrops,
            long waits,
            double waitP50Ms,
            double waitP99Ms,
            double waitMaxMs,
            double waitMeanMs,
            List<Holder> holders) {

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("ident", ident);
            m.put("acquisitions", acquisitions);
            m.put("held_s", heldS);
            m.put("wait_s", waitS);
            m.put("forced_drops", forcedDrops);
            m.put("voluntary_drops", voluntaryDrops);
            m.put("wait_p50_ms", waitP50Ms);
            m.put("wait_p99_ms", waitP99Ms);
            m.put("wait_max_ms", waitMaxMs);
            // Additions beyond DESIGN.md's list.
            m.put("blocked_s", blockedS);
            m.put("lifetime_s", lifetimeS);
            m.put("drop_requests", dropRequests);
            m.put("waits", waits);
            m.put("wait_mean_ms", waitMeanMs);
            m.put("state", state);
            List<Object> hs = new ArrayList<>();
            for (Holder h : holders) {
                Map<String, Object> hm = new LinkedHashMap<>();
                hm.put("where", h.where());
                hm.put("count", h.count());
                hs.add(hm);
            }
            m.put("holders", hs);
            return m;
        }
    }

    public final double switchIntervalS;
    public final String policy;
    public final double wallS;
    public final long acquisitions;
    public final long switches;
    public final long dropRequests;
    public final long forcedDrops;
    public final long voluntaryDrops;
    public final double heldS;
    public final double waitS;
    public final double blockedS;
    /** Fraction of wall time during which at least one thread waited, 0..1. */
    public final double contention;
    public final boolean switchEveryInstruction;
    /** Name of the current holder, or null. */
    public final String holder;
    public final int waitingNow;
    public final List<ThreadStats> threads;

    private GilStats(double switchIntervalS, String policy, double wallS, long acquisitions, long switches,
                     long dropRequests, long forcedDrops, long voluntaryDrops, double heldS, double waitS,
                     double blockedS, double contention, boolean switchEveryInstruction, String holder,
                     int waitingNow, List<ThreadStats> threads) {
        this.switchIntervalS = switchIntervalS;
        this.policy = policy;
        this.wallS = wallS;
        this.acquisitions = acquisitions;
        this.switches = switches;
        this.dropRequests = dropRequests;
        this.forcedDrops = forcedDrops;
        this.voluntaryDrops = voluntaryDrops;
        this.heldS = heldS;
        this.waitS = waitS;
        this.blockedS = blockedS;
        this.contention = contention;
        this.switchEveryInstruction = switchEveryInstruction;
        this.holder = holder;
        this.waitingNow = waitingNow;
        this.threads = threads;
    }

    /** Called by {@link Gil#stats()} with the GIL's mutex held. */
    static GilStats snapshot(Gil gil, long now, GilThread holder, int waiting, long contendedSince) {
        long epoch = gil.epochNanos;
        List<ThreadStats> ts = new ArrayList<>();
        long held = 0, wait = 0, blocked = 0;
        for (GilThread t : gil.threads) {
            long h = t.heldNanos, w = t.waitNanos, b = t.blockedNanos;
            long open = Math.max(0, now - Math.max(t.stateSince, epoch));
            switch (t.state) {
                case GilThread.HOLDING -> h += open;
                case GilThread.WAITING -> w += open;
                case GilThread.BLOCKED -> b += open;
                default -> { }
            }
            long life = 0;
            if (t.firstActiveNanos >= 0) {
                long end = t.exitNanos >= 0 ? t.exitNanos : now;
                life = Math.max(0, end - Math.max(t.firstActiveNanos, epoch));
            }
            held += h;
            wait += w;
            blocked += b;
            List<Holder> hs = new ArrayList<>();
            for (Map.Entry<String, Long> e : t.topHolders(5)) hs.add(new Holder(e.getKey(), e.getValue()));
            WaitHistogram hist = t.waits;
            ts.add(new ThreadStats(t.name, t.ident, GilThread.STATE_NAMES[t.state], t.acquisitions,
                    sec(h), sec(w), sec(b), sec(life), t.dropRequestsReceived, t.forcedDrops, t.voluntaryDrops,
                    hist.getTotalCount(), ms(hist.getValueAtPercentile(50)), ms(hist.getValueAtPercentile(99)),
                    ms(hist.getMaxValue()), Math.round(hist.getMean()) / 1000.0, Collections.unmodifiableList(hs)));
        }
        long wall = Math.max(0, now - epoch);
        long contended = gil.contendedNanos;
        if (waiting > 0) contended += Math.max(0, now - Math.max(contendedSince, epoch));
        double contention = wall == 0 ? 0.0 : Math.min(1.0, (double) contended / wall);
        contention = Math.round(contention * 1e6) / 1e6;
        return new GilStats(gil.getSwitchInterval(), gil.getPolicy().label(), sec(wall), gil.acquisitions,
                gil.switches, gil.dropRequests, gil.forcedDrops, gil.voluntaryDrops, sec(held), sec(wait), sec(blocked),
                contention, gil.switchEveryInstruction(), holder == null ? null : holder.name, waiting,
                Collections.unmodifiableList(ts));
    }

    private static double sec(long nanos) { return nanos / 1e9; }

    private static double ms(long micros) { return micros / 1000.0; }

    /**
     * Sections other parts of the interpreter add at the top level of the figures, by name
     * ({@code refcount}; DESIGN.md foresees {@code processes} and {@code asyncio}). Each
     * supplier gives a tree of the same kinds as {@link #toMap()}.
     */
    private static final Map<String, java.util.function.Supplier<Object>> SECTIONS =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    /** Registers (or replaces) a top-level section of the figures. */
    public static void addSection(String name, java.util.function.Supplier<Object> section) {
        SECTIONS.put(name, section);
    }

    /** The figures as a tree of LinkedHashMap / List / String / Long / Double / Boolean. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("switch_interval_s", switchIntervalS);
        m.put("policy", policy);
        m.put("wall_s", wallS);
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("acquisitions", acquisitions);
        g.put("switches", switches);
        g.put("drop_requests", dropRequests);
        g.put("forced_drops", forcedDrops);
        g.put("voluntary_drops", voluntaryDrops);
        g.put("held_s", heldS);
        g.put("wait_s", waitS);
        g.put("contention", contention);
        g.put("blocked_s", blockedS);
        g.put("switch_every_instruction", switchEveryInstruction);
        m.put("gil", g);
        List<Object> ts = new ArrayList<>();
        for (ThreadStats t : threads) ts.add(t.toMap());
        m.put("threads", ts);
        synchronized (SECTIONS) {
            for (Map.Entry<String, java.util.function.Supplier<Object>> e : SECTIONS.entrySet()) {
                m.put(e.getKey(), e.getValue().get());
            }
        }
        return m;
    }

    /** The figures as indented JSON. */
    public String toJson() { return Json.write(toMap()) + "\n"; }

    /** A readable table (for stderr). */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "GIL statistics: policy %s, switch interval %s%s, wall %.3f s%n", policy,
                Gil.formatInterval(switchIntervalS), switchEveryInstruction ? " (switch every instruction)" : "", wallS));
        sb.append(String.format(Locale.ROOT,
                "  acquisitions %d, switches %d (%.1f/s), drop requests %d, forced drops %d, voluntary drops %d%n",
                acquisitions, switches, wallS > 0 ? switches / wallS : 0.0, dropRequests, forcedDrops, voluntaryDrops));
        sb.append(String.format(Locale.ROOT, "  held %.3f s, waiting %.3f s, blocked %.3f s, contention %.1f%% of wall time%n",
                heldS, waitS, blockedS, contention * 100));
        if (threads.isEmpty()) return sb.toString();
        int nameW = 6;
        for (ThreadStats t : threads) nameW = Math.max(nameW, Math.min(24, t.name().length()));
        String head = "  %-" + nameW + "s %10s %7s %9s %9s %9s %7s %7s %9s %9s %9s%n";
        String row = "  %-" + nameW + "s %10d %7d %9.3f %9.3f %9.3f %7d %7d %9.3f %9.3f %9.3f%n";
        sb.append(String.format(Locale.ROOT, head, "thread", "ident", "acq", "held s", "wait s", "blocked s",
                "forced", "volunt", "p50 ms", "p99 ms", "max ms"));
        for (ThreadStats t : threads) {
            String n = t.name().length() > nameW ? t.name().substring(0, nameW - 1) + "~" : t.name();
            sb.append(String.format(Locale.ROOT, row, n, t.ident(), t.acquisitions(), t.heldS(), t.waitS(),
                    t.blockedS(), t.forcedDrops(), t.voluntaryDrops(), t.waitP50Ms(), t.waitP99Ms(), t.waitMaxMs()));
        }
        boolean any = false;
        for (ThreadStats t : threads) {
            if (t.holders().isEmpty()) continue;
            if (!any) sb.append("  where each thread was when asked to drop the GIL (top 5):\n");
            any = true;
            StringBuilder line = new StringBuilder("    ").append(t.name()).append(": ");
            for (int i = 0; i < t.holders().size(); i++) {
                Holder h = t.holders().get(i);
                if (i > 0) line.append(", ");
                line.append(h.where()).append(" (").append(h.count()).append(')');
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** The thread named {@code name}, or null. */
    public ThreadStats thread(String name) {
        for (ThreadStats t : threads) if (t.name().equals(name)) return t;
        return null;
    }
}
