package toy.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Statistics, their JSON and table, the trace files, the switch interval and the histogram. */
class GilStatsTest {

    private static final long MS = 1_000_000L;

    @Test
    void switchIntervalBehavesAsCPython() {
        Gil gil = new Gil();
        assertEquals(0.005, gil.getSwitchInterval());
        gil.setSwitchInterval(0.001);
        assertEquals(0.001, gil.getSwitchInterval());
        // Values below are what python3.11 prints for sys.getswitchinterval() after setting them.
        gil.setSwitchInterval(0.0012345678);
        assertEquals(0.0012339999999999999, gil.getSwitchInterval());
        gil.setSwitchInterval(1e-7);
        assertEquals(0.0, gil.getSwitchInterval());
        assertEquals(1000L, gil.switchIntervalNanos(), "waits are at least 1 us");
        for (double bad : new double[] {0.0, -1.0, -0.0, Double.NEGATIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gil.setSwitchInterval(bad));
            assertEquals("switch interval must be strictly positive", e.getMessage());
        }
        gil.setSwitchInterval(Double.NaN);
        assertEquals(9223372036854.775, gil.getSwitchInterval());
        gil.setSwitchInterval(1e300);
        assertEquals(0.0, gil.getSwitchInterval());
    }

    @Test
    void policiesHaveTheirCommandLineNames() {
        assertEquals(Gil.Policy.CPYTHON, Gil.Policy.fromName("cpython"));
        assertEquals(Gil.Policy.FIFO, Gil.Policy.fromName("fifo"));
        assertEquals(Gil.Policy.IO_PRIORITY, Gil.Policy.fromName("io-priority"));
        assertEquals("io-priority", Gil.Policy.IO_PRIORITY.label());
        assertThrows(IllegalArgumentException.class, () -> Gil.Policy.fromName("lottery"));
        assertEquals("cpython", new Gil().getPolicy().label());
        assertEquals("5 ms", Gil.formatInterval(0.005));
        assertEquals("500 us", Gil.formatInterval(0.0005));
        assertEquals("1.5 ms", Gil.formatInterval(0.0015));
    }

    /** Three threads mixing CPU work and short blocking calls, under the given policy. */
    private static List<Workers.Worker> mixedRun(Gil gil) throws Exception {
        List<Workers.Worker> ws = List.of(
                new Workers.Worker(gil, "cpu", 400 * MS),
                new Workers.Worker(gil, "io", 400 * MS, 200, 500),
                new Workers.Worker(gil, "mixed", 400 * MS, 2000, 2000));
        Workers.runAll(ws);
        return ws;
    }

