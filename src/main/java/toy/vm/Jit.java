package toy.vm;

import static toy.compile.Opcode.*;

import java.lang.invoke.MethodHandles;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import toy.compile.Code;
import toy.compile.StackDepth;

/**
 * The JIT: compiles a hot Python function's bytecode to a JVM class, so that HotSpot compiles
 * each Python function as its own small method instead of running it through the eval loop's
 * dispatch.
 *
 * <h2>The design</h2>
 *
 * <p>A compiled function is the eval loop unrolled: for each instruction it calls the static
 * method of {@link JitOps} that does that instruction's work, with the instruction's argument
 * and its value-stack depth as constants, and it branches with JVM jumps. There is no
 * fetch, no decode, no dispatch and no stack-pointer variable left, and HotSpot inlines the
 * small instruction bodies into the method and optimises across them. A long function's
 * straight-line stretches go into methods of their own (regions: see {@link JitEmitter}), so
 * that each gets HotSpot's whole inlining budget.
 *
 * <p>All of the frame's state stays where the eval loop keeps it: locals, cells and the value
 * stack in the frame's arrays, with the same reference counting. That is what makes the two
 * interchangeable at any instruction boundary, the invariant everything here rests on: at the
 * start of every instruction, the frame's arrays hold exactly what they would hold in the
 * eval loop, and the depth of the stack is the constant the compiler computed. So:
 * <ul>
 *   <li><b>Exceptions leave compiled code.</b> The compiled method catches a {@code
 *       PyException} once, around everything, and hands the frame to the eval loop
 *       ({@link JitOps#deopt}), which raises the exception at the instruction that failed:
 *       traceback entries, handler search and the handler itself are the loop's, unchanged.
 *       A local variable holds the index of the running instruction for this.</li>
 *   <li><b>The loop hands hot loops over.</b> A backward jump in the eval loop counts towards
 *       the code's hotness; once the code is compiled, the loop stores pc and stack depth in the
 *       frame and calls the compiled code, which enters at that loop header (on-stack
 *       replacement). The compiled method starts with a switch over its entry points: the
 *       start and every loop header.</li>
 *   <li><b>And takes them back.</b> When the loop runs a compiled frame (after an exception,
 *       or for an instruction left to it: bare {@code raise}, {@code RERAISE}, {@code
 *       LOAD_NAME}...) and reaches a backward jump, it returns {@link JitOps#RESUME} instead of
 *       calling the compiled code again, and the compiled method re-enters its own switch. So
 *       a loop that raises and catches an exception on every iteration does not grow the Java
 *       stack.</li>
 * </ul>
 *
 * <p>Everything else is as in the eval loop: the zero-count table is drained after every
 * instruction that can drop a reference (objects die at the same instruction), the eval
 * breaker is checked at backward jumps and at calls (the GIL changes hands at the same
 * points), and calls go through {@link Calls#call}, which runs a compiled callee's
 * {@link JitCode} directly.
 *
 * <h2>What is compiled, and when</h2>
 *
 * <p>Function bodies, comprehensions and generators (code with its own locals; not coroutines),
 * once they have been called, resumed or have looped {@link #THRESHOLD} times. A generator's
 * compiled code returns at a yield, and the instruction after each yield is an entry point of
 * the switch, where the next resumption comes in. Module and
 * class bodies run once and stay in the eval loop; so does everything in chaos mode
 * (--switch-every-instruction checks the breaker at every instruction, which only the loop
 * does). Code the JVM cannot take (a method over 64 KiB) is left to the loop for good.
 * {@code -Dtoy.jit=false} turns the JIT off; {@code -Dtoy.jit.threshold=N} sets the threshold
 * (0 compiles every function on its first call, which the tests use to run the whole
 * conformance corpus through compiled code); {@code -Dtoy.jit.trace=true} reports each
 * compilation on stderr.
 *
 * <p>Trade-offs: every compiled function is a class (about a millisecond to generate and load,
 * and some metaspace); the stack stays in an array that the JVM cannot keep in registers;
 * {@code yield from} and {@code await} still run in the loop.
 */
public final class Jit {
    private Jit() {}

    static final boolean ENABLED = !"false".equals(System.getProperty("toy.jit"));
    /** Calls plus loop iterations in the eval loop before a code object is compiled. */
    static final int THRESHOLD = Integer.getInteger("toy.jit.threshold", 1000);

    /** -Dtoy.jit.trace=true prints each compilation on stderr (what got hot, and where). */
    private static final boolean TRACE = Boolean.getBoolean("toy.jit.trace");

