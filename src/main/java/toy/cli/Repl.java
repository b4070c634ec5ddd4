package toy.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import toy.lib.TracebackPrinter;
import toy.ast.Module;
import toy.ast.Stmt;
import toy.compile.Code;
import toy.compile.CompileError;
import toy.compile.Compiler;
import toy.lib.Library;
import toy.lib.PyTextFile;
import toy.lib.StdStreams;
import toy.object.*;
import toy.parse.Parser;
import toy.parse.SyntaxError;
import toy.vm.EvalBreaker;
import toy.vm.Imports;
import toy.vm.Runtime;
import toy.vm.ThreadState;
import toy.cli.ReplLineSources.PlainInput;
import toy.cli.ReplLineSources.TerminalInput;

/**
 * The interactive prompt, and what {@code toy} does without a script.
 *
 * <p>As CPython: when standard input is not a terminal, it is read whole and run as a script
 * named {@code <stdin>}. On a terminal (standard input and output both terminals) the REPL
 * reads lines with JLine (line editing, name completion, history in {@code ~/.toy_history});
 * when only standard input is a terminal it reads plain lines and writes the prompts to stderr,
 * as CPython does without readline. {@link #runStreams} drives the same loop over given streams
 * (for tests: it behaves as {@code python3 -i} with piped input).
 *
 * <p>Each input is accumulated line by line until it is complete, as CPython's interactive
 * tokenizer decides: a simple statement runs as soon as its logical line ends; a compound
 * statement runs at the first empty line; unclosed brackets, triple-quoted strings, a trailing
 * backslash, a decorator or a block header still waiting for its body ask for more lines
 * ({@code sys.ps2}). It is compiled in interactive mode (expression statements print their
 * repr and set {@code builtins._}) and run in one persistent {@code __main__} namespace. The
 * line sources (plain and JLine) live in {@link ReplLineSources}.
 */
public final class Repl {
    /** The first line written when the REPL starts (to stderr, like CPython's banner). */
    static final String BANNER = Main.VERSION + " -- exit() or Ctrl-D (i.e. EOF) to exit";
    static final String FILENAME = "<stdin>";
    static final String PS1 = ">>> ";
    static final String PS2 = "... ";

    /** Where input lines come from. */
    interface LineInput {
        /**
         * Shows the prompt and returns the next line without its terminator, or null at end of
         * input.
         *
         * @throws Interrupted when the user pressed Ctrl-C while typing
         */
        String readLine(String prompt) throws Interrupted;

        /**
         * Whether the input itself ends the prompt's line when the user presses Ctrl-C or
         * Ctrl-D (a line editor does; with plain lines the REPL writes the newline).
         */
        default boolean endsLineOnInterrupt() {
            return false;
        }

        /** Releases the terminal. */
        default void close() {}
    }

