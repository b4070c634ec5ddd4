package toy.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import toy.conformance.ToyRun;

/**
 * The benchmarking switch {@code -Dtoy.gil.disabled=true} (benchmarks/gil/overhead): a
 * single-threaded script runs as usual with the GIL's machinery off, and starting a second
 * thread stops the run (status 70) instead of running the interpreter unlocked.
 */
class GilDisabledTest {
    @TempDir
    Path dir;

    private ToyRun.Result run(String script, String... jvmOptions) throws IOException {
        Path file = dir.resolve("s.toy");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        return ToyRun.run(List.of(file.toString()), 120, null, List.of(jvmOptions));
    }

    private static final String SINGLE = String.join("\n",
            "import time",
            "def f(n):",
            "    t = 0",
            "    for i in range(n):",
            "        t += i",
            "    return t",
            "time.sleep(0.01)",
            "print(f(200_000))", "");

    @Test
    void aSingleThreadedScriptRunsTheSameWithTheGilDisabled() throws IOException {
        ToyRun.Result on = run(SINGLE);
        ToyRun.Result off = run(SINGLE, "-Dtoy.gil.disabled=true");
        assertEquals(0, on.status(), on.stderr());
        assertEquals(0, off.status(), off.stderr());
        assertEquals("19999900000\n", on.out());   // python3: sum(range(200_000))
        assertEquals(on.out(), off.out());
    }

    @Test
    void aSecondThreadIsRefusedWhenTheGilIsDisabled() throws IOException {
        String script = String.join("\n",
                "import threading",
                "t = threading.Thread(target=print, args=('x',))",
                "t.start()",
                "t.join(1)",
                "print('alive' if t.is_alive() else 'ended')", "");
        ToyRun.Result off = run(script, "-Dtoy.gil.disabled=true");
        assertEquals(70, off.status(), off.stderr());
        assertTrue(off.stderr().contains("the GIL is disabled"), off.stderr());
        assertEquals("", off.out(), "the second thread must not run");
    }
}