    private static void checkConsistency(Gil.Policy policy) throws Exception {
        Gil gil = new Gil(policy);
        gil.setSwitchInterval(0.002);
        List<Workers.Worker> ws = mixedRun(gil);
        GilStats s = gil.stats();
        System.out.print(s.toTable());
        long acq = 0, forced = 0, voluntary = 0, requests = 0;
        double held = 0, wait = 0;
        for (Workers.Worker w : ws) {
            GilStats.ThreadStats t = s.thread(w.name);
            double lifetime = (w.endNanos - w.startNanos) / 1e9;
            double sum = t.heldS() + t.waitS() + t.blockedS();
            // held + wait + blocked covers the thread's life (measured from outside)...
            assertTrue(Math.abs(sum - lifetime) <= 0.02 * lifetime + 0.005,
                    w.name + ": held+wait+blocked " + sum + " vs lifetime " + lifetime);
            // ...and is exactly its own account of its life.
            assertEquals(t.lifetimeS(), sum, 1e-6, w.name);
            assertEquals("exited", t.state());
            assertTrue(t.waits() == t.acquisitions(), "one wait sample per acquisition");
            assertTrue(t.waitP50Ms() <= t.waitP99Ms() && t.waitP99Ms() <= t.waitMaxMs(), "percentiles ordered");
            acq += t.acquisitions();
            forced += t.forcedDrops();
            voluntary += t.voluntaryDrops();
            requests += t.dropRequests();
            held += t.heldS();
            wait += t.waitS();
        }
        assertEquals(acq, s.acquisitions);
        assertEquals(forced, s.forcedDrops);
        assertEquals(voluntary, s.voluntaryDrops);
        assertEquals(requests, s.dropRequests);
        assertEquals(held, s.heldS, 1e-6);
        assertEquals(wait, s.waitS, 1e-6);
        assertTrue(s.voluntaryDrops > 10, "the io threads blocked: " + s.voluntaryDrops);
        assertEquals(s.acquisitions, s.forcedDrops + s.voluntaryDrops + ws.size(),
                "every acquisition ends in a forced drop, a voluntary drop or the thread's exit");
        assertTrue(s.forcedDrops <= s.dropRequests, "a forced drop needs a request");
        assertTrue(s.switches <= s.acquisitions);
        // One holder at a time: the held times cannot add up to more than the wall time.
        assertTrue(s.heldS <= s.wallS * 1.001 + 0.001, "held " + s.heldS + " > wall " + s.wallS);
        assertTrue(s.contention > 0 && s.contention <= 1, "contention " + s.contention);
        // Somebody waits whenever anybody waits: contended time is at most the summed wait.
        assertTrue(s.contention * s.wallS <= s.waitS + 0.001);
    }

    @Test
    void statsAreConsistentUnderCpython() throws Exception {
        checkConsistency(Gil.Policy.CPYTHON);
    }

    @Test
    void statsAreConsistentUnderFifo() throws Exception {
        checkConsistency(Gil.Policy.FIFO);
    }

    @Test
    void statsAreConsistentUnderIoPriority() throws Exception {
        checkConsistency(Gil.Policy.IO_PRIORITY);
    }

    @Test
    void jsonHasTheFieldNamesOfTheDesign() throws Exception {
        Gil gil = new Gil();
        Workers.runAll(List.of(new Workers.Worker(gil, "A \"quoted\"\n", 100 * MS), new Workers.Worker(gil, "B", 100 * MS)));
        String json = gil.stats().toJson();
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) TinyJson.parse(json);
        assertTrue(m.keySet().containsAll(List.of("switch_interval_s", "policy", "wall_s", "gil", "threads")), m.keySet().toString());
        assertEquals(0.005, m.get("switch_interval_s"));
        assertEquals("cpython", m.get("policy"));
        @SuppressWarnings("unchecked")
        Map<String, Object> g = (Map<String, Object>) m.get("gil");
        assertTrue(g.keySet().containsAll(List.of("acquisitions", "switches", "drop_requests", "forced_drops",
                "voluntary_drops", "held_s", "wait_s", "contention")), g.keySet().toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ts = (List<Map<String, Object>>) m.get("threads");
        assertEquals(2, ts.size());
        Set<String> names = new HashSet<>();
        for (Map<String, Object> t : ts) {
            assertTrue(t.keySet().containsAll(List.of("name", "ident", "acquisitions", "held_s", "wait_s", "forced_drops",
                    "voluntary_drops", "wait_p50_ms", "wait_p99_ms", "wait_max_ms", "holders")), t.keySet().toString());
            names.add((String) t.get("name"));
            assertTrue(t.get("acquisitions") instanceof Long);
            assertTrue(t.get("held_s") instanceof Number);
            for (Object h : (List<?>) t.get("holders")) {
                assertTrue(((Map<?, ?>) h).keySet().containsAll(List.of("where", "count")));
            }
            assertTrue(((List<?>) t.get("holders")).size() <= 5);
        }
        assertEquals(Set.of("A \"quoted\"\n", "B"), names);
        String table = gil.stats().toTable();
        assertTrue(table.contains("policy cpython") && table.contains("switch interval 5 ms"), table);
        assertTrue(table.contains("p99 ms"), table);
    }

