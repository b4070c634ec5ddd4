package toy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import toy.conformance.ToyRun;

/**
 * The toy command's own contract (DESIGN.md "Command line contract"), for what CPython cannot
 * judge: the wording of usage errors, --version, --help, --dis. Exit status 2 for a bad
 * command line, never a Java stack trace.
 */
class CommandLineTest {
    static ToyRun.Result toy(String... args) {
        ToyRun.Result r = ToyRun.run(List.of(args), 60);
        assertFalse(r.timedOut(), "timed out");
        assertNull(ToyRun.javaTraceLine(r.stderr()), "Java stack trace on stderr:\n" + r.stderr());
        assertNull(ToyRun.javaTraceLine(r.out()), "Java stack trace on stdout:\n" + r.out());
        return r;
    }

    @Test
    void missingScriptFileExitsWithTwoAndNamesTheFile() {
        ToyRun.Result r = toy("no_such_script_here.toy");
        assertEquals(2, r.status());
        assertTrue(r.stderr().contains("can't open file") && r.stderr().contains("no_such_script_here.toy")
                && r.stderr().contains("[Errno 2] No such file or directory"), r.stderr());
        assertEquals("", r.out());
    }

    @Test
    void scriptThatIsADirectoryExitsWithTwo(@TempDir Path dir) {
        ToyRun.Result r = toy(dir.toString());
        assertEquals(2, r.status(), r.stderr());
        assertTrue(r.stderr().contains("can't open file"), r.stderr());
    }

    @Test
    void unknownOptionExitsWithTwoAndNamesTheOption() {
        ToyRun.Result r = toy("--no-such-option");
        assertEquals(2, r.status());
        assertTrue(r.stderr().contains("--no-such-option"), r.stderr());
        assertEquals("", r.out());
    }

    @Test
    void dashCWithoutCodeExitsWithTwo() {
        ToyRun.Result r = toy("-c");
        assertEquals(2, r.status());
        assertFalse(r.stderr().isBlank());
    }

    @Test
    void versionPrintsOneLineAndExitsWithZero() {
        ToyRun.Result r = toy("--version");
        assertEquals(0, r.status(), r.stderr());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().contains("Toy"), r.out());
    }

    @Test
    void helpListsTheOptionsAndExitsWithZero() {
        ToyRun.Result r = toy("--help");
        assertEquals(0, r.status(), r.stderr());
        for (String opt : new String[] {"-c", "--dis", "--version", "--debug"}) {
            assertTrue(r.out().contains(opt), "help does not mention " + opt + ":\n" + r.out());
        }
    }

    @Test
    void optionsAfterTheScriptBelongToTheScript(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("args.toy");
        Files.writeString(script, "import sys\nprint(sys.argv[1:])\n");
        ToyRun.Result r = toy(script.toString(), "--version", "-c", "x");
        assertEquals(0, r.status(), r.stderr());
        assertEquals("['--version', '-c', 'x']\n", r.out());
    }

    @Test
    void disPrintsBytecodeWithoutRunningTheScript(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("dis.toy");
        Files.writeString(script, "print('ran')\n");
        ToyRun.Result r = toy("--dis", script.toString());
        assertEquals(0, r.status(), r.stderr());
        assertFalse(r.out().contains("ran\n"), r.out());
        assertFalse(r.out().isBlank());
    }

    @Test
    void syntaxErrorRunsNothing(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("bad.toy");
        Files.writeString(script, "print('must not run')\nx = (\n");
        ToyRun.Result r = toy(script.toString());
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertTrue(r.stderr().endsWith("SyntaxError: '(' was never closed\n"), r.stderr());
    }

    @Test
    void emptyScriptSucceedsSilently(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("empty.toy");
        Files.writeString(script, "");
        ToyRun.Result r = toy(script.toString());
        assertEquals(0, r.status(), r.stderr());
        assertEquals("", r.out());
        assertEquals("", r.stderr());
    }
}
