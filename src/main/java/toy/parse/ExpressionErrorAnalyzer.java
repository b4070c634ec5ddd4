package toy.parse;

import static toy.parse.ErrorAnalyzer.bracketDelta;

import java.util.List;
import java.util.Set;

import org.antlr.v4.runtime.Token;

import toy.ast.Expr;
import toy.parse.gen.ToyLexer;

/**
 * The checks of {@link ErrorAnalyzer} for an error inside an expression, CPython's
 * {@code invalid_expression} and {@code invalid_named_expression}: two expressions in brackets
 * with no comma between them (or a dict key with no ':' after it), a conditional expression
 * without 'else', and an assignment expression whose target is not a name. Split out of
 * ErrorAnalyzer, which runs these checks among its own and lends them its token-scanning and
 * re-parsing helpers.
 */
final class ExpressionErrorAnalyzer {
    private final ErrorAnalyzer analyzer;
    private final List<Token> tokens;
    private final Errors errors;

    ExpressionErrorAnalyzer(ErrorAnalyzer analyzer, List<Token> tokens, Errors errors) {
        this.analyzer = analyzer;
        this.tokens = tokens;
        this.errors = errors;
    }

    // ===== Missing comma =====

    private static final Set<Integer> SEPARATORS = Set.of(ToyLexer.COMMA, ToyLexer.OPEN_PAREN, ToyLexer.OPEN_BRACK,
            ToyLexer.OPEN_BRACE, ToyLexer.ASSIGN, ToyLexer.COLON, ToyLexer.WALRUS, ToyLexer.LAMBDA, ToyLexer.IF, ToyLexer.ELSE,
            ToyLexer.FOR, ToyLexer.IN, ToyLexer.YIELD, ToyLexer.RETURN, ToyLexer.STAR, ToyLexer.POWER, ToyLexer.NEWLINE,
            ToyLexer.INDENT, ToyLexer.DEDENT, ToyLexer.SEMI_COLON, ToyLexer.FROM, ToyLexer.AWAIT, ToyLexer.ASYNC);

    /** Start index of the expression ending just before k, scanning back at the same bracket depth. */
    private int expressionStart(int k) {
        int depth = 0;
        int i = k - 1;
        while (i >= 0) {
            Token t = tokens.get(i);
            int d = bracketDelta(t);
            if (depth == 0 && (d > 0 || SEPARATORS.contains(t.getType()) && d == 0)) {
                if (t.getType() == ToyLexer.IN && i > 0 && tokens.get(i - 1).getType() == ToyLexer.NOT) {
                    i -= 2;
                    continue;
                }
                if (t.getType() == ToyLexer.STAR || t.getType() == ToyLexer.POWER) {
                    // a binary operator unless it starts an item
                    Token before = i > 0 ? tokens.get(i - 1) : null;
                    if (before != null && !SEPARATORS.contains(before.getType()) && bracketDelta(before) <= 0) {
                        i--;
                        continue;
                    }
                }
                return i + 1;
            }
            depth -= d;
            if (depth < 0) {
                return i + 1;
            }
            i--;
        }
        return 0;
    }

    private int openDepth(int k) {
        return analyzer.depthBetween(0, k);
    }