    /** hotness of a code object the JIT will not compile: far from the threshold. */
    private static final int NEVER = Integer.MIN_VALUE;

    static final String FRAME = "Ltoy/vm/Frame;", TS = "Ltoy/vm/ThreadState;", RS = "Ltoy/object/RefState;",
            PO = "Ltoy/object/PyObject;", POA = "[Ltoy/object/PyObject;", CODE = "Ltoy/compile/Code;",
            JC = "Ltoy/vm/JitCode;", OPS = "toy/vm/JitOps";


    private static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Compiles code (called under the GIL when it is hot); true when code.jit is now set. A
     * code object the JIT cannot take is marked so that it is never tried again. When other
     * threads exist the GIL is released while the class is generated and loaded (the first
     * compilation takes over 10 ms while ASM loads), so they run meanwhile; the time counts
     * as blocked in the statistics.
     */
    static boolean compile(Code code) {
        if (!ENABLED || Interpreter.CHAOS || (code.flags & (Code.COROUTINE | Code.ASYNC_GENERATOR)) != 0
                || (code.flags & Code.NEWLOCALS) == 0) {
            code.hotness = NEVER;
            return false;
        }
        long start = System.nanoTime();
        code.hotness = NEVER; // other threads go on running it in the eval loop meanwhile
        JitCode compiled;
        try (toy.gil.Gil.Blocking released = ThreadState.ATTACHED.size() > 1 ? ThreadState.blocking() : null) {
            compiled = build(code);
        }
        if (compiled == null) return false;
        code.jit = compiled;
        if (TRACE) {
            System.err.printf("toy: jit: compiled %s (%s:%d) in %.2f ms%n", code.qualname, code.filename, code.firstLine,
                    (System.nanoTime() - start) / 1e6);
        }
        return true;
    }

    /** The compiled code, or null when the JIT cannot take it. Needs no GIL: it reads only the code's constant parts. */
    private static JitCode build(Code code) {
        int[] depth = StackDepth.depths(code.code);
        if (!consistent(code.code, depth)) return null;
        try {
            long[] borrowed = new long[code.code.length + 1];
            byte[] bytes = generate(code, depth, borrowed, "toy/vm/JitCode$" + SERIAL.incrementAndGet());
            Class<?> cls = MethodHandles.lookup().defineHiddenClass(bytes, true).lookupClass();
            return (JitCode) cls.getDeclaredConstructor(int[].class, long[].class).newInstance(depth, borrowed);
        } catch (RuntimeException | ReflectiveOperationException e) {
            // MethodTooLargeException and the like: the eval loop keeps running this code
            if (TRACE) System.err.printf("toy: jit: not compiled %s (%s:%d): %s%n", code.qualname, code.filename, code.firstLine, e);
            return null;
        }
    }

    /** Whether every reachable instruction leaves its successors the depth they were computed with. */
    private static boolean consistent(int[] ins, int[] depth) {
        for (int pc = 0; pc < ins.length; pc++) {
            int op = ins[pc] & 0xFF, arg = ins[pc] >>> 8;
            if (depth[pc] < 0) continue;
            if (falls(op) && pc + 1 < ins.length && depth[pc + 1] != depth[pc] + StackDepth.effect(op, arg, false)) {
                return false;
            }
            if (isJump(op) && op != SETUP_FINALLY && op != SETUP_WITH && op != SETUP_ASYNC_WITH
                    && depth[arg] != depth[pc] + StackDepth.effect(op, arg, true)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the instruction can go on to the next one. */
    static boolean falls(int op) {
        return op != JUMP && op != JUMP_BACKWARD && op != RETURN_VALUE && op != RERAISE && op != RAISE_VARARGS;
    }

    /** Instructions the compiled code leaves to the eval loop. */
    static boolean interpreted(int op, int arg) {
        return op == YIELD_FROM || op == RERAISE || op == END_ASYNC_FOR || op == LOAD_NAME
                || op == STORE_NAME || (op == RAISE_VARARGS && arg == 0);
    }

    private static byte[] generate(Code code, int[] depth, long[] borrowed, String name) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override protected String getCommonSuperClass(String a, String b) { return "java/lang/Object"; }
        };
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, "toy/vm/JitCode", null);
        MethodVisitor init = cw.visitMethod(0, "<init>", "([I[J)V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitVarInsn(Opcodes.ALOAD, 1);
        init.visitVarInsn(Opcodes.ALOAD, 2);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "toy/vm/JitCode", "<init>", "([I[J)V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", "(" + FRAME + TS + RS + "I)" + PO, null, null);
        mv.visitCode();
        new JitEmitter(cw, name, mv, code, depth, borrowed).method();
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
