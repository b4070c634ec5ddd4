package toy.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JIT compiler threads get SCHED_IDLE. The policy is given in a child JVM ({@link Probe}):
 * a process may lower its threads' priority but, without privilege, not raise it again, and
 * the test JVM should go on compiling at the usual priority.
 */
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
    static int policy(String tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(f[41 - 3]);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Run in the child JVM: gives the compiler threads SCHED_IDLE and prints "changed idle" counts. */
    public static final class Probe {
        public static void main(String[] args) {
            List<String> changed = JvmScheduling.idleCompilers();
            final int schedIdle = 5;
            int idle = 0, gone = 0;
            for (String tid : changed) {
                int p = policy(tid);
                if (p == schedIdle) idle++;
                else if (p == -1) gone++;
            }
            System.out.println(changed.size() + " " + idle + " " + gone);
        }
    }

    @Test
    void theJitCompilerThreadsAreFoundAndGivenTheIdlePolicy() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        assertFalse(JvmScheduling.compilerThreadIds().isEmpty(), "HotSpot's C1/C2 compiler threads were not found");
        assumeTrue(onPath("chrt"), "needs chrt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.exitValue(), out);
        String[] counts = out.split(" ");
        int changed = Integer.parseInt(counts[0]), idle = Integer.parseInt(counts[1]), gone = Integer.parseInt(counts[2]);
        assertTrue(changed > 0, "no compiler thread was given SCHED_IDLE: " + out);
        assertEquals(changed, idle + gone, "a changed thread is not SCHED_IDLE: " + out);
    }
}