    /**
     * CPython's invalid_expression: somewhere in the failing logical line a disjunction is
     * directly followed by another expression, inside brackets. The candidates are tried left
     * to right, as CPython's second pass meets them.
     */
    SyntaxError missingComma(int k) {
        int s0 = analyzer.lineStart(k);
        int first = tokens.get(s0).getType();
        if (first == ToyLexer.IMPORT || first == ToyLexer.FROM) {
            return null; // import lists are names, not expressions
        }
        int end = analyzer.lineEnd(k);
        int lastCandidate = k;
        if (bracketDelta(tokens.get(k)) > 0) {
            // CPython's second pass also parses into a display that opens where the first pass failed
            lastCandidate = end - 1;
        }
        int budget = 120;
        for (int s = s0; s <= lastCandidate && s < end && budget > 0; s++) {
            if (s > k && EXPRESSION_OPENERS.contains(tokens.get(s - 1).getType()) && !startsExpression(tokens.get(s))
                    && tokens.get(s).getType() != ToyLexer.STAR && tokens.get(s).getType() != ToyLexer.POWER
                    && bracketDelta(tokens.get(s)) >= 0) {
                break; // past the failure point, parsing stops at the first thing that is not an expression
            }
            if (!commaCandidate(s, s0) || inDefParameters(s, s0)) {
                continue;
            }
            budget--;
            Token a0 = tokens.get(s);
            int e = analyzer.prefixEnd(s, Parser.Session.Rule.OR_TEST_PREFIX);
            if (e <= s || e >= end || !startsExpression(tokens.get(e))) {
                continue;
            }
            if (e == s + 1 && a0.getType() == ToyLexer.NAME && (a0.getText().equals("print") || a0.getText().equals("exec"))) {
                continue;
            }
            int f = analyzer.prefixEnd(e, Parser.Session.Rule.TEST_PREFIX);
            if (f <= e || analyzer.depthBetween(0, f) == 0) {
                continue;
            }
            if (isDictKeyPosition(s)) {
                int[] keyEnd = Positions.end(tokens.get(e - 1));
                return errors.at("':' expected after dictionary key", keyEnd[0], keyEnd[1], keyEnd[0], 0);
            }
            int[] last = Positions.end(tokens.get(f - 1));
            return errors.at("invalid syntax. Perhaps you forgot a comma?", a0.getLine(), a0.getCharPositionInLine() + 1, last[0],
                    last[1] + 1);
        }
        return null;
    }

    private static final Set<Integer> EXPRESSION_OPENERS = Set.of(ToyLexer.COMMA, ToyLexer.OPEN_PAREN, ToyLexer.OPEN_BRACK,
            ToyLexer.OPEN_BRACE, ToyLexer.ASSIGN, ToyLexer.COLON, ToyLexer.WALRUS, ToyLexer.IF, ToyLexer.ELSE, ToyLexer.ELIF,
            ToyLexer.WHILE, ToyLexer.RETURN, ToyLexer.IN, ToyLexer.ASSERT, ToyLexer.RAISE, ToyLexer.ARROW, ToyLexer.ADD_ASSIGN,
            ToyLexer.SUB_ASSIGN, ToyLexer.MULT_ASSIGN, ToyLexer.AT_ASSIGN, ToyLexer.DIV_ASSIGN, ToyLexer.MOD_ASSIGN,
            ToyLexer.AND_ASSIGN, ToyLexer.OR_ASSIGN, ToyLexer.XOR_ASSIGN, ToyLexer.LSHIFT_ASSIGN, ToyLexer.RSHIFT_ASSIGN,
            ToyLexer.POWER_ASSIGN, ToyLexer.IDIV_ASSIGN, ToyLexer.SEMI_COLON, ToyLexer.FOR);

