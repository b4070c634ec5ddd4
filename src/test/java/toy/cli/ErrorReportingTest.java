package toy.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import toy.conformance.ToyRun;

/**
 * Error paths of the toy command, compared with CPython 3.11 (expectations made by
 * src/test/resources/toy/conformance/regen from the errors/ sub-folder): uncaught exceptions
 * print CPython's traceback (header, one "File ..., line N, in NAME" line per frame, the source
 * line indented by 4, chained exceptions with their separator lines, "Type: message") and exit
 * with 1; syntax and compile-time errors print the file/line/source/caret block and exit with 1;
 * sys.exit sets the status; bad command lines exit with 2. Unless a case says otherwise the
 * whole stderr must match, after the normalization described in regen (folder path written
 * {DIR}; CPython's ~~~^^^ position markers under traceback source lines not compared).
 * Stderr must never contain a Java stack trace. Known failures are listed in
 * errors/known-failures.txt.
 */
class ErrorReportingTest {
    static final int TIMEOUT_SECONDS = 30;

    private static ExecutorService pool;

    @AfterAll
    static void shutdown() {
        if (pool != null) pool.shutdownNow();
    }

    /** One invocation: its name, how stderr is compared, and the arguments ({DIR} not yet replaced). */
    record Case(String name, String mode, List<String> args) {}

    static Path errorsDir() {
        return ToyRun.corpusDir().resolve("errors");
    }

    static List<Case> cases(Path dir) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String f = p.getFileName().toString();
                if (!f.endsWith(".toy") || f.startsWith("_")) continue;
                // read as Latin-1: some cases are deliberately not valid UTF-8
                String first = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).split("\n", 2)[0];
                String mode = first.strip().equals("# check: last-line") ? "last-line" : "full";
                cases.add(new Case(f.substring(0, f.length() - 4), mode, List.of("{DIR}/" + f)));
            }
        }
        for (String line : Files.readAllLines(dir.resolve("commands.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            List<String> args = new ArrayList<>();
            for (int i = 2; i < f.length; i++) args.add(decodeArg(f[i]));
            cases.add(new Case(f[0], f[1], args));
        }
        return cases;
    }

    static String decodeArg(String a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c == '\\' && i + 1 < a.length() && (a.charAt(i + 1) == 'n' || a.charAt(i + 1) == '\\')) {
                sb.append(a.charAt(i + 1) == 'n' ? '\n' : '\\');
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final Pattern FRAME_LINE = Pattern.compile("^  File \".*\", line \\d+, in .*$");
    private static final Pattern MARKER_LINE = Pattern.compile("^\\s*[~^]+\\s*$");

    /** The normalization regen applies to CPython's stderr. */
    static String normalize(String stderr, Path folder) {
        String f = folder.toString();
        String text = stderr.replace("\r\n", "\n").replace(f + "/", "{DIR}/").replace(f, "{DIR}");
        String[] lines = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (MARKER_LINE.matcher(lines[i]).matches() && i >= 2 && FRAME_LINE.matcher(lines[i - 2]).matches()) continue;
            out.add(lines[i]);
        }
        return String.join("\n", out);
    }

    @TestFactory
    Stream<DynamicTest> errorPathsMatchCPython() throws IOException {
        Path dir = errorsDir();
        Map<String, String> known = ToyRun.readKnownFailures(dir.resolve("known-failures.txt"));
        List<Case> cases = cases(dir);
        assertFalse(cases.isEmpty(), "no error cases in " + dir);
        pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "error-case-runner");
            t.setDaemon(true);
            return t;
        });
        Map<String, Future<ToyRun.Result>> runs = new LinkedHashMap<>();
        for (Case c : cases) {
            List<String> args = c.args().stream().map(a -> a.replace("{DIR}", dir.toString())).toList();
            runs.put(c.name(), pool.submit(() -> ToyRun.run(args, TIMEOUT_SECONDS, dir, List.of())));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                String problem = check(dir, c, runs.get(c.name()).get());
                String reason = known.get(c.name());
                if (reason != null) {
                    if (problem == null) {
                        System.err.println("errors: " + c.name() + " now passes; remove it from errors/known-failures.txt");
                        return;
                    }
                    Assumptions.abort("known failure (" + reason + "): " + problem);
                }
                if (problem != null) fail(c.name() + ": " + problem);
            }));
        }
        return tests.stream();
    }

    static String check(Path dir, Case c, ToyRun.Result r) {
        if (r.timedOut()) return "timed out after " + TIMEOUT_SECONDS + " s";
        String trace = ToyRun.javaTraceLine(r.stderr());
        if (trace != null) return "Java stack trace on stderr: " + trace;
        trace = ToyRun.javaTraceLine(r.out());
        if (trace != null) return "Java stack trace on stdout: " + trace;
        String wantOut = read(dir.resolve(c.name() + ".out"));
        int wantStatus = Integer.parseInt(read(dir.resolve(c.name() + ".code")).strip());
        String wantErr = read(dir.resolve(c.name() + ".stderr"));
        if (r.status() != wantStatus) {
            return "exit status " + r.status() + ", expected " + wantStatus + "; stderr ends: " + ToyRun.lastNonBlankLine(r.stderr());
        }
        if (c.mode().equals("status")) {
            if (r.status() != 0 && r.stderr().isBlank()) return "no message on stderr";
            return null;
        }
        if (!r.out().equals(wantOut)) return ToyRun.firstDifference(wantOut, r.out());
        String gotErr = normalize(r.stderr(), dir);
        if (c.mode().equals("last-line")) {
            String want = ToyRun.lastNonBlankLine(wantErr), got = ToyRun.lastNonBlankLine(gotErr);
            return want.equals(got) ? null : "stderr last line: expected \"" + want + "\" got \"" + got + "\"";
        }
        if (!gotErr.equals(wantErr)) {
            return "stderr differs: " + ToyRun.firstDifference(wantErr, gotErr).replace("stdout", "stderr")
                    + "\n--- expected stderr ---\n" + wantErr + "--- actual stderr ---\n" + gotErr;
        }
        return null;
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing expectation " + p.getFileName() + "; run conformance/regen", e);
        }
    }
}
