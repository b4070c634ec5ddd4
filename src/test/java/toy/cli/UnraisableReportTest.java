package toy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import toy.conformance.ToyRun;

/**
 * What an exception that nobody can catch looks like: one raised by {@code __del__} (or a gc
 * callback) is reported as CPython's default {@code sys.unraisablehook} reports it, "Exception
 * ignored in:", then the exception and its own traceback, and never the exceptions it is
 * chained to (the one being handled when the finalizer ran, an explicit cause). The expected
 * text is CPython 3.11's output for the same script; the script's path and object addresses
 * are normalised, since both vary between runs (which is also why this is not a case of the
 * conformance corpus, whose expected stderr must be byte for byte reproducible).
 */
class UnraisableReportTest {

    @Test
    void aFailingFinalizerIsReportedWithoutTheExceptionsItIsChainedTo(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("unraisable.py");
        Files.writeString(script, String.join("\n",
                "import sys",
                "class E:",
                "    def __del__(self):",
                "        raise ValueError('from del')",
                "class C:",
                "    def __del__(self):",
                "        try:",
                "            1 / 0",
                "        except ZeroDivisionError:",
                "            raise ValueError('caused') from KeyError('cause')",
                "try:",
                "    raise KeyError('k')",
                "except KeyError:",
                "    E()",
                "    print('handling', sys.exc_info()[0].__name__)",
                "C()",
                "print('done')",
                ""));
        ToyRun.Result r = ToyRun.run(List.of(script.toString()), 120);
        assertEquals("handling KeyError\ndone\n", r.out());
        String stderr = r.stderr().replace(script.toString(), "SCRIPT").replaceAll("0x[0-9a-f]+", "0xADDR");
        assertEquals(String.join("\n",
                "Exception ignored in: <function E.__del__ at 0xADDR>",
                "Traceback (most recent call last):",
                "  File \"SCRIPT\", line 4, in __del__",
                "    raise ValueError('from del')",
                "ValueError: from del",
                "Exception ignored in: <function C.__del__ at 0xADDR>",
                "Traceback (most recent call last):",
                "  File \"SCRIPT\", line 10, in __del__",
                "    raise ValueError('caused') from KeyError('cause')",
                "ValueError: caused",
                ""), stderr);
        assertEquals(0, r.status());
    }
}
