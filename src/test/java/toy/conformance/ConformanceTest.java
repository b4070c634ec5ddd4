package toy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every program of the conformance corpus (src/test/resources/toy/conformance/NAME.toy)
 * through Toy in a child JVM and compares with what CPython 3.11 did (NAME.out, NAME.code,
 * NAME.err, written by the {@code regen} script in the same folder):
 * <ul>
 *   <li>stdout must equal NAME.out byte for byte;</li>
 *   <li>the exit status must equal NAME.code (0 when there is none);</li>
 *   <li>when NAME.err exists, the last non-blank line of stderr must equal it;</li>
 *   <li>stderr must never show a Java stack trace.</li>
 * </ul>
 * Cases run two at a time (the build machine has two cores). Cases listed in
 * known-failures.txt that fail are reported as skipped with the listed reason; when one of
 * them passes, the run says so on stderr so that the list can be trimmed.
 * {@code -Dconformance.only=GLOB} restricts the run to matching case names.
 */
class ConformanceTest {
    static final int TIMEOUT_SECONDS = 60;
    static final int PARALLEL = 2;

    private static ExecutorService pool;

    @AfterAll
    static void shutdown() {
        if (pool != null) pool.shutdownNow();
    }

    @TestFactory
    Stream<DynamicTest> conformanceCases() throws IOException {
        return run(List.of(), List.of());
    }

    /**
     * The same corpus with every function compiled by the JIT on its first call (the default
     * threshold leaves most of these short programs in the eval loop), under --debug-refs so
     * that the compiled code's reference counting is checked too.
     */
    @TestFactory
    Stream<DynamicTest> conformanceCasesCompiledUnderDebugRefs() throws IOException {
        return run(List.of("--debug-refs"), List.of("-Dtoy.jit.threshold=0"));
    }

    /**
     * The same corpus under --debug-refs: the same stdout and status, and no use after free,
     * count below zero or leak reported.
     */
    @TestFactory
    Stream<DynamicTest> conformanceCasesUnderDebugRefs() throws IOException {
        return run(List.of("--debug-refs"), List.of());
    }

    private Stream<DynamicTest> run(List<String> options, List<String> jvmOptions) throws IOException {
        Path dir = ToyRun.corpusDir();
        Map<String, String> known = ToyRun.readKnownFailures(dir.resolve("known-failures.txt"));
        String only = System.getProperty("conformance.only");
        PathMatcher filter = only == null || only.isBlank() ? null
                : FileSystems.getDefault().getPathMatcher("glob:" + only);
        List<Path> cases;
        try (Stream<Path> s = Files.list(dir)) {
            cases = s.filter(p -> p.getFileName().toString().endsWith(".toy"))
                    .filter(p -> !p.getFileName().toString().startsWith("_"))
                    .filter(p -> filter == null || filter.matches(Path.of(caseName(p))))
                    .sorted()
                    .toList();
        }
        if (pool != null) pool.shutdownNow(); // the previous factory's cases have all run
        pool = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "conformance-runner");
            t.setDaemon(true);
            return t;
        });
        Map<String, Future<ToyRun.Result>> runs = new LinkedHashMap<>();
        for (Path c : cases) {
            List<String> args = new ArrayList<>(options);
            args.add(c.toString());
            runs.put(caseName(c), pool.submit(() -> ToyRun.run(args, TIMEOUT_SECONDS, null, jvmOptions)));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : cases) {
            String name = caseName(c);
            tests.add(DynamicTest.dynamicTest(name, c.toUri(), () -> {
                ToyRun.Result r = runs.get(name).get();
                String problem = Expectation.load(dir, name).check(r);
                if (problem == null && (r.stderr().contains("--debug-refs:") || r.stderr().contains("Fatal Python error"))) {
                    problem = "reference-counting report: " + ToyRun.lastNonBlankLine(r.stderr());
                }
                String reason = known.get(name);
                if (reason != null) {
                    if (problem == null) {
                        System.err.println("conformance: " + name + " now passes; remove it from known-failures.txt");
                        return;
                    }
                    Assumptions.abort("known failure (" + reason + "): " + problem);
                }
                if (problem != null) fail(name + ": " + problem);
            }));
        }
        assertEquals(cases.isEmpty(), false, "no conformance cases found in " + dir);
        return tests.stream();
    }

    static String caseName(Path p) {
        String f = p.getFileName().toString();
        return f.substring(0, f.length() - ".toy".length());
    }

    /** What CPython did for one case. */
    record Expectation(byte[] stdout, int status, String lastErrLine) {
        static Expectation load(Path dir, String name) {
            try {
                byte[] out = Files.readAllBytes(dir.resolve(name + ".out"));
                Path code = dir.resolve(name + ".code");
                int status = Files.exists(code) ? Integer.parseInt(Files.readString(code).strip()) : 0;
                Path err = dir.resolve(name + ".err");
                String last = Files.exists(err) ? ToyRun.lastNonBlankLine(Files.readString(err, StandardCharsets.UTF_8)) : null;
                return new Expectation(out, status, last);
            } catch (IOException e) {
                throw new UncheckedIOException("expected output of " + name + " missing; run regen", e);
            }
        }

        /** Null when the run matches, else a one-line description of the first difference. */
        String check(ToyRun.Result r) {
            if (r.timedOut()) return "timed out after " + TIMEOUT_SECONDS + " s";
            String trace = ToyRun.javaTraceLine(r.stderr());
            if (trace != null) return "Java stack trace on stderr: " + trace;
            String got = new String(r.stdout(), StandardCharsets.UTF_8);
            String want = new String(stdout, StandardCharsets.UTF_8);
            if (!got.equals(want)) {
                String d = ToyRun.firstDifference(want, got);
                if (r.status() != status) d += " (exit status " + r.status() + ", expected " + status + ")";
                if (r.status() != 0) d += "; stderr ends: " + ToyRun.lastNonBlankLine(r.stderr());
                return d;
            }
            if (r.status() != status) {
                return "exit status " + r.status() + ", expected " + status + "; stderr ends: " + ToyRun.lastNonBlankLine(r.stderr());
            }
            if (lastErrLine != null) {
                String gotErr = ToyRun.lastNonBlankLine(r.stderr());
                if (!gotErr.equals(lastErrLine)) {
                    return "stderr last line: expected \"" + lastErrLine + "\" got \"" + gotErr + "\"";
                }
            }
            return null;
        }
    }
}
