package toy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Whole REPL sessions compared with CPython's: each {@code repl/session/NAME.in} is fed to the
 * REPL through its streams and the exit status, stdout and stderr (banner dropped) must equal
 * {@code NAME.expected}, made by gen_expected.py from {@code python3 -i} with the same piped
 * input. {@code repl/script/NAME.in} is standard input run as a script ({@code python3 < NAME.in}).
 */
class ReplSessionTest {
    interface Runner {
        int run(InputStream in, OutputStream out, OutputStream err);
    }

    @TestFactory
    Stream<DynamicTest> sessions() throws Exception {
        return cases("session", (in, out, err) -> Repl.runStreams(in, out, err, false), true);
    }

    @TestFactory
    Stream<DynamicTest> stdinScripts() throws Exception {
        return cases("script", (in, out, err) -> Repl.runStdinScript(in, out, err, false), false);
    }

    private static Stream<DynamicTest> cases(String folder, Runner runner, boolean banner) throws IOException, URISyntaxException {
        Path dir = Path.of(ReplSessionTest.class.getResource("/repl/" + folder).toURI());
        List<Path> inputs;
        try (Stream<Path> s = Files.list(dir)) {
            inputs = s.filter(p -> p.toString().endsWith(".in")).sorted().toList();
        }
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String name = p.getFileName().toString().replaceAll("\\.in$", "");
            String expected = Files.readString(dir.resolve(name + ".expected"), StandardCharsets.UTF_8);
            String actual = run(runner, Files.readAllBytes(p), banner);
            assertEquals(expected, actual, folder + "/" + name);
        }));
    }

    /** Runs on a thread with the interpreter's stack size; returns the .expected text. */
    static String run(Runner runner, byte[] input, boolean banner) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int[] status = new int[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                status[0] = runner.run(new ByteArrayInputStream(input), out, err);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "MainThread", Main.STACK_SIZE);
        t.start();
        t.join(60_000);
        if (t.isAlive()) throw new AssertionError("the REPL did not finish");
        if (failure[0] != null) throw new AssertionError(failure[0]);
        String e = err.toString(StandardCharsets.UTF_8);
        if (banner) {
            assertEquals(Repl.BANNER, e.substring(0, e.indexOf('\n')), "banner");
            e = e.substring(e.indexOf('\n') + 1);
        }
        return "status " + status[0] + "\n--- stdout\n" + out.toString(StandardCharsets.UTF_8) + "--- stderr\n" + e;
    }
}
