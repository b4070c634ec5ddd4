package toy.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the Toy command ({@code toy.cli.Main}) in a child JVM, as a user would run {@code ./toy}:
 * own working directory (a fresh temp dir), empty stdin, stdout and stderr captured, and a
 * time limit after which the process and its descendants are killed. Shared by the
 * conformance, command-line and fuzz tests.
 */
public final class ToyRun {
    private ToyRun() {}

    /** The outcome of one run. {@code status} is -1 when the run timed out. */
    public record Result(int status, byte[] stdout, String stderr, boolean timedOut, long millis) {
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** Runs {@code toy ARGS} in a fresh temp dir with empty stdin. */
    public static Result run(List<String> args, int timeoutSeconds) {
        return run(args, timeoutSeconds, null, List.of());
    }

    /**
     * Runs {@code toy ARGS} with extra JVM options; {@code workDir} null means a fresh temp dir
     * that is deleted afterwards.
     */
    public static Result run(List<String> args, int timeoutSeconds, Path workDir, List<String> jvmOptions) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("toy-run");
            Path cwd = workDir != null ? workDir : tmp;
            Path out = tmp.resolve(".stdout"), err = tmp.resolve(".stderr"), in = tmp.resolve(".stdin");
            Files.write(in, new byte[0]);
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xss16m");
            cmd.add("-XX:+UseSerialGC");
            cmd.add("-XX:TieredStopAtLevel=1");
            cmd.add("-Xshare:auto");
            cmd.addAll(jvmOptions);
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("toy.cli.Main");
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
                    .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            long start = System.nanoTime();
            Process p = pb.start();
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            byte[] stdout = Files.readAllBytes(out);
            String stderr = new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
            return new Result(done ? p.exitValue() : -1, stdout, stderr, !done, ms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (tmp != null) deleteTree(tmp);
        }
    }

    public static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: temp files
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** The conformance corpus folder: from the test classpath, falling back to the source tree. */
    public static Path corpusDir() {
        URL u = ToyRun.class.getClassLoader().getResource("toy/conformance/regen");
        if (u != null && u.getProtocol().equals("file")) {
            try {
                return Path.of(u.toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        Path p = Path.of("src/test/resources/toy/conformance");
        if (Files.isDirectory(p)) return p.toAbsolutePath();
        throw new IllegalStateException("conformance corpus not found");
    }

    /** Reads a known-failures.txt: "NAME  reason" per line, '#' starts a comment line. */
    public static Map<String, String> readKnownFailures(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        if (!Files.exists(file)) return m;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] parts = l.split("\\s+", 2);
            m.put(parts[0], parts.length > 1 ? parts[1] : "no reason given");
        }
        return m;
    }

    /** The last line of {@code text} that is not blank ("" when there is none). */
    public static String lastNonBlankLine(String text) {
        String last = "";
        for (String l : text.split("\r?\n", -1)) {
            if (!l.isBlank()) last = l;
        }
        return last;
    }

    private static final Pattern JAVA_TRACE = Pattern.compile(
            "(?m)^.*(?:^\\s+at [\\w$.]+\\(.*\\)|Exception in thread \"|\\bjava\\.lang\\.|\\bat toy\\.|\\bjava\\.\\w+\\.\\w+Exception|StackOverflowError).*$");

    /** The first line that looks like part of a Java stack trace or Java exception, or null. */
    public static String javaTraceLine(String stderr) {
        Matcher m = JAVA_TRACE.matcher(stderr);
        return m.find() ? m.group().strip() : null;
    }

    /** Describes the first line where {@code got} differs from {@code want}. */
    public static String firstDifference(String want, String got) {
        String[] w = want.split("\n", -1), g = got.split("\n", -1);
        int n = Math.max(w.length, g.length);
        for (int i = 0; i < n; i++) {
            if (i >= w.length) return "stdout line " + (i + 1) + ": unexpected extra output \"" + clip(g[i]) + "\"";
            if (i >= g.length) return "stdout line " + (i + 1) + ": missing \"" + clip(w[i]) + "\"";
            if (!w[i].equals(g[i])) {
                return "stdout line " + (i + 1) + ": expected \"" + clip(w[i]) + "\" got \"" + clip(g[i]) + "\"";
            }
        }
        return "stdout differs";
    }

    private static String clip(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