    @Test
    void holderAttributionKeepsTheTopFive() throws Exception {
        Gil gil = new Gil();
        gil.setSwitchInterval(0.001);
        Workers.runAll(List.of(new Workers.Worker(gil, "A", 300 * MS), new Workers.Worker(gil, "B", 300 * MS)));
        GilStats s = gil.stats();
        for (GilStats.ThreadStats t : s.threads) {
            assertEquals(5, t.holders().size(), t.name() + ": " + t.holders());   // 7 sites, top 5 kept
            long prev = Long.MAX_VALUE;
            for (GilStats.Holder h : t.holders()) {
                assertTrue(h.where().startsWith(t.name() + ".toy:"), h.where());
                assertTrue(h.count() <= prev, "sorted by count");
                prev = h.count();
            }
        }
    }

    @Test
    void resetStatsStartsAfresh() throws Exception {
        Gil gil = new Gil();
        Workers.runAll(List.of(new Workers.Worker(gil, "A", 50 * MS), new Workers.Worker(gil, "B", 50 * MS)));
        GilThread main = gil.register("main", 1);
        gil.acquire(main);
        gil.resetStats();
        GilStats s = gil.stats();
        assertEquals(0, s.acquisitions);
        assertEquals(0, s.switches);
        assertEquals(1, s.threads.size(), "exited threads are forgotten");
        assertEquals("main", s.threads.get(0).name());
        assertEquals("holding", s.threads.get(0).state());
        assertTrue(s.wallS < 1.0);
        gil.releaseForBlocking(main);
        assertEquals(1, gil.stats().voluntaryDrops);
    }

    @Test
    void traceFilesAreWellFormed(@TempDir Path dir) throws Exception {
        Gil gil = new Gil(Gil.Policy.FIFO);
        gil.setSwitchInterval(0.005);
        GilTrace trace = gil.startTrace();
        Workers.runAll(List.of(new Workers.Worker(gil, "cpu", 200 * MS), new Workers.Worker(gil, "io<&>", 200 * MS, 300, 1000)));
        gil.stopTrace();
        Path json = dir.resolve("trace.json");
        trace.writeChromeTrace(json);
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) TinyJson.parse(Files.readString(json));
        List<?> events = (List<?>) doc.get("traceEvents");
        Set<String> sliceNames = new HashSet<>();
        Set<Object> tids = new HashSet<>();
        boolean counter = false, threadNames = false;
        for (Object o : events) {
            Map<?, ?> e = (Map<?, ?>) o;
            String ph = (String) e.get("ph");
            assertTrue(e.containsKey("pid") && e.containsKey("name"), e.toString());
            switch (ph) {
                case "X" -> {
                    sliceNames.add((String) e.get("name"));
                    tids.add(e.get("tid"));
                    assertTrue(((Number) e.get("ts")).doubleValue() >= 0);
                    assertTrue(((Number) e.get("dur")).doubleValue() > 0);
                }
                case "C" -> {
                    counter = true;
                    assertTrue(((Map<?, ?>) e.get("args")).containsKey("waiters"));
                }
                case "M" -> threadNames |= e.get("name").equals("thread_name");
                case "i" -> assertEquals("drop request", e.get("name"));
                default -> throw new AssertionError("unexpected phase " + ph);
            }
        }
        assertEquals(Set.of("holding", "waiting", "blocked"), sliceNames);
        assertEquals(2, tids.size(), "one track per thread");
        assertTrue(counter && threadNames);

