package toy.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C: SIGINT raises KeyboardInterrupt in the main thread while it sleeps, waits on an
 * event, or runs a loop; uncaught, it ends the process with status 130. The test waits for the
 * script to announce each stage on stdout before sending the signal (no sleeping to "let it
 * start"), and every wait has a timeout.
 */
class KeyboardInterruptTest {
    @TempDir
    Path dir;

    @Test
    void sigintInterruptsBlockingCallsAndRunningCode() throws Exception {
        Path script = dir.resolve("ki.toy");
        Files.writeString(script, String.join("\n",
                "import time, threading",
                "print('sleeping', flush=True)",
                "try:",
                "    time.sleep(60)",
                "except KeyboardInterrupt:",
                "    print('interrupted sleep', flush=True)",
                "ev = threading.Event()",
                "threading.Thread(target=time.sleep, args=(60,), daemon=True).start()",
                "print('waiting', flush=True)",
                "try:",
                "    ev.wait()",
                "except KeyboardInterrupt:",
                "    print('interrupted wait', flush=True)",
                "import queue",
                "lk = threading.Lock()",
                "lk.acquire()",
                "print('locking', flush=True)",
                "try:",
                "    lk.acquire()",
                "except KeyboardInterrupt:",
                "    print('interrupted acquire', flush=True)",
                "print('getting', flush=True)",
                "try:",
                "    queue.Queue().get()",
                "except KeyboardInterrupt:",
                "    print('interrupted get', flush=True)",
                "def forever():",
                "    while True:",
                "        time.sleep(0.05)",
                "sleeper = threading.Thread(target=forever, daemon=True)",
                "sleeper.start()",
                "print('joining', flush=True)",
                "try:",
                "    sleeper.join()",
                "except KeyboardInterrupt:",
                "    print('interrupted join', flush=True)",
                "print('spinning', flush=True)",
                "n = 0",
                "while True:",
                "    n += 1", ""), StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss16m", "-cp", System.getProperty("java.class.path"), "toy.cli.Main", script.toString()));
        Path errFile = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String[] stage : new String[][] {{"sleeping", "interrupted sleep"}, {"waiting", "interrupted wait"},
                    {"locking", "interrupted acquire"}, {"getting", "interrupted get"}, {"joining", "interrupted join"}}) {
                assertEquals(stage[0], out.readLine(), () -> stderrOf(errFile));
                signal(p);
                assertEquals(stage[1], out.readLine());
            }
            assertEquals("spinning", out.readLine());
            signal(p);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the spinning loop was not interrupted");
        } finally {
            p.destroyForcibly();
        }
        String err = Files.readString(errFile, StandardCharsets.UTF_8);
        assertEquals(130, p.exitValue(), err);
        assertTrue(err.endsWith("KeyboardInterrupt\n"), err);
        assertTrue(err.contains("n += 1"), err);
    }

    private static String stderrOf(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Sends SIGINT, repeating while the line has not moved on (the handler may not be installed yet). */
    private static void signal(Process p) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
        assertTrue(kill.waitFor(30, TimeUnit.SECONDS));
    }

    @Test
    void ctrlCWhileWaitingForThreadsAtExitListsThemAndExits() throws Exception {
        Path script = dir.resolve("exit.toy");
        Files.writeString(script, String.join("\n",
                "import threading, time",
                "def forever():",
                "    while True:",
                "        time.sleep(0.05)",
                "threading.Thread(target=forever, name='busy-worker').start()",
                "print('main done', flush=True)", ""), StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss16m", "-cp", System.getProperty("java.class.path"), "toy.cli.Main", script.toString()));
        Path errFile = dir.resolve("err2.txt");
        Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("main done", out.readLine(), () -> stderrOf(errFile));
            // the main module has ended; the interpreter now waits for the non-daemon worker
            for (int i = 0; i < 20 && !p.waitFor(1, TimeUnit.SECONDS); i++) signal(p);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "Ctrl-C did not end the wait for threads");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(130, p.exitValue(), stderrOf(errFile));
        assertTrue(stderrOf(errFile).contains("KeyboardInterrupt"), stderrOf(errFile));
    }
}
