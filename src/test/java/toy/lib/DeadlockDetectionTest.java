package toy.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import toy.conformance.ToyRun;

/** The deadlock detector: real deadlocks are reported with exit status 1; slow threads are not. */
class DeadlockDetectionTest {
    @TempDir
    Path dir;

    private ToyRun.Result run(String... lines) throws IOException {
        Path file = dir.resolve("d.toy");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return ToyRun.run(List.of(file.toString()), 60);
    }

    private static void assertDeadlock(ToyRun.Result r) {
        assertEquals(1, r.status(), r.stderr());
        assertTrue(r.stderr().startsWith("deadlock: all threads are blocked\n"), r.stderr());
        assertFalse(r.stderr().contains("at toy."), r.stderr());
    }

    @Test
    void lockOrderInversionIsReportedWithEachThreadsPlace() throws IOException {
        ToyRun.Result r = run(
                "import threading",
                "a = threading.Lock()",
                "b = threading.Lock()",
                "ready = threading.Barrier(2)",
                "def one():",
                "    with a:",
                "        ready.wait()",
                "        with b:",
                "            pass",
                "def two():",
                "    with b:",
                "        ready.wait()",
                "        with a:",
                "            pass",
                "t1 = threading.Thread(target=one, name='one')",
                "t2 = threading.Thread(target=two, name='two')",
                "t1.start(); t2.start()",
                "t1.join(); t2.join()",
                "print('never')");
        assertDeadlock(r);
        assertEquals("", r.out());
        assertTrue(r.stderr().contains("thread 'one'") && r.stderr().contains("thread 'two'"), r.stderr());
        assertTrue(r.stderr().contains("join of thread 'one'"), r.stderr());
        assertTrue(r.stderr().contains("in one") && r.stderr().contains("with b:"), r.stderr());
    }

    @Test
    void queueWithNoProducerIsReported() throws IOException {
        assertDeadlock(run("import queue", "q = queue.Queue()", "print('waiting')", "q.get()"));
    }

    @Test
    void missingTaskDoneIsReported() throws IOException {
        ToyRun.Result r = run(
                "import queue, threading",
                "q = queue.Queue()",
                "def worker():",
                "    q.get()",
                "q.put(1)",
                "threading.Thread(target=worker, daemon=True).start()",
                "q.join()");
        assertDeadlock(r);
    }

    @Test
    void joinCycleIsReported() throws IOException {
        ToyRun.Result r = run(
                "import threading",
                "started = threading.Event()",
                "def wait_for_main():",
                "    started.wait()",
                "    main.join()",
                "main = threading.main_thread()",
                "t = threading.Thread(target=wait_for_main)",
                "t.start()",
                "started.set()",
                "t.join()");
        // main waits for t, t waits for main: nobody can finish
        assertDeadlock(r);
    }

    @Test
    void slowThreadsAreNotADeadlock() throws IOException {
        ToyRun.Result r = run(
                "import threading, time",
                "lock = threading.Lock()",
                "def slow():",
                "    with lock:",
                "        time.sleep(1.2)",
                "t = threading.Thread(target=slow)",
                "t.start()",
                "time.sleep(0.05)",
                "with lock:",
                "    print('got the lock')",
                "t.join()",
                "print('done')");
        assertEquals(0, r.status(), r.stderr());
        assertEquals("got the lock\ndone\n", r.out());
    }
}
