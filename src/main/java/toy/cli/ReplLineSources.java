package toy.cli;

import static toy.cli.Repl.*;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import toy.lib.PyTextFile;
import toy.object.*;
import toy.parse.Parser;
import toy.vm.Runtime;

/**
 * The line sources of {@link Repl}: plain lines from a reader with the prompts written to
 * stderr, and JLine on a terminal with line editing, history and the name completion of
 * {@link PyCompletion}. Split out of Repl, whose loop reads its input through
 * {@link Repl.LineInput}.
 */
final class ReplLineSources {
    private ReplLineSources() {}

    /**
     * Plain lines, the prompt written to stderr, as CPython without readline. The reader is
     * shared with sys.stdin (so input() reads the next line) but read directly, so the REPL
     * goes on after sys.stdin.close() (which exit() does), as CPython's does.
     */
    static final class PlainInput implements LineInput {
        private final BufferedReader in;
        private final PyTextFile promptOut;

        PlainInput(BufferedReader in, PyTextFile promptOut) {
            this.in = in;
            this.promptOut = promptOut;
        }

        @Override
        public String readLine(String prompt) {
            promptOut.write(prompt);
            promptOut.flush();
            StringBuilder sb = new StringBuilder();
            try {
                int c;
                while ((c = in.read()) >= 0 && c != '\n') sb.append((char) c);
                if (c < 0 && sb.length() == 0) return null;
            } catch (IOException e) {
                return null;
            }
            int n = sb.length();
            if (n > 0 && sb.charAt(n - 1) == '\r') sb.setLength(n - 1);
            return sb.toString();
        }
    }

    /** JLine on the process's terminal: line editing, completion and a history file. */
    static final class TerminalInput implements LineInput {
        final Terminal terminal;
        final LineReader reader;
        /** The remaining lines of a multi-line paste. */
        private final Deque<String> pending = new ArrayDeque<>();

        /** JLine on the given terminal, history in historyFile (null: none). */
        TerminalInput(Terminal terminal, Path historyFile) {
            this.terminal = terminal;
            PyCompletion completion = new PyCompletion();
            LineReaderBuilder b = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("toy")
                    .parser(completion)
                    .completer(completion)
                    .variable(LineReader.HISTORY_SIZE, 1000)
                    .variable(LineReader.HISTORY_FILE_SIZE, 10000);
            if (historyFile != null) b.variable(LineReader.HISTORY_FILE, historyFile);
            this.reader = b.build();
            reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION);
            reader.setOpt(LineReader.Option.INSERT_TAB);
            reader.unsetOpt(LineReader.Option.HISTORY_IGNORE_SPACE);
            reader.unsetOpt(LineReader.Option.HISTORY_TIMESTAMPED);
            reader.unsetOpt(LineReader.Option.HISTORY_REDUCE_BLANKS);
            reader.unsetOpt(LineReader.Option.AUTO_PARAM_SLASH);
            reader.unsetOpt(LineReader.Option.AUTO_REMOVE_SLASH);
        }

