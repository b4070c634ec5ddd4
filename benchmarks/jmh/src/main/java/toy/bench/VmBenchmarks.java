package toy.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import toy.compile.Code;
import toy.compile.Compiler;
import toy.lib.Library;
import toy.object.PyDict;
import toy.object.PyModule;
import toy.object.PyObject;
import toy.object.PyStr;
import toy.parse.Parser;
import toy.vm.Imports;
import toy.vm.Runtime;

/**
 * Micro-benchmarks of the VM's three hot paths. Each benchmark runs a small compiled module
 * whose loop exercises one mechanism; the time per operation is the loop time divided by
 * its iteration count (10,000).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m", "-XX:+UseSerialGC", "-XX:-DontCompileHugeMethods"})
public class VmBenchmarks {
    private static final int N = 10_000;

    private Code dispatch, calls, attributes, methods;
    private PyDict globals;

    private static Code compile(String src) {
        return Compiler.compileModule(Parser.parse(src, "<bench>"), "<bench>", false);
    }

    @Setup
    public void setup() {
        Library.init(Runtime.get());
        PyModule main = new PyModule("__main__");
        globals = main.dict;
        globals.put("__builtins__", Runtime.get().modules.get("builtins"));
        Imports.runModule(compile(
                "def f(a, b):\n    return a\n"
                + "class P:\n    def __init__(self):\n        self.x = 1\n    def m(self):\n        return self.x\n"
                + "p = P()\n"), globals);
        dispatch = compile("i = 0\nt = 0\nwhile i < " + N + ":\n    t = t + i\n    i = i + 1\n");
        calls = compile("for i in range(" + N + "):\n    f(i, i)\n");
        attributes = compile("for i in range(" + N + "):\n    p.x = p.x + 1\n");
        methods = compile("for i in range(" + N + "):\n    p.m()\n");
    }

    /** Bytecode dispatch: loads, stores, small-int arithmetic, compare and jump. */
    @Benchmark
    public PyObject dispatchLoop() {
        Imports.runModule(dispatch, globals);
        return globals.get(PyStr.of("t"));
    }

    /** Calls of a two-argument script function. */
    @Benchmark
    public PyObject functionCalls() { return Imports.runModule(calls, globals); }

    /** Instance attribute load and store. */
    @Benchmark
    public PyObject attributeAccess() { return Imports.runModule(attributes, globals); }

    /** Method calls through LOAD_METHOD/CALL_METHOD. */
    @Benchmark
    public PyObject methodCalls() { return Imports.runModule(methods, globals); }
}
