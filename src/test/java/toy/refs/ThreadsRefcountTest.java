package toy.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import toy.conformance.ToyRun;

/**
 * Reference counting in the library modules that hold objects: threading (Thread target and
 * arguments, the running thread's object, threading.local, Timer, Condition, Barrier, the
 * excepthook's argument), queue, open() files, sys.stdout, os.environ, random, time.
 *
 * <p>The scripts of src/test/resources/toy/refs/threads_*.toy run through the toy command in
 * a fresh JVM, normally and with {@code --debug-refs}; both runs must print exactly what
 * CPython 3.11 printed ({@code NAME.out}, made by {@code regen}), so each
 * {@code __del__} message comes at the same point as in CPython, and the debug run must end
 * without a fatal use-after-free or negative-count report and without a leak report. Every
 * wait in the scripts has a timeout and threads start together on an Event: no sleeps. One
 * script also pins that a
 * PriorityQueue whose {@code __lt__} lets the GIL change hands mid-put cannot deadlock.
 *
 * <p>The stress script runs eight threads that put the same objects into shared lists,
 * dicts, a set, a queue and a threading.local and take them out again (100,000 rounds in
 * all, with a tiny switch interval); it prints every object's count delta, which must be 0,
 * and runs a third time switching threads at every instruction.
 */
class ThreadsRefcountTest {
    private static final Path DIR = Path.of("src/test/resources/toy/refs");
    private static final int TIMEOUT_SECONDS = 180;
    private static final Pattern LEAK = Pattern.compile("toy: --debug-refs: (\\d+) leaked objects? \\(alive, unreachable\\):(.*)");

    private static final String STRESS = "threads_stress_refcount.toy";

    @TestFactory
    Stream<DynamicTest> scriptsPrintWhatCPythonPrintsWithAndWithoutDebugRefs() throws IOException {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(DIR)) {
            scripts = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("threads_") && n.endsWith(".toy") && !n.equals(STRESS);
            }).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "no threads_*.toy scripts in " + DIR);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : scripts) {
            String name = p.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(name, () -> check(p, List.of())));
            tests.add(DynamicTest.dynamicTest(name + " --debug-refs", () -> check(p, List.of("--debug-refs"))));
        }
        return tests.stream();
    }

    @Test
    void stressCountsAreBackWhereTheyStarted() throws IOException {
        check(DIR.resolve(STRESS), List.of());
    }

    @Test
    void stressUnderDebugRefsUsesNothingFreedAndLeaksNothing() throws IOException {
        check(DIR.resolve(STRESS), List.of("--debug-refs"));
    }

    @Test
    void stressSwitchingAtEveryInstructionUnderDebugRefs() throws IOException {
        check(DIR.resolve(STRESS), List.of("--debug-refs", "--switch-every-instruction"));
    }

    /**
     * Runs the script with the given options; stdout must be CPython's, the exit status 0, and
     * a --debug-refs run must report neither a fatal error nor a leak.
     */
    private static void check(Path script, List<String> options) throws IOException {
        String base = script.getFileName().toString().replaceAll("\\.toy$", "");
        String expected = Files.readString(DIR.resolve(base + ".out"), StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(options);
        args.add(script.toAbsolutePath().toString());
        ToyRun.Result r = ToyRun.run(args, TIMEOUT_SECONDS);
        String what = base + " " + options + " (stderr: " + r.stderr() + ")";
        assertFalse(r.timedOut(), what + ": timed out");
        assertFalse(r.stderr().contains("Fatal Python error"), what + ": fatal reference-count error");
        assertNull(ToyRun.javaTraceLine(r.stderr()), what + ": Java stack trace");
        assertEquals(expected, r.out(), what + ": stdout");
        assertEquals(0, r.status(), what + ": exit status");
        if (options.contains("--debug-refs")) {
            Matcher m = LEAK.matcher(r.stderr());
            assertFalse(m.find(), what + ": leak report");
        }
    }
}
