package toy.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * The scripts src/test/resources/toy/refs/lib_*.toy pin when library objects (the builtin and
 * itertools iterators, functools.partial and lru_cache, deque, defaultdict, Counter,
 * OrderedDict, namedtuple, super, the operator getters, a coroutine's __await__ iterator) let
 * go of what they hold: their {@code __del__} messages show the moment each object dies. Each
 * script runs through the toy command in a fresh JVM, once plainly and once with
 * {@code --debug-refs}; both runs must print exactly what CPython 3.11 printed
 * ({@code NAME.out}, made by {@code regen} in that folder, never edited by hand) and exit 0,
 * and the {@code --debug-refs} run must report neither a leaked object nor a fatal
 * reference-counting error (a use after free, a count below zero).
 */
class LibraryRefcountScriptsTest {
    private static final Path DIR = Path.of("src/test/resources/toy/refs");

    private static Stream<Path> scripts() throws IOException {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(DIR)) {
            scripts = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("lib_") && n.endsWith(".toy");
            }).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "no lib_*.toy scripts in " + DIR);
        return scripts.stream();
    }

    private static String expected(Path script) throws IOException {
        String base = script.getFileName().toString().replaceAll("\\.toy$", "");
        return Files.readString(DIR.resolve(base + ".out"), StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicTest> objectsDieWhereCPythonFreesThem() throws IOException {
        return scripts().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            ToyRun.Result r = ToyRun.run(List.of(p.toAbsolutePath().toString()), 120);
            assertEquals(expected(p), r.out(), p.getFileName() + ": stdout (stderr: " + r.stderr() + ")");
            assertEquals(0, r.status(), p.getFileName() + ": exit status (stderr: " + r.stderr() + ")");
        }));
    }

    @TestFactory
    Stream<DynamicTest> debugRefsRunPrintsTheSameWithoutLeakOrUseAfterFree() throws IOException {
        return scripts().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            ToyRun.Result r = ToyRun.run(List.of("--debug-refs", p.toAbsolutePath().toString()), 120);
            String name = p.getFileName().toString();
            assertFalse(r.stderr().contains("Fatal"), name + ": fatal reference-counting error: " + r.stderr());
            assertFalse(r.stderr().contains("leaked"), name + ": leak report: " + r.stderr());
            assertEquals(expected(p), r.out(), name + ": stdout under --debug-refs (stderr: " + r.stderr() + ")");
            assertEquals(0, r.status(), name + ": exit status under --debug-refs (stderr: " + r.stderr() + ")");
        }));
    }
}
