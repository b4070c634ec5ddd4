package toy.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import toy.conformance.ToyRun;

/**
 * The GIL as scripts see it, through the toy command in a child JVM: threads really
 * alternate, the statistics add up, blocking calls release the lock, and chaos mode exposes
 * the lost update that the normal switch points hide. Bounds are generous: the machine may be
 * loaded, and only properties are asserted, never timings.
 */
class GilIntegrationTest {
    @TempDir
    Path dir;

    private ToyRun.Result run(String script, String... options) throws IOException {
        Path file = dir.resolve("s.toy");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        List<String> args = new java.util.ArrayList<>(List.of(options));
        args.add(file.toString());
        return ToyRun.run(args, 120);
    }

    private static final String SPIN = String.join("\n",
            "import threading",
            "def spin(n):",
            "    t = 0",
            "    for i in range(n):",
            "        t += i",
            "ts = [threading.Thread(target=spin, args=(400_000,)) for _ in range(2)]",
            "for t in ts: t.start()",
            "for t in ts: t.join()",
            "print('done')", "");

    private static double field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*([-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), "no " + name + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void twoSpinningThreadsShareTheGilAndTheStatisticsAddUp() throws IOException {
        Path json = dir.resolve("stats.json");
        ToyRun.Result r = run(SPIN, "--gil-stats-json", json.toString(), "--switch-interval", "1ms");
        assertEquals(0, r.status(), r.stderr());
        assertEquals("done\n", r.out());
        String s = Files.readString(json);
        for (String f : List.of("switch_interval_s", "policy", "wall_s", "acquisitions", "switches", "drop_requests",
                "forced_drops", "voluntary_drops", "held_s", "wait_s", "contention", "wait_p50_ms", "wait_p99_ms",
                "wait_max_ms")) {
            assertTrue(s.contains("\"" + f + "\""), "missing " + f);
        }
        assertEquals(0.001, field(s, "switch_interval_s"), 1e-9);
        assertTrue(field(s, "switches") >= 2, "the spinning threads never alternated: " + s);
        assertTrue(field(s, "forced_drops") >= 1, s);
        assertTrue(s.contains("Thread-1 (spin)") && s.contains("Thread-2 (spin)"), s);
        double wall = field(s, "wall_s"), held = field(s, "held_s");
        // one holder at a time: the GIL is never held longer than the run lasted
        assertTrue(held <= wall * 1.05 + 0.01, "held " + held + " > wall " + wall);
    }

    @Test
    void sleepReleasesTheGil() throws IOException {
        String script = String.join("\n",
                "import threading, time",
                "def nap():",
                "    time.sleep(0.3)",
                "ts = [threading.Thread(target=nap) for _ in range(4)]",
                "t0 = time.perf_counter()",
                "for t in ts: t.start()",
                "for t in ts: t.join()",
                "print(time.perf_counter() - t0 < 1.1)", "");
        ToyRun.Result r = run(script);
        assertEquals(0, r.status(), r.stderr());
        // four 0.3 s sleeps overlap: well under the 1.2 s they would take holding the lock
        assertEquals("True\n", r.out());
    }

    @Test
    void switchIntervalIsReadableAndValidated() throws IOException {
        String script = String.join("\n",
                "import sys",
                "print(sys.getswitchinterval())",
                "sys.setswitchinterval(0.001)",
                "print(sys.getswitchinterval())",
                "try:",
                "    sys.setswitchinterval(0)",
                "except ValueError as e:",
                "    print(e)", "");
        ToyRun.Result r = run(script);
        assertEquals(0, r.status(), r.stderr());
        assertEquals("0.005\n0.001\nswitch interval must be strictly positive\n", r.out());
    }

    @Test
    void badSwitchIntervalOptionIsACommandLineError() throws IOException {
        ToyRun.Result r = run("print(1)\n", "--switch-interval", "fast");
        assertEquals(2, r.status());
        ToyRun.Result p = run("print(1)\n", "--gil-policy", "random");
        assertEquals(2, p.status());
    }

    @Test
    void chaosModeLosesUpdatesThatNormalSwitchPointsKeep() throws IOException {
        String script = String.join("\n",
                "import threading",
                "counter = 0",
                "def work():",
                "    global counter",
                "    for _ in range(200_000):",
                "        counter += 1",
                "ts = [threading.Thread(target=work) for _ in range(3)]",
                "for t in ts: t.start()",
                "for t in ts: t.join()",
                "print(counter)", "");
        ToyRun.Result normal = run(script);
        assertEquals(0, normal.status(), normal.stderr());
        assertEquals("600000\n", normal.out());
        ToyRun.Result chaos = run(script, "--switch-every-instruction");
        assertEquals(0, chaos.status(), chaos.stderr());
        assertTrue(Integer.parseInt(chaos.out().trim()) < 600_000, "chaos mode lost no update: " + chaos.out());
    }

    @Test
    void traceAndTimelineFilesAreWritten() throws IOException {
        Path trace = dir.resolve("t.json"), svg = dir.resolve("t.svg");
        ToyRun.Result r = run(SPIN, "--gil-trace", trace.toString(), "--gil-timeline", svg.toString());
        assertEquals(0, r.status(), r.stderr());
        String t = Files.readString(trace), v = Files.readString(svg);
        assertTrue(t.contains("\"traceEvents\"") && t.contains("holding"), t.substring(0, Math.min(200, t.length())));
        assertTrue(v.startsWith("<?xml") || v.startsWith("<svg"), v.substring(0, Math.min(100, v.length())));
        assertTrue(v.contains("Thread-1 (spin)"), "lane names in the timeline");
    }
}
