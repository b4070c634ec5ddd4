package toy.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import toy.ast.Expr;
import toy.parse.gen.ToyLexer;
import toy.parse.gen.ToyParser;

/**
 * Chooses the message for a failed parse, standing in for CPython's second "invalid_*" pass.
 * Given the index of the token where the parse failed, it tries, in order: unexpected indent,
 * missing indented block, missing ':', legacy print, missing comma, missing 'else', bad walrus
 * target, trailing comma in an import, a bad target in an earlier statement, and finally plain
 * {@code invalid syntax} at the failing token.
 *
 * <p>Several checks repair the token list (insert ':' or ',') and parse again: if the parse then
 * gets past the failure point, the repair is what CPython's message suggests.
 *
 * <p>The checks for an error inside an expression (missing comma, missing 'else', walrus target)
 * are in {@link ExpressionErrorAnalyzer}, which uses the token-scanning and re-parsing helpers
 * here.
 */
final class ErrorAnalyzer {
    private static final Set<Integer> COMPOUND = Set.of(ToyLexer.IF, ToyLexer.ELIF, ToyLexer.ELSE, ToyLexer.WHILE, ToyLexer.FOR,
            ToyLexer.TRY, ToyLexer.EXCEPT, ToyLexer.FINALLY, ToyLexer.WITH, ToyLexer.DEF, ToyLexer.CLASS);

    private final Parser.Session session;
    private final Parser.Session.Rule rule;
    private final List<Token> tokens;
    private final Errors errors;
    private final ExpressionErrorAnalyzer expressions;
    /** Set when the error lies before the failure point (CPython's parser stopped there). */
    boolean foundBeforeFailure;

    ErrorAnalyzer(Parser.Session session, Parser.Session.Rule rule) {
        this.session = session;
        this.rule = rule;
        this.tokens = session.tokens;
        this.errors = session.errors;
        this.expressions = new ExpressionErrorAnalyzer(this, tokens, errors);
    }

    SyntaxError analyze(int k) {
        k = Math.max(0, Math.min(k, tokens.size() - 1));
        Token t = tokens.get(k);
        SyntaxError e;
        if (t.getType() == ToyLexer.INDENT) {
            return errors.make("IndentationError", "unexpected indent", t.getLine(), t.getCharPositionInLine(), t.getLine(), -1);
        }
        if ((e = indentedBlock(k)) != null) {
            return e;
        }
        if ((e = earlierStatement(k)) != null || (e = earlierFString(k)) != null) {
            foundBeforeFailure = true;
            return e;
        }
        if ((e = tryWithoutHandler(k)) != null) {
            return e;
        }
        if ((e = defWithoutParen(k)) != null) {
            return e;
        }
        if ((e = expectedColon(k)) != null) {
            return e;
        }
        if ((e = expressions.missingComma(k)) != null) {
            return e;
        }
        if ((e = legacyPrint(k)) != null) {
            return e;
        }
        if ((e = expressions.missingElse(k)) != null) {
            return e;
        }
        if ((e = expressions.walrusTarget(k)) != null) {
            return e;
        }
        if (t.getType() == ToyLexer.NEWLINE && k > 0 && tokens.get(k - 1).getType() == ToyLexer.COMMA
                && tokens.get(lineStart(k)).getType() == ToyLexer.FROM) {
            return errors.atToken("trailing comma not allowed without surrounding parentheses", t);
        }
        if ((e = badAnnotationTarget(k)) != null) {
            return e;
        }
        if (t.getType() == ToyLexer.DEDENT || t.getType() == Token.EOF) {
            int line = t.getLine();
            int offset = t.getCharPositionInLine();
            if (atEnd(k)) {
                // at the end of the input CPython's DEDENT/ENDMARKER sit at column 0 of the last line
                int j = k - 1;
                while (j > 0 && tokens.get(j).getType() == ToyLexer.DEDENT) {
                    j--;
                }
                line = tokens.get(Math.max(j, 0)).getLine();
                offset = 0;
            }
            if (t.getType() == ToyLexer.DEDENT) {
                return errors.make("IndentationError", "unexpected unindent", line, offset, line, -1);
            }
            return errors.at("invalid syntax", line, offset, line, offset);
        }
        return errors.atToken("invalid syntax", t);
    }

