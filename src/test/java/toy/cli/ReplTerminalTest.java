package toy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL on a terminal, through JLine on a virtual terminal: keys typed go in, results come
 * out on sys.stdout. Covers line editing keys, completion, history (and its file), Ctrl-C at
 * the prompt and while code runs, Ctrl-D, and pasted blocks.
 */
class ReplTerminalTest {
    @TempDir
    Path tmp;

    /** A REPL session on a virtual terminal; keys are typed from the test thread. */
    final class Session implements AutoCloseable {
        final PipedOutputStream keys = new PipedOutputStream();
        final SyncBuffer screen = new SyncBuffer();
        final SyncBuffer out = new SyncBuffer(), err = new SyncBuffer();
        final Path history = tmp.resolve("history");
        final Thread thread;
        volatile int status = -1;
        volatile Throwable failure;

        Session() throws IOException {
            PipedInputStream in = new PipedInputStream(keys, 1 << 16);
            // JLine's own line discipline, not a pty: nothing depends on the machine
            Terminal t = new ExternalTerminal("test", "xterm", in, screen, StandardCharsets.UTF_8);
            t.setSize(new Size(100, 30));
            thread = new Thread(null, () -> {
                try {
                    status = Repl.runOnTerminal(t, history, out, err);
                } catch (Throwable e) {
                    failure = e;
                }
            }, "MainThread", Main.STACK_SIZE);
            thread.start();
        }

        void type(String s) throws IOException {
            keys.write(s.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        }

        /** How many prompts the terminal has shown. */
        int prompts() {
            String t = screen.text();
            return count(t, ">>> ") + count(t, "... ");
        }

        /** Types a line (and Enter), then waits for the next prompt, as a person would. */
        void enter(String line) throws IOException, InterruptedException {
            int before = prompts();
            type(line + "\r");
            await(() -> prompts() > before, "a prompt after " + line);
        }

        void awaitPrompt(int n) throws InterruptedException {
            await(() -> prompts() >= n, n + " prompts");
        }

        /** Waits until stdout (or stderr) contains text. */
        void awaitOut(String text) throws InterruptedException {
            await(() -> out.text().contains(text), "stdout to contain " + text);
        }

        void awaitErr(String text) throws InterruptedException {
            await(() -> err.text().contains(text), "stderr to contain " + text);
        }

        int finish() throws InterruptedException {
            thread.join(30_000);
            if (thread.isAlive()) throw new AssertionError("the REPL did not end; stdout: " + out.text() + " stderr: " + err.text());
            if (failure != null) throw new AssertionError(failure);
            return status;
        }

        @Override
        public void close() throws IOException {
            keys.close();
        }
    }

    static final class SyncBuffer extends OutputStream {
        private final ByteArrayOutputStream b = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int c) {
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] a, int off, int len) {
            b.write(a, off, len);
        }

