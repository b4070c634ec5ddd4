package toy.parse;

import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import toy.ast.Expr;
import toy.ast.Module;
import toy.parse.gen.ToyLexer;
import toy.parse.gen.ToyParser;

/**
 * The parser facade: source text in, {@link Module} (or {@link Expr}) out, or a
 * {@link SyntaxError} with CPython 3.11's message and location. Nothing else escapes: no ANTLR
 * console output, no other exception.
 *
 * <p>Parsing runs in two stages: ANTLR's fast SLL prediction first and, only if that fails, full
 * LL prediction (which is also what locates the error). When the parse fails, the decision
 * between a tokenizer error and a parser error follows CPython's {@code _PyPegen_set_syntax_error}
 * and {@link ErrorAnalyzer} picks the specific message.
 */
public final class Parser {
    /** Stack size for the parsing thread: deep but legal nesting must not overflow. */
    private static final long PARSER_STACK = 512L * 1024 * 1024;

    private Parser() {
    }

    /** Parses a whole file (CPython's "exec" mode). */
    public static Module parse(String source, String filename) {
        return runGuarded(() -> {
            Session s = new Session(source, filename, 0, 0, null);
            return s.module();
        }, source, filename);
    }

    /**
     * Parses one expression, as {@code eval()} does ("eval" mode). Leading spaces and tabs are
     * stripped first, as the {@code eval} builtin does.
     */
    public static Expr parseExpression(String source, String filename) {
        String stripped = source;
        int i = 0;
        while (i < stripped.length() && (stripped.charAt(i) == ' ' || stripped.charAt(i) == '\t')) {
            i++;
        }
        String text = stripped.substring(i);
        return runGuarded(() -> new Session(text, filename, 0, 0, null).expression(), text, filename);
    }

    private interface Job<T> {
        T run();
    }

    /** Runs a parse on a thread with a large stack and maps every failure to a SyntaxError. */
    private static <T> T runGuarded(Job<T> job, String source, String filename) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Runnable body = () -> {
            try {
                result[0] = job.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        };
        Thread thread = new Thread(null, body, "toy-parser", PARSER_STACK);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure[0];
        if (t == null) {
            @SuppressWarnings("unchecked")
            T r = (T) result[0];
            return r;
        }
        if (t instanceof SyntaxError se) {
            throw se;
        }
        SourceText text = new SourceText(source);
        if (t instanceof StackOverflowError) {
            throw new SyntaxError("SyntaxError", "too many nested parentheses", filename, 1, 0, 1, -1, text.lineText(1));
        }
        if (t instanceof OutOfMemoryError oom) {
            throw oom;
        }
        // A bug in the parser: still report a SyntaxError rather than a Java exception.
        throw new SyntaxError("SyntaxError", "invalid syntax", filename, 1, 0, 1, -1, text.lineText(1));
    }

    /** Parses the text of an f-string replacement field that starts at (line, col) of the file. */
    static Expr parseFStringExpr(String expr, int line, int col, String filename, SourceText source) {
        String text = "(" + expr + ")";
        return new Session(text, filename, line - 1, col - 1, text + "\n").expression();
    }

    /** One parse of one text. */
    static final class Session {
        final String text;
        final String filename;
        final Errors errors;
        final int lineDelta;
        final int colDelta;
        final SourceText source;
        List<Token> tokens;
        ToyLexerBase.TokError lexError;
        int lexErrorIndex = -1;
        List<Token> openBrackets = List.of();

        Session(String text, String filename, int lineDelta, int colDelta, String fstringText) {
            this.text = text;
            this.filename = filename;
            this.lineDelta = lineDelta;
            this.colDelta = colDelta;
            this.source = new SourceText(text);
            this.errors = fstringText == null ? new Errors(filename, source) : new Errors(filename, source, lineDelta, colDelta, fstringText);
            lex();
        }

        private void lex() {
            ToyLexer lexer = new ToyLexer(CharStreams.fromString(text, filename));
            lexer.removeErrorListeners();
            List<Token> out = new ArrayList<>();
            while (true) {
                Token t = lexer.nextToken();
                if (t instanceof CommonToken ct) {
                    ct.setTokenIndex(out.size());
                }
                out.add(t);
                if (t.getType() == ToyLexer.ERRORTOKEN && lexErrorIndex < 0) {
                    lexErrorIndex = out.size() - 1;
                }
                if (t.getType() == Token.EOF) {
                    break;
                }
            }
            tokens = out;
            lexError = lexer.error();
            openBrackets = new ArrayList<>(lexer.openBrackets());
        }