    // ===== Indentation =====

    private SyntaxError indentedBlock(int k) {
        if (k < 2 || tokens.get(k - 1).getType() != ToyLexer.NEWLINE || tokens.get(k - 2).getType() != ToyLexer.COLON) {
            return null;
        }
        int s = lineStart(k - 1);
        Token kw = tokens.get(s);
        if (kw.getType() == ToyLexer.ASYNC && s + 1 < k) {
            kw = tokens.get(s + 1);
        }
        String what = switch (kw.getType()) {
            case ToyLexer.DEF -> "function definition";
            case ToyLexer.CLASS -> "class definition";
            default -> COMPOUND.contains(kw.getType()) ? "'" + kw.getText() + "' statement" : null;
        };
        if (what == null) {
            return null;
        }
        String msg = "expected an indented block after " + what + " on line " + (kw.getLine() + session.lineDelta);
        Token t = tokens.get(k);
        if (atEnd(k)) {
            Token nl = tokens.get(k - 1);
            return errors.make("IndentationError", msg, nl.getLine(), 0, nl.getLine(), -1);
        }
        if (t.getType() == ToyLexer.DEDENT) {
            return errors.make("IndentationError", msg, t.getLine(), t.getCharPositionInLine(), t.getLine(), -1);
        }
        int[] end = Positions.end(t);
        return errors.make("IndentationError", msg, t.getLine(), t.getCharPositionInLine() + 1, end[0], end[1] + 1);
    }

    /** Index of the first token of the logical line containing token k. */
    int lineStart(int k) {
        int i = Math.min(k, tokens.size() - 1);
        if (i > 0 && tokens.get(i).getType() == ToyLexer.NEWLINE) {
            i--;
        }
        while (i > 0) {
            int type = tokens.get(i - 1).getType();
            if (type == ToyLexer.NEWLINE || type == ToyLexer.INDENT || type == ToyLexer.DEDENT) {
                break;
            }
            i--;
        }
        return i;
    }

    // ===== Re-parsing with a repaired token list =====

    /** Whether parsing gets past index k once {@code insert} is put before token k. */
    private boolean repairHelps(int k, int type, String text) {
        List<Token> copy = new ArrayList<>(tokens.size() + 1);
        for (int i = 0; i < k; i++) {
            copy.add(tokens.get(i));
        }
        Token at = tokens.get(k);
        CommonToken ins = new CommonToken(type, text);
        ins.setLine(at.getLine());
        ins.setCharPositionInLine(at.getCharPositionInLine());
        copy.add(ins);
        for (int i = k; i < tokens.size(); i++) {
            copy.add(tokens.get(i));
        }
        List<Token> reindexed = reindex(copy);
        CommonTokenStream stream = Parser.Session.stream(reindexed);
        ParserRuleContext tree = session.parseRule(stream, rule);
        return tree != null || session.failIndex > k + 1;
    }

    private static List<Token> reindex(List<Token> toks) {
        List<Token> out = new ArrayList<>(toks.size());
        for (Token t : toks) {
            CommonToken c = new CommonToken(t);
            c.setTokenIndex(out.size());
            out.add(c);
        }
        return out;
    }

    /** Parses tokens [from, to) as a whole rule; returns the tree or null. */
    ParserRuleContext parseRange(int from, int to, Parser.Session.Rule r) {
        if (from >= to) {
            return null;
        }
        List<Token> copy = new ArrayList<>(tokens.subList(from, to));
        Token last = tokens.get(to - 1);
        CommonToken eof = new CommonToken(Token.EOF, "<EOF>");
        eof.setLine(last.getLine());
        eof.setCharPositionInLine(last.getCharPositionInLine());
        copy.add(eof);
        List<Token> reindexed = reindex(copy);
        CommonTokenStream stream = Parser.Session.stream(reindexed);
        return session.parseRule(stream, r);
    }

