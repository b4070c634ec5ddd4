package toy.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JvmSchedulingTest {

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }

    /** The scheduling policy of one of this process's threads (field 41 of its stat), or -1 once it has gone. */
    private static int policy(String tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(f[41 - 3]);
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void theJitCompilerThreadsAreFoundAndGivenTheIdlePolicy() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        List<String> tids = JvmScheduling.compilerThreadIds();
        assertFalse(tids.isEmpty(), "HotSpot's C1/C2 compiler threads were not found");
        assumeTrue(onPath("chrt"), "needs chrt");
        List<String> changed = JvmScheduling.idleCompilers();
        try {
            assertFalse(changed.isEmpty(), "no compiler thread was given SCHED_IDLE");
            final int schedIdle = 5;
            for (String tid : changed) {
                int p = policy(tid);
                if (p != -1) assertEquals(schedIdle, p, "thread " + tid);
            }
        } finally {
            // the rest of the test run compiles at the usual priority
            for (String tid : changed) {
                new ProcessBuilder("chrt", "--other", "--pid", "0", tid).start().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
