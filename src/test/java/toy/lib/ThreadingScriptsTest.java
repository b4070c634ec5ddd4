package toy.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import toy.conformance.ToyRun;

/**
 * Runs the scripts of src/test/resources/toy/lib/threading (threading locks, Condition, Event,
 * Barrier, Timer, local, excepthook, and the queue module)
 * through the toy command in a fresh JVM and a fresh temporary working directory, and compares
 * stdout with what CPython 3.11 printed for the same script ({@code NAME.out}, made by
 * {@code regen.sh} in that folder; never edited by hand). The scripts print nothing that depends
 * on thread scheduling: every wait has a timeout and threads synchronise with events.
 */
class ThreadingScriptsTest {
    private static final Path DIR = Path.of("src/test/resources/toy/lib/threading");

    @TestFactory
    Stream<DynamicTest> scriptsPrintWhatCPythonPrints() throws IOException {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(DIR)) {
            scripts = s.filter(p -> p.toString().endsWith(".toy")).sorted().toList();
        }
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path script) throws IOException {
        String base = script.getFileName().toString().replaceAll("\\.toy$", "");
        String expected = Files.readString(DIR.resolve(base + ".out"), StandardCharsets.UTF_8);
        ToyRun.Result r = ToyRun.run(List.of(script.toAbsolutePath().toString()), 120);
        assertEquals(expected, r.out(), base + ": stdout (stderr: " + r.stderr() + ")");
        assertEquals(0, r.status(), base + ": exit status (stderr: " + r.stderr() + ")");
    }
}