    /** Builds the expression for tokens [from, to), or null if they are not one. */
    Expr exprOf(int from, int to) {
        List<Token> copy = new ArrayList<>(tokens.subList(from, Math.max(from, to)));
        if (copy.isEmpty()) {
            return null;
        }
        Token last = tokens.get(to - 1);
        CommonToken eof = new CommonToken(Token.EOF, "<EOF>");
        eof.setLine(last.getLine());
        eof.setCharPositionInLine(last.getCharPositionInLine());
        copy.add(eof);
        CommonTokenStream stream = Parser.Session.stream(reindex(copy));
        ParserRuleContext tree = session.parseRule(stream, Parser.Session.Rule.TEST);
        if (tree == null) {
            return null;
        }
        try {
            return session.builder(stream).test(((ToyParser.ExprOnlyContext) tree).value);
        } catch (SyntaxError e) {
            return null;
        }
    }

    // ===== Missing ':' =====

    private SyntaxError expectedColon(int k) {
        int s = lineStart(k);
        Token kw = tokens.get(s);
        if (kw.getType() == ToyLexer.ASYNC && s + 1 < tokens.size()) {
            kw = tokens.get(s + 1);
        }
        int type = kw.getType();
        if (!COMPOUND.contains(type) || k <= s) {
            return null;
        }
        for (int i = s; i < k; i++) {
            if (tokens.get(i).getType() == ToyLexer.COLON && depthBetween(s, i) == 0) {
                return null; // the header already has its ':'
            }
        }
        if (type == ToyLexer.DEF) {
            return defColon(s, k);
        }
        Token t = tokens.get(k);
        // 'def', 'try', 'finally' and 'else' demand the ':' wherever it is missing; the others only before a NEWLINE
        boolean forced = type == ToyLexer.DEF || type == ToyLexer.TRY || type == ToyLexer.FINALLY || type == ToyLexer.ELSE;
        if (!forced && t.getType() != ToyLexer.NEWLINE) {
            return null;
        }
        if (type == ToyLexer.ELSE && s > 0 && tokens.get(s - 1).getType() != ToyLexer.DEDENT && !repairHelps(k, ToyLexer.COLON, ":")) {
            return null;
        }
        if (type == ToyLexer.DEF && !defHeaderDone(s, k)) {
            return null;
        }
        if (!repairHelps(k, ToyLexer.COLON, ":")) {
            return null;
        }
        return errors.atToken("expected ':'", t);
    }

    /** def name(params) ['->' expression] &&':' : the ':' is forced once the parameters are parsed. */
    private SyntaxError defColon(int s, int k) {
        int open = tokens.get(s).getType() == ToyLexer.ASYNC ? s + 3 : s + 2;
        if (open >= tokens.size() || tokens.get(open).getType() != ToyLexer.OPEN_PAREN) {
            return null;
        }
        int depth = 0;
        int close = -1;
        for (int i = open; i < tokens.size(); i++) {
            depth += bracketDelta(tokens.get(i));
            if (depth == 0) {
                close = i;
                break;
            }
        }
        if (close < 0 || k <= close || parseRange(open + 1, close, Parser.Session.Rule.PARAMS) == null && close > open + 1) {
            return null;
        }
        int at = close + 1;
        if (tokens.get(at).getType() == ToyLexer.ARROW) {
            int e = prefixEnd(at + 1, Parser.Session.Rule.TEST_PREFIX);
            if (e > at + 1) {
                at = e;
            }
        }
        if (tokens.get(at).getType() == ToyLexer.COLON || at > k) {
            return null;
        }
        return errors.atToken("expected ':'", tokens.get(at));
    }

