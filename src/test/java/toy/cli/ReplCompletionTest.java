package toy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Tab completion matches CPython's rlcompleter: the namespace is made by running
 * repl/completion_setup.py in a REPL session, then each line of completion.in is completed;
 * completion.expected comes from rlcompleter (gen_expected.py).
 */
class ReplCompletionTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = ReplCompletionTest.class.getResourceAsStream("/repl/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void completionsMatchRlcompleter() throws Exception {
        // the setup runs as one REPL input per statement: blank lines end the blocks
        String setup = resource("completion_setup.py") + "\n";
        String transcript = ReplSessionTest.run((in, out, err) -> Repl.runStreams(in, out, err, false),
                setup.getBytes(StandardCharsets.UTF_8), true);
        assertEquals("status 0\n--- stdout\n--- stderr\n", transcript.replace(">>> ", "").replace("... ", "").replaceAll("\n\n+", "\n"));
        List<String> expected = new ArrayList<>(), actual = new ArrayList<>();
        for (String line : resource("completion.expected").split("\n")) {
            if (line.isEmpty()) continue;
            expected.add(line);
            String text = line.substring(0, line.indexOf('\t'));
            actual.add(text + "\t" + String.join(" ", new TreeSet<>(ReplLineSources.PyCompletion.matches(text))));
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    @Test
    void wordIsTheDottedNameBeforeTheCursor() {
        ReplLineSources.PyCompletion c = new ReplLineSources.PyCompletion();
        assertEquals("os.pa", c.parse("print(os.pa", 11, null).word());
        assertEquals("x", c.parse("a + x", 5, null).word());
        assertEquals("", c.parse("f(", 2, null).word());
        assertEquals("ab", c.parse("ab cd", 2, null).word());
    }
}