        AstBuilder builder(CommonTokenStream stream) {
            return new AstBuilder(errors, stream, lineDelta, colDelta,
                    (expr, line, col) -> parseFStringExpr(expr, line, col, filename, source));
        }

        Module module() {
            CommonTokenStream stream = stream(tokens);
            ParserRuleContext tree = parseRule(stream, Rule.FILE);
            if (tree == null) {
                throw failure(Rule.FILE);
            }
            return builder(stream).module((ToyParser.FileInputContext) tree);
        }

        Expr expression() {
            CommonTokenStream stream = stream(tokens);
            ParserRuleContext tree = parseRule(stream, Rule.EVAL);
            if (tree == null) {
                throw failure(Rule.EVAL);
            }
            return builder(stream).evalInput((ToyParser.EvalInputContext) tree);
        }

        /** Index of the token where the last failed parse stopped. */
        int failIndex;

        enum Rule { FILE, EVAL, NAMED_EXPR, TEST, TEST_PREFIX, STAR_EXPRS_PREFIX, OR_TEST_PREFIX, OR_TEST, STAR_EXPRS, PARAMS }

        static CommonTokenStream stream(List<Token> toks) {
            CommonTokenStream s = new CommonTokenStream(new ListTokenSource(toks));
            s.fill();
            return s;
        }

        /** Two-stage parse; returns null on failure and sets {@link #failIndex}. */
        ParserRuleContext parseRule(CommonTokenStream stream, Rule rule) {
            ToyParser parser = new ToyParser(stream);
            parser.removeErrorListeners();
            parser.setErrorHandler(new BailErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            try {
                return invoke(parser, rule);
            } catch (ParseCancellationException | RecognitionException e) {
                // fall through to full LL
            }
            stream.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                return invoke(parser, rule);
            } catch (ParseCancellationException e) {
                failIndex = offendingIndex(e.getCause(), stream);
                return null;
            } catch (RecognitionException e) {
                failIndex = offendingIndex(e, stream);
                return null;
            }
        }

        private static int offendingIndex(Throwable cause, CommonTokenStream stream) {
            if (cause instanceof RecognitionException re && re.getOffendingToken() != null) {
                return re.getOffendingToken().getTokenIndex();
            }
            return stream.index();
        }

        private static ParserRuleContext invoke(ToyParser parser, Rule rule) {
            return switch (rule) {
                case FILE -> parser.fileInput();
                case EVAL -> parser.evalInput();
                case NAMED_EXPR -> parser.namedExprOnly();
                case TEST -> parser.exprOnly();
                case TEST_PREFIX -> parser.testPrefix();
                case STAR_EXPRS_PREFIX -> parser.starExprsPrefix();
                case OR_TEST_PREFIX -> parser.orTestPrefix();
                case OR_TEST -> parser.orTestOnly();
                case STAR_EXPRS -> parser.starExprsOnly();
                case PARAMS -> parser.paramsOnly();
            };
        }

        /** The error to report for a failed parse, CPython's way. */
        SyntaxError failure(Rule rule) {
            int k = failIndex;
            if (lexError != null && k >= lexErrorIndex) {
                return tokenizerError();
            }
            ErrorAnalyzer analyzer = new ErrorAnalyzer(this, rule);
            SyntaxError parserError = analyzer.analyze(k);
            if (parserError.msg.equals("unexpected indent")) {
                return parserError; // CPython raises this without looking at the rest of the file
            }
            if (lexError != null) {
                if (lexError.raisedEagerly()) {
                    return tokenizerError();
                }
                if (!openBrackets.isEmpty()) {
                    Token open = openBrackets.get(0);
                    int errLine = analyzer.foundBeforeFailure ? parserError.line - lineDelta
                            : tokens.get(Math.min(k, tokens.size() - 1)).getLine();
                    if (errLine > open.getLine()) {
                        return neverClosed(open);
                    }
                }
            }
            return parserError;
        }

        SyntaxError tokenizerError() {
            ToyLexerBase.TokError e = lexError;
            if (e.what() == ToyLexerBase.TokError.Kind.EOF_IN_BRACKETS && !openBrackets.isEmpty()) {
                return neverClosed(openBrackets.get(0));
            }
            return errors.make(e.kind(), e.msg(), e.line(), e.offset(), e.endLine(), e.endOffset());
        }

        SyntaxError neverClosed(Token open) {
            int col = open.getCharPositionInLine();
            return errors.make("SyntaxError", "'" + open.getText() + "' was never closed", open.getLine(), col + 1, open.getLine(), 0);
        }
    }
}