        Path svg = dir.resolve("timeline.svg");
        trace.writeSvg(svg);
        String text = Files.readString(svg);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", d.getDocumentElement().getTagName());
        String title = d.getDocumentElement().getElementsByTagName("title").item(0).getTextContent();
        assertEquals("title", d.getDocumentElement().getFirstChild().getNextSibling().getNodeName());
        assertEquals("GIL timeline: policy fifo, switch interval 5 ms", title);
        assertTrue(d.getElementsByTagName("rect").getLength() > 20);
        assertTrue(text.contains("#2e7d32") && text.contains("#e53935") && text.contains("#b0bec5"), "all three colours used");
        assertTrue(text.contains("time (ms)") && text.contains("io&lt;&amp;&gt;"));
        assertTrue(!text.contains("href"), "self-contained");
    }

    @Test
    void svgStaysSmallForHugeTraces() throws Exception {
        Gil gil = new Gil();
        GilTrace trace = gil.startTrace(200_000);
        GilThread t = gil.register("busy", 1);
        gil.acquire(t);
        for (int i = 0; i < 40_000; i++) {
            gil.releaseForBlocking(t);
            gil.reacquireAfterBlocking(t);
        }
        gil.unregister(t);
        gil.stopTrace();
        assertTrue(trace.slices().size() > 40_000, "slices: " + trace.slices().size());
        String svg = trace.svg();
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        // Above 20000 slices each lane is drawn per pixel column: at most ~1000 bars a lane.
        assertTrue(svg.length() < 400_000, "svg size " + svg.length());
        assertTrue(svg.contains("#2e7d32"));
        TinyJson.parse(trace.chromeTrace());
        // The event limit: later events are counted, not kept.
        GilTrace small = gil.startTrace(100);
        GilThread u = gil.register("u", 2);
        gil.acquire(u);
        for (int i = 0; i < 200; i++) {
            gil.releaseForBlocking(u);
            gil.reacquireAfterBlocking(u);
        }
        gil.unregister(u);
        assertEquals(100, small.eventCount());
        assertTrue(small.droppedEvents() > 300);
        assertTrue(small.svg().contains("events not recorded"));
    }

    @Test
    void histogramPercentilesAreWithinOnePercent() {
        Random r = new Random(42);
        WaitHistogram h = new WaitHistogram();
        long[] vals = new long[20_000];
        for (int i = 0; i < vals.length; i++) {
            // log-uniform from 1 us to 100 s
            vals[i] = (long) Math.exp(r.nextDouble() * Math.log(100e6));
            h.recordValue(vals[i]);
        }
        Arrays.sort(vals);
        for (double p : new double[] {1, 10, 50, 90, 99, 99.9, 100}) {
            long exact = vals[(int) Math.ceil(p / 100 * vals.length) - 1];
            long got = h.getValueAtPercentile(p);
            assertTrue(got >= exact && got <= exact + Math.max(1, exact / 100), "p" + p + ": " + got + " vs " + exact);
        }
        assertEquals(vals[vals.length - 1], h.getMaxValue());
        assertEquals(vals[0], h.getMinValue());
        assertEquals(vals.length, h.getTotalCount());
        for (int i = 0; i < 4000; i++) {
            int idx = WaitHistogram.indexOf(WaitHistogram.lowestOf(i));
            assertEquals(i, idx);
            assertEquals(i, WaitHistogram.indexOf(WaitHistogram.highestOf(i)));
        }
        WaitHistogram empty = new WaitHistogram();
        assertEquals(0, empty.getValueAtPercentile(99));
        empty.add(h);
        assertEquals(h.getValueAtPercentile(50), empty.getValueAtPercentile(50));
        h.reset();
        assertEquals(0, h.getTotalCount());
    }

    @Test
    void jsonWriterEscapesAndFormats() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("s", "a\"b\\c\n\u0001");
        m.put("d", 0.0001);
        m.put("i", 3L);
        m.put("nan", Double.NaN);
        m.put("l", new ArrayList<>(List.of(1.5, true)));
        String s = Json.writeCompact(m);
        assertEquals("{\"s\":\"a\\\"b\\\\c\\n\\u0001\",\"d\":0.0001,\"i\":3,\"nan\":null,\"l\":[1.5,true]}", s);
        TinyJson.parse(Json.write(m));
    }
}
