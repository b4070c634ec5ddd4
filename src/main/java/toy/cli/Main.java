package toy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import toy.lib.TracebackPrinter;
import toy.compile.Code;
import toy.compile.Compiler;
import toy.compile.Disassembler;
import toy.lib.Library;
import toy.lib.StdStreams;
import toy.lib.SysModule;
import toy.object.*;
import toy.parse.Parser;
import toy.vm.Imports;
import toy.vm.Runtime;
import toy.vm.SyntaxErrors;

/**
 * The {@code toy} command. Options come before the script; everything after the script (or
 * after {@code -c CODE}) is passed to it as sys.argv. Exit status: 0 success, 1 uncaught
 * exception or syntax error, 2 bad command line, 70 internal error, or the code given to
 * sys.exit.
 */
public final class Main {
    public static final String VERSION = "Toy 0.1.0 (Python 3.11 subset)";
    /** Java stack size for interpreter threads: deep enough that the recursion limit trips first. */
    public static final long STACK_SIZE = 1L << 30;

    private Main() {}

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder("c").hasArg().argName("CODE").desc("run CODE instead of a script").build());
        o.addOption(Option.builder().longOpt("dis").desc("print the bytecode of the script and exit").build());
        o.addOption(Option.builder().longOpt("debug").desc("show Java stack traces of internal errors").build());
        o.addOption(Option.builder().longOpt("debug-refs")
                .desc("check reference counts: report use after free and leaked objects").build());
        o.addOption(Option.builder().longOpt("version").desc("print the version and exit").build());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help and exit").build());
        o.addOption(Option.builder().longOpt("switch-interval").hasArg().argName("T")
                .desc("GIL switch interval: seconds (0.005) or with a unit (5ms, 500us)").build());
        o.addOption(Option.builder().longOpt("gil-policy").hasArg().argName("NAME")
                .desc("GIL scheduling policy: cpython | fifo | io-priority").build());
        o.addOption(Option.builder().longOpt("gil-stats").desc("print a GIL contention table on stderr at exit").build());
        o.addOption(Option.builder().longOpt("gil-stats-json").hasArg().argName("FILE")
                .desc("write the GIL statistics as JSON").build());
        o.addOption(Option.builder().longOpt("gil-trace").hasArg().argName("FILE")
                .desc("write a Chrome trace-event JSON of who held the GIL (opens in Perfetto)").build());
        o.addOption(Option.builder().longOpt("gil-timeline").hasArg().argName("FILE.svg")
                .desc("write an SVG timeline of who held the GIL when").build());
        o.addOption(Option.builder().longOpt("sweep-intervals").hasArg().argName("LIST")
                .desc("run the script once per interval (0.5ms,1ms,5ms,...) and compare").build());
        o.addOption(Option.builder().longOpt("switch-every-instruction")
                .desc("chaos mode: the GIL may change hands at every instruction").build());
        return o;
    }

    public static void main(String[] args) {
        // --debug-refs is fixed before any object exists (the checks are compiled in or out)
        for (String a : args) {
            if (a.equals("--debug-refs")) System.setProperty("toy.debugRefs", "true");
            if (!a.startsWith("-") || a.equals("-c") || a.equals("--")) break;
        }
        int[] status = new int[1];
        Thread t = new toy.object.ToyThread(() -> status[0] = run(args), "MainThread", STACK_SIZE);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StdStreams.flushAll();
        System.out.flush();
        System.err.flush();
        System.exit(status[0]);
    }

    static int run(String[] args) {
        CommandLine cl;
        try {
            cl = new DefaultParser().parse(options(), args, true);
        } catch (ParseException e) {
            System.err.println("toy: " + e.getMessage());
            System.err.println("usage: toy [options] [-c CODE | SCRIPT.toy] [ARGS...]  (try --help)");
            return 2;
        }
        if (cl.hasOption("help")) {
            HelpFormatter hf = new HelpFormatter();
            PrintWriter pw = new PrintWriter(System.out);
            hf.printHelp(pw, 100, "toy [options] [-c CODE | SCRIPT.toy] [ARGS...]",
                    "Run a Toy script (a Python 3.11 subset with a real GIL).", options(), 2, 2, "");
            pw.flush();
            return 0;
        }
        if (cl.hasOption("version")) {
            System.out.println(VERSION);
            return 0;
        }
        boolean debug = cl.hasOption("debug");
        GilOptions gilOptions;
        try {
            gilOptions = GilOptions.from(cl);
        } catch (IllegalArgumentException e) {
            System.err.println("toy: " + e.getMessage());
            return 2;
        }
        List<String> rest = new ArrayList<>(cl.getArgList());
        if (cl.hasOption("sweep-intervals")) {
            if (rest.isEmpty() || cl.hasOption("c")) {
                System.err.println("toy: --sweep-intervals needs a script");
                return 2;
            }
            List<String> pass = new ArrayList<>();
            if (cl.hasOption("gil-policy")) pass.addAll(List.of("--gil-policy", cl.getOptionValue("gil-policy")));
            if (cl.hasOption("switch-every-instruction")) pass.add("--switch-every-instruction");
            return Sweep.run(cl.getOptionValue("sweep-intervals"), pass, rest);
        }
        String filename, source;
        List<String> argv = new ArrayList<>();
        if (cl.hasOption("c")) {
            filename = "<string>";
            source = cl.getOptionValue("c");
            argv.add("-c");
            argv.addAll(rest);
        } else if (rest.isEmpty()) {
            return Repl.run(debug);
        } else {
            filename = rest.get(0);
            if (filename.startsWith("-") && filename.length() > 1) {
                System.err.println("toy: unknown option " + filename + " (try --help)");
                return 2;
            }
            try {
                byte[] bytes = Files.readAllBytes(Path.of(filename));
                source = decodeSource(bytes, Path.of(filename).toAbsolutePath().normalize().toString());
                if (source == null) return 1;
            } catch (NoSuchFileException e) {
                System.err.println("toy: can't open file '" + filename + "': [Errno 2] No such file or directory");
                return 2;
            } catch (IOException e) {
                System.err.println("toy: can't open file '" + filename + "': " + e.getMessage());
                return 2;
            }
            argv.addAll(rest);
            // as CPython 3.9+, the main script's file name (tracebacks, __file__) is absolute
            filename = Path.of(filename).toAbsolutePath().normalize().toString();
        }
        SysModule.argv = argv;
        Runtime rt = Runtime.get();
        if (!filename.equals("<string>")) {
            Path parent = Path.of(filename).toAbsolutePath().getParent();
            if (parent != null) rt.scriptDir = parent;
        }
        int nul = source.indexOf('\0');
        if (nul >= 0) {
            // CPython refuses source with NUL bytes before parsing
            String before = source.substring(0, nul);
            int line = (int) before.chars().filter(ch -> ch == '\n').count() + 1;
            String text = before.substring(before.lastIndexOf('\n') + 1).strip();
            System.err.print("  File \"" + filename + "\", line " + line + "\n    " + text
                    + "\nSyntaxError: source code cannot contain null bytes\n");
            return 1;
        }
        try {
            Library.init(rt);
            Repl.Site.install(rt);
            Code code;
            try {
                code = Compiler.compileModule(Parser.parse(source, filename), filename, false);
            } catch (toy.parse.SyntaxError e) {
                StdStreams.flushAll();
                System.err.print(e.format());
                return 1;
            } catch (toy.compile.CompileError e) {
                StdStreams.flushAll();
                System.err.print(formatCompileError(e, source));
                return 1;
            }
            if (cl.hasOption("dis")) {
                System.out.print(Disassembler.disassemble(code));
                return 0;
            }
            PyModule main = new PyModule("__main__");
            main.dict.put("__file__", PyStr.of(filename));
            main.dict.put("__builtins__", rt.modules.get("builtins"));
            rt.modules.put("__main__", main);
            gilOptions.apply(rt.gil);
            toy.vm.ThreadState.finalizing = false;
            toy.vm.ThreadState ts = toy.vm.ThreadState.attach("MainThread", Thread.currentThread().getId());
            toy.vm.Interrupts.install(ts);
            toy.lib.ThreadingModule.mainThreadObject();
            int status;
            try {
                try {
                    Imports.runModule(code, main.dict);
                    status = 0;
                } catch (PyException e) {
                    // as CPython: the traceback first, then shutdown (threads, then objects die)
                    status = reportUncaught(e);
                } finally {
                    StdStreams.flushAll();
                }
                // as CPython: the interpreter waits for non-daemon threads before exiting (not
                // after a fatal error, a Java error or --debug-refs' report, which leaves at once
                // rather than wait for threads that would never be told to stop)
                toy.lib.ThreadingModule.mainFinished();
                toy.vm.Interrupts.shuttingDown = true;
                toy.lib.ThreadingModule.joinNonDaemonThreads();
                toy.vm.ThreadState.beginFinalizing();
                toy.vm.Shutdown.tearDown(rt, main, cl.hasOption("debug-refs"));
                StdStreams.flushAll();
            } finally {
                ts.detach();
                gilOptions.report(rt.gil);
            }
            return status;
        } catch (PyException e) {
            return reportUncaught(e);
        } catch (StackOverflowError e) {
            StdStreams.flushAll();
            System.err.println("RecursionError: maximum recursion depth exceeded");
            return 1;
        } catch (toy.object.DebugRefs.RefError e) {
            StdStreams.flushAll();
            System.err.println("Fatal Python error: " + e.getMessage());
            if (debug) e.printStackTrace();
            return 70;
        } catch (RuntimeException | Error e) {
            StdStreams.flushAll();
            System.err.println("toy: internal error: " + e);
            if (debug) e.printStackTrace();
            else System.err.println("(run with --debug to see the Java stack trace)");
            return 70;
        }
    }

    /**
     * Decodes a script as UTF-8, or prints CPython's error for a file that is not UTF-8 and
     * returns null.
     */
    static String decodeSource(byte[] bytes, String filename) {
        java.nio.charset.CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try {
            return dec.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            int line = 1;
            for (int i = 0; i < bad; i++) if (bytes[i] == '\n') line++;
            System.err.println("SyntaxError: Non-UTF-8 code starting with '\\x" + String.format("%02x", bytes[bad] & 0xFF)
                    + "' in file " + filename + " on line " + line
                    + ", but no encoding declared; see https://peps.python.org/pep-0263/ for details");
            return null;
        }
    }

    /** The index of the first byte that does not start a well-formed UTF-8 sequence. */
    private static int firstInvalidUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int n = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            if (n < 0) return i;
            for (int k = 1; k <= n; k++) {
                if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) return i;
            }
            i += n + 1;
        }
        return Math.max(0, b.length - 1);
    }

    /** Prints an uncaught exception (or handles SystemExit) and returns the exit status. */
    static int reportUncaught(PyException e) {
        StdStreams.flushAll();
        PyBaseException v = e.value;
        if (v.type.isSubtypeOf(Exc.SystemExit)) {
            PyObject code = v.dict == null ? null : v.dict.get("code");
            if (code == null) code = v.args.size() == 0 ? Py.None : v.args.size() == 1 ? v.args.get(0) : v.args;
            if (code == Py.None) return 0;
            if (code instanceof PyInt i) return (int) (i.isSmall() ? i.value : 1) & 0xFF;
            StdStreams.stderr().write(Ops.str(code) + "\n");
            StdStreams.flushAll();
            return 1;
        }
        if (v.type.isSubtypeOf(Exc.KeyboardInterrupt)) {
            // as CPython: the traceback, then the status of a process ended by SIGINT
            StdStreams.stderr().write(TracebackPrinter.format(v));
            StdStreams.flushAll();
            return 130;
        }
        String text;
        try {
            text = TracebackPrinter.format(v);
        } catch (RuntimeException ex) {
            text = v.type.name + "\n";
        }
        StdStreams.stderr().write(text);
        StdStreams.flushAll();
        return 1;
    }

    static String formatCompileError(toy.compile.CompileError e, String source) {
        RuntimeException pe = SyntaxErrors.toPython(e);
        int line = e.pos == null ? 0 : e.pos.line();
        List<String> lines = source.lines().toList();
        String text = line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
        toy.parse.SyntaxError se = new toy.parse.SyntaxError("SyntaxError", e.getMessage(), e.filename, line,
                e.pos == null ? 0 : e.pos.col() + 1, e.pos == null ? line : e.pos.endLine(),
                e.pos == null ? 0 : e.pos.endCol() + 1, text == null ? null : text + "\n");
        return pe == null ? "" : se.format();
    }
}
