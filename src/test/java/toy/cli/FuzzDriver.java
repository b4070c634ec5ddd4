package toy.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import toy.lib.StdStreams;
import toy.vm.ThreadState;

/**
 * Runs many scripts through the toy command's logic ({@link Main#run}) in one JVM, for the
 * pipeline fuzz test: starting a JVM per input would allow only a few hundred inputs a minute.
 *
 * <pre>java toy.cli.FuzzDriver LIST_FILE RESULTS_FILE TIMEOUT_MS FIRST_INDEX</pre>
 *
 * LIST_FILE holds one script path per line. For each input from FIRST_INDEX on, the driver
 * writes a marker line {@code @@FUZZ i} to stderr (so that the reader can split stderr per
 * input), runs the script on a thread with the interpreter's stack size, and appends
 * {@code i STATUS MILLIS} to RESULTS_FILE. When an input is still running after TIMEOUT_MS it
 * appends {@code i TIMEOUT} and halts the JVM; the caller restarts the driver after that input.
 * A Java throwable escaping {@code Main.run} is recorded as {@code i THROW description}.
 * Inputs share one interpreter runtime, as the runs of a REPL session would; the recursion
 * limit, which a script may change, is reset to CPython's default before each input.
 */
public final class FuzzDriver {
    private FuzzDriver() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        List<String> files = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        long timeoutMs = Long.parseLong(args[2]);
        int first = Integer.parseInt(args[3]);
        try (PrintStream results = new PrintStream(new FileOutputStream(args[1], true), true, StandardCharsets.UTF_8)) {
            for (int i = first; i < files.size(); i++) {
                StdStreams.flushAll();
                System.err.print("\n@@FUZZ " + i + "\n");
                System.err.flush();
                String file = files.get(i);
                ThreadState.recursionLimit = 1000;
                int[] status = {-1};
                Throwable[] thrown = {null};
                Thread t = new Thread(null, () -> {
                    try {
                        status[0] = Main.run(new String[] {file});
                    } catch (Throwable e) {
                        thrown[0] = e;
                    }
                }, "MainThread", Main.STACK_SIZE);
                t.setDaemon(true);
                long start = System.nanoTime();
                t.start();
                t.join(timeoutMs);
                if (t.isAlive()) {
                    results.println(i + " TIMEOUT");
                    results.flush();
                    Runtime.getRuntime().halt(0);
                }
                StdStreams.flushAll();
                System.out.flush();
                System.err.flush();
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (thrown[0] != null) {
                    results.println(i + " THROW " + String.valueOf(thrown[0]).replace('\n', ' '));
                } else {
                    results.println(i + " " + status[0] + " " + ms);
                }
            }
        }
        StdStreams.flushAll();
        System.err.flush();
        Runtime.getRuntime().halt(0);
    }
}