    /** Ctrl-C at the prompt. */
    static final class Interrupted extends Exception {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super(null, null, false, false);
        }
    }

    private final LineInput input;
    private final PyDict globals;
    private final boolean debug;
    private final Runtime rt = Runtime.get();
    /** The thread running the statements (target of KeyboardInterrupt). */
    private ThreadState mainThread;
    /** True while an input is being executed (Ctrl-C then raises KeyboardInterrupt in it). */
    private volatile boolean running;
    private volatile boolean interruptPending;
    /** Ctrl-C while neither reading a line nor running code. */
    private volatile boolean interruptedBetween;
    private volatile EvalBreaker.Handler previousBreaker;
    private final EvalBreaker.Handler breakerHook = this::onEvalBreaker;

    private Repl(LineInput input, boolean debug) {
        this.input = input;
        this.debug = debug;
        PyModule main = new PyModule("__main__");
        main.dict.put("__builtins__", rt.modules.get("builtins"));
        rt.modules.put("__main__", main);
        this.globals = main.dict;
        // a fresh session: default prompts, no last result
        PyObject sys = rt.modules.get("sys");
        if (sys instanceof PyModule m) {
            m.dict.put("ps1", PyStr.of(PS1));
            m.dict.put("ps2", PyStr.of(PS2));
        }
        PyStr underscore = PyStr.intern("_");
        if (rt.builtinsDict.get(underscore) != null) rt.builtinsDict.remove(underscore);
    }

    // ----- entry points ------------------------------------------------------------------------

    /** {@code toy} without a script: the REPL on a terminal, else standard input as a script. */
    static int run(boolean debug) {
        Runtime rt = Runtime.get();
        try {
            Library.init(rt);
            Site.install(rt);
        } catch (RuntimeException | Error e) {
            System.err.println("toy: internal error: " + e);
            if (debug) e.printStackTrace();
            return 70;
        }
        if (!isTerminal(0)) return runStdinScript(debug);
        TerminalInput ti = null;
        if (isTerminal(1)) {
            try {
                ti = TerminalInput.open();
            } catch (IOException | RuntimeException e) {
                // no line editing then
            }
        }
        if (ti == null) {
            // stdin is a terminal, stdout is not (or JLine failed): plain lines, prompts on stderr
            BufferedReader reader = new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8));
            ((PyModule) rt.modules.get("sys")).dict.put("stdin", new PyTextFile("<stdin>", "r", null, reader, false));
            return new Repl(new PlainInput(reader, StdStreams.stderr()), debug).loop(true);
        }
        ((PyModule) rt.modules.get("sys")).dict.put("stdin", TerminalInput.ttyStdin());
        return runOn(ti, debug);
    }

    /** The REPL reading with JLine from ti; Ctrl-C while code runs raises KeyboardInterrupt. */
    static int runOn(TerminalInput ti, boolean debug) {
        Repl repl = new Repl(ti, debug);
        Terminal.SignalHandler old = ti.terminal.handle(Terminal.Signal.INT, s -> repl.interruptRunning());
        try {
            return repl.loop(true);
        } finally {
            ti.terminal.handle(Terminal.Signal.INT, old);
            ti.close();
        }
    }

    /**
     * The JLine REPL on a given (virtual) terminal, sys.stdout and sys.stderr on out and err
     * (for tests: the terminal shows prompts and echo, out gets the results).
     */
    static int runOnTerminal(Terminal terminal, Path historyFile, OutputStream out, OutputStream err) {
        return withStreams(InputStream.nullInputStream(), out, err, reader -> runOn(new TerminalInput(terminal, historyFile), false));
    }

    /**
     * The REPL over the given streams, as {@code python3 -i} with piped input: results and
     * {@code print} output go to {@code out} (sys.stdout), the banner, prompts and tracebacks to
     * {@code err} (sys.stderr); {@code input()} reads from {@code in} too. Returns the exit
     * status.
     */
    static int runStreams(InputStream in, OutputStream out, OutputStream err, boolean debug) {
        return withStreams(in, out, err, reader -> new Repl(new PlainInput(reader, (PyTextFile) Runtime.get().sysAttr("stderr")), debug).loop(true));
    }

    /** {@link #runStdinScript(boolean)} over the given streams (for tests). */
    static int runStdinScript(InputStream in, OutputStream out, OutputStream err, boolean debug) {
        return withStreams(in, out, err, reader -> {
            String source;
            try {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return runScript(source, debug);
        });
    }

    /** Runs body with sys.stdin/stdout/stderr on the given streams, restoring them afterwards. */
    private static int withStreams(InputStream in, OutputStream out, OutputStream err, java.util.function.ToIntFunction<BufferedReader> body) {
        Runtime rt = Runtime.get();
        Library.init(rt);
        Site.install(rt);
        PyModule sys = (PyModule) rt.modules.get("sys");
        PyObject oldIn = sys.dict.get("stdin"), oldOut = sys.dict.get("stdout"), oldErr = sys.dict.get("stderr");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        PyTextFile pin = new PyTextFile("<stdin>", "r", null, reader, false);
        PyTextFile pout = new PyTextFile("<stdout>", "w", new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), null, false);
        PyTextFile perr = new PyTextFile("<stderr>", "w", new BufferedWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8)), null, true);
        sys.dict.put("stdin", pin);
        sys.dict.put("stdout", pout);
        sys.dict.put("stderr", perr);
        try {
            return body.applyAsInt(reader);
        } finally {
            pout.flush();
            perr.flush();
            sys.dict.put("stdin", oldIn);
            sys.dict.put("stdout", oldOut);
            sys.dict.put("stderr", oldErr);
        }
    }

    /**
     * Standard input is not a terminal: read it whole and run it as the script {@code <stdin>}
     * (CPython does the same: {@code echo 'print(1)' | python3}).
     */
    static int runStdinScript(boolean debug) {
        String source;
        try {
            source = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("toy: can't read <stdin>: " + e.getMessage());
            return 2;
        }
        return runScript(source, debug);
    }

    /** Runs source as the module __main__ from file {@code <stdin>}; returns the exit status. */
    static int runScript(String source, boolean debug) {
        Runtime rt = Runtime.get();
        Code code;
        try {
            code = Compiler.compileModule(Parser.parse(source, FILENAME), FILENAME, false);
        } catch (SyntaxError e) {
            printSyntaxError(e);
            return 1;
        } catch (CompileError e) {
            printSyntaxError(compileErrorAsSyntaxError(e));
            return 1;
        }
        PyModule main = new PyModule("__main__");
        main.dict.put("__file__", PyStr.of(FILENAME));
        main.dict.put("__builtins__", rt.modules.get("builtins"));
        rt.modules.put("__main__", main);
        toy.vm.ThreadState ts = toy.vm.ThreadState.attach("MainThread", Thread.currentThread().getId());
        try {
            try {
                Imports.runModule(code, main.dict);
            } finally {
                toy.lib.ThreadingModule.joinNonDaemonThreads();
            }
            return 0;
        } catch (PyException e) {
            int status = report(e.value);
            return status >= 0 ? status : 1;
        } catch (StackOverflowError e) {
            flushStdout();
            writeErr("RecursionError: maximum recursion depth exceeded\n");
            return 1;
        } catch (RuntimeException | Error e) {
            internalError(e, debug);
            return 70;
        } finally {
            ts.detach();
            flushStdout();
        }
    }

    /** Whether file descriptor fd (0 or 1) is a terminal. */
    static boolean isTerminal(int fd) {
        try {
            Path p = Path.of("/proc/self/fd/" + fd);
            if (Files.isSymbolicLink(p)) {
                String target = Files.readSymbolicLink(p).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: fall back below
        }
        return System.console() != null;
    }

    // ----- the loop ----------------------------------------------------------------------------

    /** Reads, runs and prints until end of input or SystemExit; returns the exit status. */
    int loop(boolean banner) {
        mainThread = ThreadState.current();
        if (banner) writeErr(BANNER + "\n");
        StringBuilder buf = new StringBuilder();
        while (true) {
            flushStdout();
            if (interruptedBetween) {
                interruptedBetween = false;
                buf.setLength(0);
                writeErr("KeyboardInterrupt\n");
            }
            String line;
            try {
                line = input.readLine(prompt(buf.length() == 0 ? "ps1" : "ps2"));
            } catch (Interrupted e) {
                buf.setLength(0);
                writeErr(input.endsLineOnInterrupt() ? "KeyboardInterrupt\n" : "\nKeyboardInterrupt\n");
                continue;
            }
            if (line == null) {
                if (!input.endsLineOnInterrupt()) writeErr("\n");
                if (buf.length() == 0) return 0;
                // end of input in the middle of a statement: what there is runs (or fails)
                String src = buf.toString();
                buf.setLength(0);
                int status = runAtEof(src);
                if (status >= 0) return status;
                continue;
            }
            if (buf.length() == 0 && isBlank(line)) continue;
            buf.append(line).append('\n');
            String src = buf.toString();
            SyntaxError afterBlock = statementAfterBlock(src, line);
            if (afterBlock != null) {
                buf.setLength(0);
                printSyntaxError(afterBlock);
                continue;
            }
            Module m;
            try {
                m = Parser.parse(src, FILENAME);
            } catch (SyntaxError e) {
                if (isIncomplete(e, src, line.isEmpty())) continue;
                buf.setLength(0);
                printSyntaxError(e);
                continue;
            }
            if (m.body().isEmpty()) {
                buf.setLength(0);
                continue;
            }
            boolean compound = isCompound(m.body().get(0));
            if (compound && m.body().size() > 1) {
                // a statement after a block without the empty line that ends it
                buf.setLength(0);
                printSyntaxError(invalidSyntaxAt(m.body().get(1), src));
                continue;
            }
            if (compound && !line.isEmpty()) continue;
            buf.setLength(0);
            int status = execute(m, src);
            if (status >= 0) return status;
        }
    }

    private int runAtEof(String src) {
        Module m;
        try {
            m = Parser.parse(src, FILENAME);
        } catch (SyntaxError e) {
            printSyntaxError(e);
            return -1;
        }
        if (m.body().size() > 1 && isCompound(m.body().get(0))) {
            printSyntaxError(invalidSyntaxAt(m.body().get(1), src));
            return -1;
        }
        return execute(m, src);
    }

    /** The prompt: str(sys.ps1) or str(sys.ps2). */
    private String prompt(String name) {
        PyObject p = rt.sysAttr(name);
        if (p != null) {
            try {
                return Ops.str(p);
            } catch (PyException e) {
                // fall through to the default
            }
        }
        return name.equals("ps1") ? PS1 : PS2;
    }

    static boolean isBlank(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("#");
    }

    static boolean isCompound(Stmt s) {
        return s instanceof Stmt.FunctionDef || s instanceof Stmt.ClassDef || s instanceof Stmt.For
                || s instanceof Stmt.While || s instanceof Stmt.If || s instanceof Stmt.With || s instanceof Stmt.Try;
    }

    /**
     * Whether the syntax error only says the input stopped too early, so that more lines may
     * complete it (what CPython's interactive tokenizer reports as end of input). An empty line
     * ends a statement except inside brackets and triple-quoted strings.
     */
    static boolean isIncomplete(SyntaxError e, String src, boolean emptyLine) {
        String msg = e.msg == null ? "" : e.msg;
        if (msg.endsWith("was never closed")) return true;
        if (msg.startsWith("unterminated triple-quoted string literal")) return true;
        if (emptyLine) return false;
        String[] lines = src.split("\n", -1);
        int last = 0;
        for (int i = 0; i < lines.length; i++) if (!isBlank(lines[i])) last = i + 1;
        if (last == 0) return false;
        if (msg.startsWith("expected an indented block") && msg.endsWith("on line " + last)) return true;
        if (msg.equals("expected 'except' or 'finally' block") || msg.equals("unexpected EOF while parsing")) return true;
        if (e.line > last) return true;
        String lastLine = lines[last - 1];
        if (lastLine.endsWith("\\")) return true;
        return lastLine.strip().startsWith("@") && e.line == last;
    }

    /** CPython's error for a statement that follows a block in the same input. */
    static SyntaxError invalidSyntaxAt(Stmt s, String src) {
        toy.ast.Pos p = s.pos();
        String[] lines = src.split("\n", -1);
        String text = p.line() >= 1 && p.line() <= lines.length ? lines[p.line() - 1] : "";
        return invalidSyntaxAt(p.line(), p.col(), text);
    }

    /** "invalid syntax" at the token starting at 0-based column col of line lineNo (text). */
    static SyntaxError invalidSyntaxAt(int lineNo, int col, String text) {
        col = Math.max(0, Math.min(col, text.length()));
        int end = tokenEnd(text, col);
        return new SyntaxError("SyntaxError", "invalid syntax", FILENAME, lineNo, col + 1, lineNo, end + 1, text + "\n");
    }

    /** Where the token starting at i ends (a name, number, string, "..." or one character). */
    static int tokenEnd(String t, int i) {
        int n = t.length();
        if (i >= n) return i;
        int j = i;
        while (j < n && j - i < 3 && "rRbBuUfF".indexOf(t.charAt(j)) >= 0) j++;
        if (j < n && (t.charAt(j) == '\'' || t.charAt(j) == '"')) {
            char q = t.charAt(j);
            boolean triple = t.startsWith(String.valueOf(q).repeat(3), j);
            int k = j + (triple ? 3 : 1);
            while (k < n) {
                char c = t.charAt(k);
                if (c == '\\') {
                    k += 2;
                } else if (c == q && (!triple || t.startsWith(String.valueOf(q).repeat(3), k))) {
                    return k + (triple ? 3 : 1);
                } else {
                    k++;
                }
            }
            return n;
        }
        char c = t.charAt(i);
        if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(t.charAt(i + 1)))) {
            j = i + 1;
            while (j < n) {
                char d = t.charAt(j);
                if (Character.isLetterOrDigit(d) || d == '_' || d == '.') j++;
                else if ((d == '+' || d == '-') && (t.charAt(j - 1) == 'e' || t.charAt(j - 1) == 'E')
                        && !t.substring(i, j).toLowerCase().startsWith("0x")) j++;
                else break;
            }
            return j;
        }
        if (Character.isLetter(c) || c == '_' || c > 127) {
            j = i + 1;
            while (j < n && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_' || t.charAt(j) > 127)) j++;
            return j;
        }
        if (t.startsWith("...", i)) return i + 3;
        return i + 1;
    }

    private static final java.util.regex.Pattern BLOCK_CONTINUATION =
            java.util.regex.Pattern.compile("(else|elif|except|finally)\\b.*");

    /**
     * A line at indentation 0 after a complete compound statement (not else/elif/except/finally)
     * is an error as soon as it is entered, as in CPython: the empty line ending the block is
     * missing. Returns that error, or null.
     */
    static SyntaxError statementAfterBlock(String src, String line) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || isBlank(line)) return null;
        if (BLOCK_CONTINUATION.matcher(line).matches()) return null;
        String prefix = src.substring(0, src.length() - line.length() - 1);
        if (prefix.isEmpty()) return null;
        Module pm;
        try {
            pm = Parser.parse(prefix, FILENAME);
        } catch (SyntaxError e) {
            return null;
        }
        if (pm.body().size() != 1 || !isCompound(pm.body().get(0))) return null;
        int lineNo = (int) prefix.chars().filter(c -> c == '\n').count() + 1;
        return invalidSyntaxAt(lineNo, 0, line);
    }

    /** Compiles and runs one complete input; returns an exit status to stop with, or -1. */
    private int execute(Module m, String src) {
        Code code;
        try {
            code = Compiler.compileModule(m, FILENAME, true);
        } catch (SyntaxError e) {
            printSyntaxError(e);
            return -1;
        } catch (CompileError e) {
            printSyntaxError(compileErrorAsSyntaxError(e));
            return -1;
        }
        interruptPending = false;
        running = true;
        // the GIL is held while an input runs and released while the prompt waits for the next
        toy.vm.ThreadState held = toy.vm.ThreadState.attach("MainThread", Thread.currentThread().getId());
        try {
            Imports.runModule(code, globals);
            return -1;
        } catch (PyException e) {
            return report(e.value);
        } catch (StackOverflowError e) {
            flushStdout();
            writeErr("RecursionError: maximum recursion depth exceeded\n");
            return -1;
        } catch (RuntimeException | Error e) {
            internalError(e, debug);
            return -1;
        } finally {
            held.detach();
            running = false;
            interruptPending = false;
            ThreadState ts = ThreadState.current();
            ts.frame = null;
            ts.depth = 0;
            flushStdout();
        }
    }

    /**
     * A compiler error ('return' outside function...) as printed for {@code <stdin>}: CPython
     * shows no source line there, since errors found after parsing get their text from the file
     * and {@code <stdin>} cannot be read again.
     */
    static SyntaxError compileErrorAsSyntaxError(CompileError e) {
        int line = e.pos == null ? 0 : e.pos.line();
        return new SyntaxError("SyntaxError", e.getMessage(), FILENAME, line, e.pos == null ? 0 : e.pos.col() + 1,
                e.pos == null ? line : e.pos.endLine(), e.pos == null ? 0 : e.pos.endCol() + 1, null);
    }

    private static void internalError(Throwable e, boolean debug) {
        flushStdout();
        writeErr("toy: internal error: " + e + "\n");
        if (debug) e.printStackTrace();
        else writeErr("(run with --debug to see the Java stack trace)\n");
    }

    /**
     * An uncaught exception: returns SystemExit's exit status (printing a non-integer code),
     * or prints the traceback (and sets sys.last_value etc.) and returns -1.
     */
    static int report(PyBaseException v) {
        Runtime rt = Runtime.get();
        flushStdout();
        if (v.type.isSubtypeOf(Exc.SystemExit)) {
            PyObject code = v.dict == null ? null : v.dict.get("code");
            if (code == null) code = v.args.size() == 0 ? Py.None : v.args.size() == 1 ? v.args.get(0) : v.args;
            if (code == Py.None) return 0;
            if (code instanceof PyInt i) return (int) (i.isSmall() ? i.value : 1) & 0xFF;
            String text;
            try {
                text = Ops.str(code);
            } catch (PyException e) {
                text = "";
            }
            writeErr(text + "\n");
            return 1;
        }
        PyObject sys = rt.modules.get("sys");
        if (sys instanceof PyModule m) {
            m.dict.put("last_type", v.type);
            m.dict.put("last_value", v);
            m.dict.put("last_traceback", v.traceback == null ? Py.None : v.traceback);
        }
        String text;
        try {
            text = TracebackPrinter.format(v);
        } catch (RuntimeException ex) {
            text = v.type.name + "\n";
        }
        writeErr(text);
        return -1;
    }

    static void printSyntaxError(SyntaxError e) {
        flushStdout();
        writeErr(e.format());
    }

    /** Writes to sys.stderr (the real stderr if that fails). */
    static void writeErr(String s) {
        Runtime rt = Runtime.get();
        PyObject err = rt.sysAttr("stderr");
        try {
            if (err != null) {
                Ops.invoke(err, "write", PyStr.of(s));
                Ops.invoke(err, "flush");
                return;
            }
        } catch (PyException e) {
            // fall back to the process's stderr
        }
        System.err.print(s);
        System.err.flush();
    }

    static void flushStdout() {
        Runtime rt = Runtime.get();
        PyObject out = rt.sysAttr("stdout");
        try {
            if (out != null) Ops.invoke(out, "flush");
        } catch (PyException e) {
            // a broken sys.stdout must not stop the REPL
        }
        StdStreams.flushAll();
    }

    // ----- Ctrl-C while code runs ------------------------------------------------------------

    /**
     * SIGINT while an input runs: raise KeyboardInterrupt in the REPL thread at its next
     * eval-breaker check (backward jump or call).
     */
    void interruptRunning() {
        ThreadState ts = mainThread;
        if (ts == null) return;
        if (!running) {
            // between reads (parsing, compiling): shown at the next prompt
            interruptedBetween = true;
            return;
        }
        interruptPending = true;
        EvalBreaker.Handler h = EvalBreaker.handler;
        if (h != breakerHook) {
            previousBreaker = h;
            EvalBreaker.handler = breakerHook;
        }
        ts.evalBreaker = 1;
    }

    private void onEvalBreaker(ThreadState ts, toy.vm.Frame f) {
        if (ts == mainThread && interruptPending) {
            interruptPending = false;
            throw new PyException(new PyBaseException(Exc.KeyboardInterrupt, PyTuple.EMPTY));
        }
        EvalBreaker.Handler prev = previousBreaker;
        if (prev != null) prev.handle(ts, f);
        else ts.evalBreaker = 0;
    }

    // ----- exit and quit -------------------------------------------------------------------------

    /**
     * What CPython's site module adds to builtins for interactive use: {@code exit} and
     * {@code quit} (class {@code _sitebuiltins.Quitter}).
     */
    static final class Site {
        private Site() {}

        static void install(Runtime rt) {
            if (!(rt.builtinsDict.get("exit") instanceof Quitter)) rt.builtinsDict.put("exit", new Quitter("exit"));
            if (!(rt.builtinsDict.get("quit") instanceof Quitter)) rt.builtinsDict.put("quit", new Quitter("quit"));
            PyObject b = rt.modules.get("builtins");
            if (b instanceof PyModule m && m.dict != rt.builtinsDict) {
                m.dict.put("exit", rt.builtinsDict.get("exit"));
                m.dict.put("quit", rt.builtinsDict.get("quit"));
            }
        }
    }

    /** {@code exit} / {@code quit}: calling it closes sys.stdin and raises SystemExit(code). */
    static final class Quitter extends PyObject {
        static final PyType TYPE = PyType.builtin("Quitter", PyType.OBJECT, null);

        static {
            TYPE.module = "_sitebuiltins";
            TYPE.def("__call__", (self, a, k) -> self.call(a, k));
        }

        private final String name;

        Quitter(String name) {
            super(TYPE);
            this.name = name;
        }

        @Override
        public String repr() {
            return "Use " + name + "() or Ctrl-D (i.e. EOF) to exit";
        }

        @Override
        public PyObject call(PyObject[] args, String[] kwnames) {
            PyObject[] a = Args.parse("__call__", args, kwnames, new String[] {"code"}, 0, 1);
            PyObject code = a[0] == null ? Py.None : a[0];
            try {
                PyObject in = Runtime.get().sysAttr("stdin");
                if (in != null) Ops.invoke(in, "close");
            } catch (PyException e) {
                // as CPython: a failing close is ignored
            }
            throw new PyException((PyBaseException) Ops.call(Exc.SystemExit, code));
        }
    }
}