    /** For def: the ':' is only "expected" once the parameter list (and any '->' annotation) is complete. */
    private boolean defHeaderDone(int s, int k) {
        Token prev = tokens.get(k - 1);
        return prev.getType() == ToyLexer.CLOSE_PAREN || hasArrowBefore(s, k);
    }

    private boolean hasArrowBefore(int s, int k) {
        for (int i = s; i < k; i++) {
            if (tokens.get(i).getType() == ToyLexer.ARROW) {
                return true;
            }
        }
        return false;
    }

    int depthBetween(int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            depth += bracketDelta(tokens.get(i));
        }
        return depth;
    }

    static int bracketDelta(Token t) {
        return switch (t.getType()) {
            case ToyLexer.OPEN_PAREN, ToyLexer.OPEN_BRACK, ToyLexer.OPEN_BRACE -> 1;
            case ToyLexer.CLOSE_PAREN, ToyLexer.CLOSE_BRACK, ToyLexer.CLOSE_BRACE -> -1;
            default -> 0;
        };
    }

    // ===== print "x" =====

    private SyntaxError legacyPrint(int k) {
        if (k < 1) {
            return null;
        }
        Token name = tokens.get(k - 1);
        Token t = tokens.get(k);
        if (name.getType() != ToyLexer.NAME || !(name.getText().equals("print") || name.getText().equals("exec"))
                || t.getType() == ToyLexer.OPEN_PAREN) {
            return null;
        }
        if (k >= 2 && tokens.get(k - 2).getType() == ToyLexer.DOT) {
            return null;
        }
        int end = expressionsEnd(k);
        if (end <= k) {
            return null;
        }
        int[] e = Positions.end(tokens.get(end - 1));
        String n = name.getText();
        return errors.at("Missing parentheses in call to '" + n + "'. Did you mean " + n + "(...)?", name.getLine(),
                name.getCharPositionInLine() + 1, e[0], e[1] + 1);
    }

    /** End (exclusive) of the longest run of tokens from k that parses as comma-separated expressions. */
    private int expressionsEnd(int k) {
        return prefixEnd(k, Parser.Session.Rule.STAR_EXPRS_PREFIX);
    }

    /** Parses from token k as far as {@code r} goes; returns the end index (exclusive), or k. */
    int prefixEnd(int k, Parser.Session.Rule r) {
        int stop = lineEnd(k);
        if (stop <= k) {
            return k;
        }
        List<Token> copy = new ArrayList<>(tokens.subList(k, stop));
        Token last = tokens.get(stop - 1);
        CommonToken eof = new CommonToken(Token.EOF, "<EOF>");
        eof.setLine(last.getLine());
        eof.setCharPositionInLine(last.getCharPositionInLine());
        copy.add(eof);
        CommonTokenStream stream = Parser.Session.stream(reindex(copy));
        ParserRuleContext tree = session.parseRule(stream, r);
        if (tree != null && tree.getStop() != null) {
            return k + tree.getStop().getTokenIndex() + 1;
        }
        // ANTLR commits to an operator it cannot complete ("f * or"): back off and parse exactly
        Parser.Session.Rule exact = switch (r) {
            case TEST_PREFIX -> Parser.Session.Rule.TEST;
            case OR_TEST_PREFIX -> Parser.Session.Rule.OR_TEST;
            default -> Parser.Session.Rule.STAR_EXPRS;
        };
        int fail = k + session.failIndex;
        for (int end = Math.min(fail, stop); end > k && end >= fail - 4; end--) {
            if (parseRange(k, end, exact) != null) {
                return end;
            }
        }
        return k;
    }

    /** Index of the NEWLINE (or EOF/ERRORTOKEN) ending the logical line that contains token k. */
    int lineEnd(int k) {
        int i = k;
        while (i < tokens.size()) {
            int type = tokens.get(i).getType();
            if (type == ToyLexer.NEWLINE || type == Token.EOF || type == ToyLexer.ERRORTOKEN) {
                return i;
            }
            i++;
        }
        return tokens.size() - 1;
    }

    private boolean atEnd(int k) {
        for (int i = k; i < tokens.size(); i++) {
            int type = tokens.get(i).getType();
            if (type == Token.EOF) {
                return true;
            }
            if (type != ToyLexer.DEDENT) {
                return false;
            }
        }
        return true;
    }

    // ===== Other forced tokens =====

    /** {@code try:} whose block is followed by neither except nor finally. */
    private SyntaxError tryWithoutHandler(int k) {
        int i = k;
        if (i >= 1 && tokens.get(i - 1).getType() == ToyLexer.NEWLINE) {
            // try: stmt  (a one-line body) followed by neither except nor finally
            int s = lineStart(i - 1);
            if (tokens.get(s).getType() == ToyLexer.TRY && s + 2 < i && tokens.get(s + 1).getType() == ToyLexer.COLON
                    && tokens.get(s + 2).getType() != ToyLexer.NEWLINE) {
                return handlerMissingAt(k);
            }
        }
        if (i < 1 || tokens.get(i - 1).getType() != ToyLexer.DEDENT) {
            return null;
        }
        // the block that the DEDENT before k closes
        int j = i - 1;
        int depth = 0;
        while (j >= 0) {
            int type = tokens.get(j).getType();
            if (type == ToyLexer.DEDENT) {
                depth++;
            } else if (type == ToyLexer.INDENT) {
                depth--;
                if (depth == 0) {
                    break;
                }
            }
            j--;
        }
        if (j < 3 || tokens.get(j - 1).getType() != ToyLexer.NEWLINE || tokens.get(j - 2).getType() != ToyLexer.COLON
                || tokens.get(j - 3).getType() != ToyLexer.TRY) {
            return null;
        }
        return handlerMissingAt(k);
    }

    private SyntaxError handlerMissingAt(int k) {
        Token t = tokens.get(k);
        String msg = "expected 'except' or 'finally' block";
        if (atEnd(k)) {
            int line = tokens.get(k - 1).getLine();
            return errors.at(msg, line, 0, line, -1);
        }
        if (t.getType() == ToyLexer.DEDENT) {
            return errors.at(msg, t.getLine(), t.getCharPositionInLine(), t.getLine(), -1);
        }
        return errors.atToken(msg, t);
    }

    /** {@code def name} must be followed by '('. */
    private SyntaxError defWithoutParen(int k) {
        int s = lineStart(k);
        if (tokens.get(s).getType() == ToyLexer.ASYNC) {
            s++;
        }
        if (s + 2 != k || tokens.get(s).getType() != ToyLexer.DEF || tokens.get(s + 1).getType() != ToyLexer.NAME) {
            return null;
        }
        return errors.atToken("expected '('", tokens.get(k));
    }

    /**
     * {@code target: annotation} where the target is not a name, attribute or subscript: CPython's
     * first pass stops at the ':' itself.
     */
    private SyntaxError badAnnotationTarget(int k) {
        int s = lineStart(k);
        if (COMPOUND.contains(tokens.get(s).getType()) || tokens.get(s).getType() == ToyLexer.LAMBDA) {
            return null;
        }
        int colon = -1;
        int depth = 0;
        for (int i = s; i < k; i++) {
            Token t = tokens.get(i);
            depth += bracketDelta(t);
            if (depth == 0 && (t.getType() == ToyLexer.COLON || t.getType() == ToyLexer.SEMI_COLON || t.getType() == ToyLexer.ASSIGN
                    || t.getType() == ToyLexer.LAMBDA)) {
                colon = t.getType() == ToyLexer.COLON ? i : -2;
                break;
            }
        }
        if (colon < 0) {
            return null;
        }
        if (parseRange(s, colon, Parser.Session.Rule.STAR_EXPRS_PREFIX) == null) {
            return null;
        }
        Expr head = exprOf(s, colon);
        if (head instanceof Expr.Name || head instanceof Expr.Attribute || head instanceof Expr.Subscript) {
            return null;
        }
        return errors.atToken("invalid syntax", tokens.get(colon));
    }

    /** An f-string before the failure point whose own parse fails: CPython parses it first. */
    private SyntaxError earlierFString(int k) {
        int start = statementStart(k);
        for (int i = start; i < k; i++) {
            if (tokens.get(i).getType() != ToyLexer.STRING) {
                continue;
            }
            int j = i;
            while (j < tokens.size() && tokens.get(j).getType() == ToyLexer.STRING) {
                j++;
            }
            boolean anyF = false;
            for (int x = i; x < j; x++) {
                anyF |= StringLiterals.prefixOf(tokens.get(x).getText()).toLowerCase().contains("f");
            }
            if (anyF && j <= k) {
                List<Token> group = new ArrayList<>(tokens.subList(i, j));
                try {
                    StringLiterals.build(group, toy.ast.Pos.NONE, tokens.get(j), errors,
                            (expr, line, col) -> Parser.parseFStringExpr(expr, line, col, errors.filename(), errors.source()));
                } catch (SyntaxError e) {
                    return e;
                }
            }
            i = j - 1;
        }
        return null;
    }

    /** Index of the first token of the top-level statement containing token k. */
    private int statementStart(int k) {
        int start = 0;
        int depth = 0;
        for (int i = 0; i < k; i++) {
            int type = tokens.get(i).getType();
            if (type == ToyLexer.INDENT) {
                depth++;
            } else if (type == ToyLexer.DEDENT) {
                depth--;
            }
            if (depth == 0 && (type == ToyLexer.NEWLINE || type == ToyLexer.DEDENT)) {
                int j = i + 1;
                while (j < k && tokens.get(j).getType() == ToyLexer.DEDENT) {
                    j++;
                }
                if (j <= k && (j >= tokens.size() || tokens.get(j).getType() != ToyLexer.INDENT)) {
                    start = j;
                }
            }
        }
        return start;
    }

    // ===== Errors in statements before the failure =====

    /**
     * CPython's second pass meets earlier invalid statements (bad targets, argument order) first:
     * build the AST of the complete top-level statements before the failing one to find them.
     */
    private SyntaxError earlierStatement(int k) {
        if (rule != Parser.Session.Rule.FILE) {
            return null;
        }
        int end = -1;
        int depth = 0;
        for (int i = 0; i < k; i++) {
            int type = tokens.get(i).getType();
            if (type == ToyLexer.INDENT) {
                depth++;
            } else if (type == ToyLexer.DEDENT) {
                depth--;
            } else if (type == ToyLexer.NEWLINE) {
                int after = depth;
                for (int j = i + 1; j < tokens.size() && tokens.get(j).getType() == ToyLexer.DEDENT; j++) {
                    after--;
                }
                boolean opensBlock = i + 1 < tokens.size() && tokens.get(i + 1).getType() == ToyLexer.INDENT;
                if (after == 0 && !opensBlock) {
                    end = i + 1 + (depth - after);
                }
            }
        }
        if (end <= 0) {
            return null;
        }
        List<Token> copy = new ArrayList<>(tokens.subList(0, end));
        Token last = tokens.get(end - 1);
        CommonToken eof = new CommonToken(Token.EOF, "<EOF>");
        eof.setLine(last.getLine());
        eof.setCharPositionInLine(last.getCharPositionInLine());
        copy.add(eof);
        CommonTokenStream stream = Parser.Session.stream(reindex(copy));
        ParserRuleContext tree = session.parseRule(stream, Parser.Session.Rule.FILE);
        if (tree == null) {
            return null;
        }
        try {
            session.builder(stream).module((ToyParser.FileInputContext) tree);
        } catch (SyntaxError e) {
            return e;
        }
        return null;
    }
}
