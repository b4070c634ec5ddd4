package toy.lib;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard streams as Python text files (created once). They are immortal:
 * these fields hold them without counting, and a script rebinding sys.stdout must not close
 * them.
 */
public final class StdStreams {
    private StdStreams() {}

    private static PyTextFile stdout, stderr, stdin;

    public static synchronized PyTextFile stdout() {
        if (stdout == null) {
            boolean tty = System.console() != null;
            stdout = toy.object.Refs.immortal(new PyTextFile("<stdout>", "w", new BufferedWriter(new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16), null, tty));
        }
        return stdout;
    }

    public static synchronized PyTextFile stderr() {
        if (stderr == null) {
            stderr = toy.object.Refs.immortal(new PyTextFile("<stderr>", "w", new BufferedWriter(new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8)), null, true));
        }
        return stderr;
    }

    public static synchronized PyTextFile stdin() {
        if (stdin == null) {
            stdin = toy.object.Refs.immortal(new PyTextFile("<stdin>", "r", null, new BufferedReader(new InputStreamReader(
                    new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8)), false));
        }
        return stdin;
    }

    /** Flushes stdout and stderr (at exit and before error reports). */
    public static void flushAll() {
        try {
            if (stdout != null) stdout.flush();
        } catch (RuntimeException ignored) {
            // a closed or broken stdout must not hide the real exit status
        }
        try {
            if (stderr != null) stderr.flush();
        } catch (RuntimeException ignored) {
            // as above
        }
    }
}