        /** The process's terminal, or an IOException when JLine can only offer a dumb one. */
        static TerminalInput open() throws IOException {
            Logger.getLogger("org.jline").setLevel(Level.OFF);
            Terminal terminal = TerminalBuilder.builder().system(true).name("toy").build();
            if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
                // JLine could not take the terminal: plain lines are better than a dumb editor
                terminal.close();
                throw new IOException("no usable terminal");
            }
            return new TerminalInput(terminal, historyFile());
        }

        /**
         * sys.stdin for the process's terminal: lines typed for input() are read in the
         * terminal's normal (cooked) mode, straight from file descriptor 0 and one byte at a
         * time, so that nothing typed after the line is taken from JLine. (JLine's own reader
         * does not see Ctrl-D there: it takes an empty read for a timeout.)
         */
        static PyTextFile ttyStdin() {
            InputStream fd0 = new FileInputStream(FileDescriptor.in) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return len == 0 ? 0 : super.read(b, off, 1);
                }

                @Override
                public void close() {
                    // sys.stdin.close() (exit() does it) must not close the terminal
                }
            };
            return new PyTextFile("<stdin>", "r", null, new BufferedReader(new InputStreamReader(fd0, StandardCharsets.UTF_8), 1), false);
        }

        /** ~/.toy_history, with ~ taken from $HOME as the shell does. */
        static Path historyFile() {
            String home = System.getenv("HOME");
            if (home == null || home.isEmpty()) home = System.getProperty("user.home", ".");
            return Path.of(home, ".toy_history");
        }

        @Override
        public String readLine(String prompt) throws Interrupted {
            if (!pending.isEmpty()) return pending.poll();
            String s;
            // the lines of a multi-line paste after the first are shown with sys.ps2
            PyObject ps2 = Runtime.get().sysAttr("ps2");
            String cont;
            try {
                cont = ps2 == null ? PS2 : Ops.str(ps2);
            } catch (PyException e) {
                cont = PS2;
            }
            reader.setVariable(LineReader.SECONDARY_PROMPT_PATTERN, cont.replace("%", "%%"));
            try {
                s = reader.readLine(prompt.replace("%", "%%"));
            } catch (UserInterruptException e) {
                throw new Interrupted();
            } catch (EndOfFileException e) {
                return null;
            }
            if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                String[] parts = s.split("\r\n|\r|\n", -1);
                for (int i = 1; i < parts.length; i++) pending.add(parts[i]);
                s = parts[0];
            }
            return s;
        }

        @Override
        public boolean endsLineOnInterrupt() {
            return true;
        }

        @Override
        public void close() {
            try {
                reader.getHistory().save();
            } catch (IOException | RuntimeException e) {
                // history is a convenience
            }
            try {
                terminal.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
    }

    /**
     * Tab completion of names (globals, builtins, keywords) and of attributes of dotted names,
     * as CPython's rlcompleter; also the word splitting JLine needs for it (a word is a dotted
     * name ending at the cursor; nothing is escaped or quoted).
     */
    static final class PyCompletion implements Completer, org.jline.reader.Parser {
        static final List<String> KEYWORDS = List.of("False", "None", "True", "and", "as", "assert", "async",
                "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
                "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
                "return", "try", "while", "with", "yield",
                // soft keywords
                "_", "case", "match");

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            int c = Math.max(0, Math.min(cursor, line.length()));
            int start = c;
            while (start > 0) {
                char ch = line.charAt(start - 1);
                if (Character.isLetterOrDigit(ch) || ch == '_' || ch == '.') start--;
                else break;
            }
            String word = line.substring(start, c);
            return new CompletingParsedLine() {
                @Override public CharSequence escape(CharSequence candidate, boolean complete) { return candidate; }
                @Override public int rawWordCursor() { return word.length(); }
                @Override public int rawWordLength() { return word.length(); }
                @Override public String word() { return word; }
                @Override public int wordCursor() { return word.length(); }
                @Override public int wordIndex() { return 0; }
                @Override public List<String> words() { return List.of(word); }
                @Override public String line() { return line; }
                @Override public int cursor() { return c; }
            };
        }

        @Override
        public boolean isEscapeChar(char ch) {
            return false;
        }

        @Override
        public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
            try {
                for (String s : matches(line.word())) candidates.add(new Candidate(s, s, null, null, null, null, false));
            } catch (RuntimeException e) {
                // completion must never break the prompt
            }
        }

        /**
         * The completions of a (possibly dotted) name prefix, as CPython's rlcompleter makes them:
         * keywords (with ' ' or ':' after some), names of __main__ and builtins, attributes from
         * dir() (names starting with '_' only when asked for, or when nothing else matches);
         * callables get '(' after them.
         */
        static List<String> matches(String text) {
            Runtime rt = Runtime.get();
            List<String> out = new ArrayList<>();
            int dot = text.lastIndexOf('.');
            if (dot < 0) {
                java.util.Set<String> seen = new java.util.HashSet<>(List.of("__builtins__"));
                for (String k : KEYWORDS) {
                    if (!k.startsWith(text)) continue;
                    seen.add(k);
                    if (k.equals("finally") || k.equals("try")) out.add(k + ":");
                    else if (List.of("False", "None", "True", "break", "continue", "pass", "else", "_").contains(k)) out.add(k);
                    else out.add(k + " ");
                }
                PyObject main = rt.modules.get("__main__");
                for (PyDict d : new PyDict[] {main instanceof PyModule m ? m.dict : new PyDict(), rt.builtinsDict}) {
                    for (int p = d.nextEntry(0); p >= 0; p = d.nextEntry(p + 1)) {
                        if (d.keyAt(p) instanceof PyStr s && s.value.startsWith(text) && seen.add(s.value)) {
                            out.add(callablePostfix(d.valueAt(p), s.value));
                        }
                    }
                }
                return out;
            }
            String head = text.substring(0, dot), attr = text.substring(dot + 1);
            PyObject obj = lookupDotted(head);
            PyObject dir = rt.builtinsDict.get("dir");
            if (obj == null || dir == null) return out;
            List<String> names = new ArrayList<>();
            PyObject it = Ops.iter(Ops.call(dir, obj));
            for (PyObject n; (n = Ops.next(it)) != null; ) if (n instanceof PyStr s) names.add(s.value);
            names.remove("__builtins__");
            if (!names.contains("__class__")) names.add("__class__");
            String noprefix = attr.isEmpty() ? "_" : attr.equals("_") ? "__" : null;
            while (true) {
                for (String name : names) {
                    if (!name.startsWith(attr) || (noprefix != null && name.startsWith(noprefix))) continue;
                    String match = head + "." + name;
                    if (obj.type.lookup(name) instanceof PyProperty) {
                        // not evaluated: a property may do anything
                        out.add(match);
                        continue;
                    }
                    PyObject v;
                    try {
                        v = Ops.getAttrOrNull(obj, PyStr.of(name));
                    } catch (PyException e) {
                        v = null;
                    }
                    out.add(v == null ? match : callablePostfix(v, match));
                }
                if (!out.isEmpty() || noprefix == null) break;
                noprefix = noprefix.equals("_") ? "__" : null;
            }
            java.util.Collections.sort(out);
            return out;
        }

        /** word + "(" for a callable, + "()" when it is known to take no parameters. */
        private static String callablePostfix(PyObject value, String word) {
            PyObject callable = Runtime.get().builtinsDict.get("callable");
            try {
                if (callable == null || !Ops.isTrue(Ops.call(callable, value))) return word;
            } catch (PyException e) {
                return word;
            }
            return word + (takesNoParameters(value) ? "()" : "(");
        }

        /**
         * Whether inspect.signature(value) has no parameters, for what can be known here:
         * functions, bound methods and classes defined in Python (builtins: not known).
         */
        static boolean takesNoParameters(PyObject value) {
            if (value instanceof toy.vm.PyFunction f) return f.code.totalArgs() == 0;
            if (value instanceof PyMethod m && m.func instanceof toy.vm.PyFunction f) {
                return f.code.argcount == 1 && f.code.totalArgs() == 1;
            }
            if (value instanceof PyType t && t.heap && t.mro != null) {
                // as inspect: the first __new__ or __init__ along the MRO decides
                for (PyType base : t.mro) {
                    PyObject m = base.dict.get("__new__");
                    if (m == null) m = base.dict.get("__init__");
                    if (m == null) continue;
                    if (m instanceof PyStaticMethod sm) m = sm.func;
                    if (m instanceof toy.vm.PyFunction f) return f.code.argcount == 1 && f.code.totalArgs() == 1;
                    return base == PyType.OBJECT;
                }
            }
            return false;
        }

        /** The value of a dotted name in __main__ or builtins, or null (attributes only, no calls). */
        private static PyObject lookupDotted(String dotted) {
            Runtime rt = Runtime.get();
            String[] parts = dotted.split("\\.", -1);
            if (parts.length == 0 || parts[0].isEmpty()) return null;
            PyObject main = rt.modules.get("__main__");
            PyObject v = main instanceof PyModule m ? m.dict.get(parts[0]) : null;
            if (v == null) v = rt.builtinsDict.get(parts[0]);
            for (int i = 1; v != null && i < parts.length; i++) {
                if (parts[i].isEmpty()) return null;
                try {
                    v = Ops.getAttrOrNull(v, PyStr.intern(parts[i]));
                } catch (PyException e) {
                    return null;
                }
            }
            return v;
        }
    }
}
