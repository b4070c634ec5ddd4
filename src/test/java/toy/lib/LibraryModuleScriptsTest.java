package toy.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the scripts of src/test/resources/toy/lib (itertools, functools, collections,
 * operator) through the toy command in a fresh JVM and compares stdout and the exit status
 * with what CPython 3.11 printed for the same script ({@code NAME.out}, made by
 * {@code regen.sh} in that folder; never edited by hand).
 */
class LibraryModuleScriptsTest {
    private static final Path DIR = Path.of("src/test/resources/toy/lib");

    @TestFactory
    Stream<DynamicTest> scriptsPrintWhatCPythonPrints() throws IOException {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(DIR)) {
            scripts = s.filter(p -> p.toString().endsWith(".toy")).sorted().toList();
        }
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    /**
     * Whether type.__name__ shows the last part of a dotted built-in type name
     * ("collections.deque" gives "deque"); without it the modules fall back to plain names, and
     * messages then say 'deque' where CPython says 'collections.deque'.
     */
    private static boolean dottedTypeNames() {
        toy.object.ObjectMethods.init();
        return Deque.TYPE.name.equals("collections.deque");
    }

    private static void check(Path script) throws Exception {
        String base = script.getFileName().toString().replaceAll("\\.toy$", "");
        if (base.startsWith("dotted_type_names")) {
            assumeTrue(dottedTypeNames(), "type.__name__ does not strip the module of dotted built-in type names");
        }
        String expected = Files.readString(DIR.resolve(base + ".out"), StandardCharsets.UTF_8);
        Path codeFile = DIR.resolve(base + ".code");
        int expectedCode = Files.exists(codeFile) ? Integer.parseInt(Files.readString(codeFile).trim()) : 0;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xss16m", "-cp", System.getProperty("java.class.path"),
                "toy.cli.Main", script.getFileName().toString());
        pb.directory(DIR.toFile());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process proc = pb.start();
        byte[] out = proc.getInputStream().readAllBytes();
        if (!proc.waitFor(120, TimeUnit.SECONDS)) {
            proc.destroyForcibly();
            throw new AssertionError(base + ": timed out");
        }
        assertEquals(expected, new String(out, StandardCharsets.UTF_8), base + ": stdout");
        assertEquals(expectedCode, proc.exitValue(), base + ": exit status");
    }
}
