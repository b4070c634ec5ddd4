package toy.vm;

import toy.object.PyObject;
import toy.object.RefState;

/**
 * A Python function's bytecode compiled to a JVM class by {@link Jit}: the generated class
 * extends this one and implements {@link #run}.
 */
public abstract class JitCode {
    /** The value-stack depth before each instruction (-1 where no path reaches it). */
    final int[] depth;
    /**
     * For each instruction, the stack slots (bit i for stack[i]) holding borrowed references
     * while it runs: counted when an exception hands the frame to the eval loop.
     */
    final long[] borrowed;

    protected JitCode(int[] depth, long[] borrowed) {
        this.depth = depth;
        this.borrowed = borrowed;
    }

    /**
     * Runs frame f from f.pc (0 for a call, a loop header when the interpreter hands over a
     * running loop) until it returns; the same contract as the eval loop: the result is a
     * counted reference, and the zero-count table above zbase is the frame's to drain.
     */
    public abstract PyObject run(Frame f, ThreadState ts, RefState rs, int zbase);
}