    /** Whether an expression (the 'a' of "a b") may start at token s. */
    private boolean commaCandidate(int s, int s0) {
        Token t = tokens.get(s);
        if (!startsExpression(t)) {
            return false;
        }
        if (t.getType() == ToyLexer.NAME && (t.getText().equals("match") || t.getText().equals("case") || t.getText().equals("_"))) {
            return false;
        }
        if (t.getType() == ToyLexer.NAME && s + 1 < tokens.size() && tokens.get(s + 1).getType() == ToyLexer.STRING) {
            return false;
        }
        if (s == s0) {
            return true;
        }
        Token prev = tokens.get(s - 1);
        if (t.getType() == ToyLexer.STRING && prev.getType() == ToyLexer.NAME) {
            return true;
        }
        int type = prev.getType();
        if (!EXPRESSION_OPENERS.contains(type)) {
            return false;
        }
        if (type == ToyLexer.IF || type == ToyLexer.IN) {
            // a comprehension's condition and iterable are disjunctions: no hint there
            int depth = 0;
            for (int i = s - 2; i >= s0; i--) {
                int d = bracketDelta(tokens.get(i));
                if (depth == 0 && d > 0) {
                    break;
                }
                depth -= d;
                if (depth == 0 && tokens.get(i).getType() == ToyLexer.FOR) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether token s is inside the parameter list of a def header that starts at s0. */
    private boolean inDefParameters(int s, int s0) {
        int d = tokens.get(s0).getType() == ToyLexer.ASYNC ? s0 + 1 : s0;
        if (tokens.get(d).getType() != ToyLexer.DEF && tokens.get(d).getType() != ToyLexer.LAMBDA) {
            return false;
        }
        int depth = 0;
        for (int i = d; i < s; i++) {
            depth += bracketDelta(tokens.get(i));
            if (depth == 0 && tokens.get(i).getType() == ToyLexer.CLOSE_PAREN) {
                return false;
            }
        }
        // parameter names are not expressions; annotations and defaults are
        int prev = tokens.get(s - 1).getType();
        return depth == 1 && (prev == ToyLexer.COMMA || prev == ToyLexer.OPEN_PAREN);
    }

    /** Whether token s starts a key of a dict display ({a: b, KEY ...} or {**m, KEY ...}). */
    private boolean isDictKeyPosition(int s) {
        Token prev = tokens.get(s - 1);
        if (prev.getType() != ToyLexer.COMMA && prev.getType() != ToyLexer.OPEN_BRACE) {
            return false;
        }
        int depth = 0;
        boolean dict = false;
        for (int i = s - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            int d = bracketDelta(t);
            if (depth == 0 && d > 0) {
                return t.getType() == ToyLexer.OPEN_BRACE && dict;
            }
            depth -= d;
            if (depth == 0 && (t.getType() == ToyLexer.COLON || t.getType() == ToyLexer.POWER)) {
                dict = true;
            }
            if (depth == 0 && t.getType() == ToyLexer.FOR) {
                return false;
            }
        }
        return false;
    }

    private static boolean startsExpression(Token t) {
        return switch (t.getType()) {
            case ToyLexer.NAME, ToyLexer.NUMBER, ToyLexer.STRING, ToyLexer.OPEN_PAREN, ToyLexer.OPEN_BRACK, ToyLexer.OPEN_BRACE,
                    ToyLexer.NONE, ToyLexer.TRUE, ToyLexer.FALSE, ToyLexer.ELLIPSIS, ToyLexer.NOT_OP, ToyLexer.LAMBDA, ToyLexer.AWAIT,
                    ToyLexer.NOT, ToyLexer.IMAG_NUMBER -> true;
            default -> false;
        };
    }

    // ===== Missing else =====

    SyntaxError missingElse(int k) {
        Token t = tokens.get(k);
        if (t.getType() == ToyLexer.ELSE || t.getType() == ToyLexer.COLON) {
            return null;
        }
        int bStart = expressionStartNoIf(k);
        if (bStart < 1 || tokens.get(bStart - 1).getType() != ToyLexer.IF) {
            return null;
        }
        int ifIndex = bStart - 1;
        int aStart = expressionStart(ifIndex);
        if (aStart >= ifIndex || analyzer.lineStart(ifIndex) == ifIndex) {
            return null;
        }
        if (aStart > 0 && (tokens.get(aStart - 1).getType() == ToyLexer.IN || tokens.get(aStart - 1).getType() == ToyLexer.ELIF)) {
            return null;
        }
        for (int i = analyzer.lineStart(ifIndex); i < ifIndex; i++) {
            if (tokens.get(i).getType() == ToyLexer.FOR && analyzer.depthBetween(i, ifIndex) == 0) {
                return null; // a comprehension's if
            }
        }
        if (analyzer.parseRange(aStart, ifIndex, Parser.Session.Rule.TEST) == null
                || analyzer.parseRange(bStart, k, Parser.Session.Rule.TEST) == null) {
            return null;
        }
        Token a0 = tokens.get(aStart);
        int[] end = Positions.end(tokens.get(k - 1));
        return errors.at("expected 'else' after 'if' expression", a0.getLine(), a0.getCharPositionInLine() + 1, end[0], end[1] + 1);
    }

    /** Like {@link #expressionStart} but stops at IF (the start of the condition). */
    private int expressionStartNoIf(int k) {
        int depth = 0;
        int i = k - 1;
        while (i >= 0) {
            Token t = tokens.get(i);
            int d = bracketDelta(t);
            if (depth == 0 && (d > 0 || SEPARATORS.contains(t.getType()) && d == 0)) {
                return i + 1;
            }
            depth -= d;
            if (depth < 0) {
                return i + 1;
            }
            i--;
        }
        return 0;
    }

    // ===== Walrus =====

    SyntaxError walrusTarget(int k) {
        Token t = tokens.get(k);
        if (t.getType() != ToyLexer.WALRUS || openDepth(k) == 0) {
            return null;
        }
        int aStart = expressionStart(k);
        Expr target = analyzer.exprOf(aStart, k);
        if (target == null || target instanceof Expr.Name) {
            return null;
        }
        return errors.atNode("cannot use assignment expressions with " + Targets.exprName(target), target);
    }
}