        synchronized String text() {
            return b.toString(StandardCharsets.UTF_8);
        }
    }

    static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) n++;
        return n;
    }

    interface Condition {
        boolean holds();
    }

    static void await(Condition c, String what) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!c.holds()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void evaluatesLinesAndExitsOnCtrlD() throws Exception {
        try (Session s = new Session()) {
            s.awaitPrompt(1);
            s.enter("1 + 1");
            s.enter("if True:");
            s.enter("    'block'");
            s.enter("");
            s.type("\u0004");
            assertEquals(0, s.finish());
            assertEquals("2\n'block'\n", s.out.text());
            assertTrue(s.err.text().startsWith(Repl.BANNER + "\n"), s.err.text());
        }
    }

    @Test
    void exitStatusFromExit() throws Exception {
        try (Session s = new Session()) {
            s.awaitPrompt(1);
            s.type("exit(3)\r");
            assertEquals(3, s.finish());
        }
    }

    @Test
    void editingKeys() throws Exception {
        try (Session s = new Session()) {
            s.awaitPrompt(1);
            // backspace deletes, Ctrl-A: start of line, Ctrl-E: end
            s.enter("2 * 3x\u007f\u0001(\u0005)");
            // Ctrl-B / Ctrl-F: one character back / forward
            s.enter("10 + 5\u00022\u00060");
            s.type("\u0004");
            assertEquals(0, s.finish());
            assertEquals("6\n260\n", s.out.text());
        }
    }

    @Test
    void tabCompletesNamesAndIndentsAtLineStart() throws Exception {
        try (Session s = new Session()) {
            s.awaitPrompt(1);
            s.enter("my_variable = 41");
            s.enter("my_v\t + 1");
            s.enter("pri\t'done')");
            s.enter("if 1:");
            s.enter("\t'indented'");
            s.enter("");
            s.type("\u0004");
            assertEquals(0, s.finish());
            assertEquals("42\ndone\n'indented'\n", s.out.text());
        }
    }

    @Test
    void historyRecallAndFile() throws Exception {
        try (Session s = new Session()) {
            s.awaitPrompt(1);
            s.enter("40 + 2");
            s.enter("if 1:");
            s.enter("    7");
            s.enter("");
            // Ctrl-P goes back in history, line by line
            s.enter("\u0010\u0010\u0010");
            s.type("\u0004");
            assertEquals(0, s.finish());
            assertEquals("42\n7\n42\n", s.out.text());
            assertEquals(List.of("40 + 2", "if 1:", "    7", "40 + 2"), Files.readAllLines(s.history));
        }
    }

    @Test
    void ctrlCAtThePromptDiscardsTheInput() throws Exception {
        try (Session s = new Session()) {
            s.awaitPrompt(1);
            s.enter("if 1:");
            s.type("    'lost'");
            // JLine must have taken the typed characters before the Ctrl-C arrives
            await(() -> s.screen.text().contains("'lost'"), "the typed text echoed");
            int prompts = s.prompts();
            s.type("\u0003");
            s.awaitErr("KeyboardInterrupt\n");
            s.awaitPrompt(prompts + 1);
            s.enter("'kept'");
            s.type("\u0004");
            assertEquals(0, s.finish());
            assertEquals("'kept'\n", s.out.text());
        }
    }

    @Test
    void ctrlCInterruptsRunningCode() throws Exception {
        try (Session s = new Session()) {
            s.awaitPrompt(1);
            s.enter("def spin():");
            s.enter("    while True: pass");
            s.enter("");
            int prompts = s.prompts();
            s.type("spin()\r");
            // Ctrl-C until the loop is interrupted (one typed before it started is only
            // reported at the next prompt)
            await(() -> {
                try {
                    s.type("\u0003");
                    Thread.sleep(100);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return s.err.text().contains("Traceback");
            }, "KeyboardInterrupt in spin()");
            s.awaitPrompt(prompts + 1);
            Thread.sleep(100);
            s.enter("'after'");
            s.type("\u0004");
            assertEquals(0, s.finish());
            assertEquals("'after'\n", s.out.text());
            assertTrue(s.err.text().contains("Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n"
                    + "  File \"<stdin>\", line 2, in spin\nKeyboardInterrupt\n"), s.err.text());
        }
    }

    @Test
    void ctrlDInABlockRunsIt() throws Exception {
        try (Session s = new Session()) {
            s.awaitPrompt(1);
            s.enter("for i in range(2):");
            s.enter("    i");
            s.type("\u0004");
            s.awaitOut("1\n");
            s.awaitPrompt(4);
            s.type("\u0004");
            assertEquals(0, s.finish());
            assertEquals("0\n1\n", s.out.text());
        }
    }

    @Test
    void pastedBlockRunsLineByLine() throws Exception {
        try (Session s = new Session()) {
            s.awaitPrompt(1);
            s.type("\u001b[200~for i in range(2):\n    i * 10\n\n'next'\u001b[201~\r");
            s.awaitOut("'next'\n");
            s.type("\u0004");
            assertEquals(0, s.finish());
            assertEquals("0\n10\n'next'\n", s.out.text());
        }
    }
}
