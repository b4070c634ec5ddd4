package toy.gil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/*
 * Notes on the JVM's own threads and the GIL's latency.
 *
 * A switch at a 1 ms interval needs the waiting thread to run the moment its timed wait
 * expires: it posts the drop request, and the holder drops at its next check. On a machine
 * with two CPUs, one runs the holder; the waiter wakes on the other. In the first second of a
 * process that other CPU is usually busy with HotSpot's JIT compiler threads, and sometimes
 * stopped by the young collections that copy what start-up left alive. Measured with the GIL's
 * trace, the waiter then woke 3-9 ms late, mostly on a 4 ms scheduler tick: Linux's scheduler
 * (EEVDF since 6.6) lets a running thread finish its time slice before a thread that wakes
 * up gets the CPU, unless the running one has the SCHED_IDLE policy, which any waking
 * ordinary thread preempts at once. Raising the compilers' nice value (lowering their
 * priority) does not do this: at nice 19 the wait p99 at a 1 ms interval stayed at 4-5.5 ms;
 * with SCHED_IDLE it fell to 3.5-4.2 ms, and to 2.2-4.0 ms with the other two measures below.
 *
 * So once a script imports threading, prepareForThreads does two things, once per process
 * (the third measure, the warm-up ticks posting an overdue waiter's request, is Gil.tick's):
 *
 * - It gives the JIT compiler threads the SCHED_IDLE policy (`chrt --idle`; no privilege is
 *   needed to lower one's own threads). They then run whenever a CPU has nothing else to do,
 *   which with the GIL is most of the time: at most one interpreter thread runs bytecode. The
 *   trade-off: while every CPU is busy (other processes, or native work outside the GIL), the
 *   compilers get almost nothing and hot code stays in the JVM's slower tiers longer. Hence
 *   only programs that import threading, only on machines with at least two CPUs, and
 *   -Dtoy.gil.idleCompilers=false turns it off. A compiler thread HotSpot adds later is
 *   started by a compiler thread and inherits the policy.
 *
 * - It runs one full collection (System.gc(), a few milliseconds). Start-up leaves a few
 *   megabytes alive in the young generation, and each young collection copies them from one
 *   survivor space to the other until they are old enough to be promoted: fifteen collections
 *   of 2.5-7 ms each in the first second of a CPU-bound pair, where later ones take 0.3 ms.
 *   The full collection promotes them at once, at import time, before any thread waits.
 *
 * Nothing here changes the lock's algorithm: the waiter posts the same request after the same
 * interval; it only gets the CPU when the algorithm says it should run.
 */

/** Scheduling of the JVM's own threads for a program that runs threads (see the notes above). */
public final class JvmScheduling {
    private JvmScheduling() {}

    private static final AtomicBoolean PREPARED = new AtomicBoolean();
    /** How HotSpot names its compiler threads (the kernel keeps the first 15 characters). */
    private static final String[] COMPILER_PREFIXES = {"C1 CompilerThre", "C2 CompilerThre"};

    /** Once per process, when a script imports threading: see the notes at the top of this file. */
    public static void prepareForThreads() {
        if (!PREPARED.compareAndSet(false, true)) return;
        if (Boolean.parseBoolean(System.getProperty("toy.gil.idleCompilers", "true"))
                && Runtime.getRuntime().availableProcessors() >= 2) {
            Thread t = new Thread(JvmScheduling::idleCompilers, "toy-idle-compilers");
            t.setDaemon(true);
            t.start();
        }
        System.gc();
    }

    /**
     * Gives the compiler threads SCHED_IDLE; quietly does nothing where that cannot be done (no
     * /proc, no chrt, a sandbox that forbids it). Returns the thread ids it changed.
     */
    static List<String> idleCompilers() {
        List<String> changed = new ArrayList<>();
        for (String tid : compilerThreadIds()) {
            try {
                Process p = new ProcessBuilder("chrt", "--idle", "--pid", "0", tid)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroy();
                else if (p.exitValue() == 0) changed.add(tid);
            } catch (IOException e) {
                break; // no chrt here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return changed;
    }

    /** The kernel thread ids of this process's JIT compiler threads (none off Linux). */
    static List<String> compilerThreadIds() {
        List<String> ids = new ArrayList<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) return ids;
        try (var dirs = Files.newDirectoryStream(tasks)) {
            for (Path task : dirs) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException e) {
                    continue; // the thread has gone
                }
                for (String prefix : COMPILER_PREFIXES) {
                    if (name.startsWith(prefix)) ids.add(task.getFileName().toString());
                }
            }
        } catch (IOException e) {
            return ids;
        }
        return ids;
    }
}
