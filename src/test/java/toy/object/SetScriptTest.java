package toy.object;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every program under src/test/resources/toy/set through Toy (a child JVM on the test
 * class path) and compares its stdout with the CPython 3.11 output stored next to it
 * (NAME.out, written by gen_expected.py there). The programs pin the iteration order of sets
 * and frozensets (setobject.c's table, resize rule and set algorithms), constant set displays,
 * the methods and operators with their error messages, and script subclasses.
 */
class SetScriptTest {
    static Stream<String> programs() throws IOException, URISyntaxException {
        try (Stream<Path> s = Files.list(dir())) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".toy")).sorted().toList();
            return names.stream();
        }
    }

    static Path dir() throws URISyntaxException {
        return Path.of(SetScriptTest.class.getResource("/toy/set").toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void matchesCPython(String name) throws Exception {
        Path d = dir();
        String expected = Files.readString(d.resolve(name.replace(".toy", ".out")), StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xss16m", "-cp", System.getProperty("java.class.path"),
                "toy.cli.Main", name);
        pb.directory(d.toFile());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        File out = File.createTempFile("settest", ".out");
        out.deleteOnExit();
        pb.redirectOutput(out);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + " timed out");
        }
        String actual = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        assertEquals(expected, actual, name);
        assertEquals(0, p.exitValue(), name + " exit status");
    }
}
