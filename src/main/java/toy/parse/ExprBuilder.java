package toy.parse;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

import toy.ast.CmpOp;
import toy.ast.Comprehension;
import toy.ast.Expr;
import toy.ast.Expr.Ctx;
import toy.ast.Keyword;
import toy.ast.Operator;
import toy.ast.Pos;
import toy.ast.UnaryOp;
import toy.parse.gen.ToyParser;
import toy.parse.gen.ToyParser.*;

/** Builds {@link Expr} nodes from expression parse trees; base of {@link AstBuilder}. */
class ExprBuilder {
    /** Positional and keyword arguments of a call or class header. */
    record CallArgs(List<Expr> args, List<Keyword> keywords) {
        static final CallArgs NONE = new CallArgs(List.of(), List.of());
    }

    final Errors errors;
    private final TokenStream tokens;
    private final int lineDelta;
    private final int colDelta;
    private final StringLiterals.ExprParser exprParser;

    ExprBuilder(Errors errors, TokenStream tokens, int lineDelta, int colDelta, StringLiterals.ExprParser exprParser) {
        this.errors = errors;
        this.tokens = tokens;
        this.lineDelta = lineDelta;
        this.colDelta = colDelta;
        this.exprParser = exprParser;
    }

    // ===== Positions =====

    final int mapLine(int line) {
        return line + lineDelta;
    }

    final int mapCol(int line, int col) {
        return line == 1 ? col + colDelta : col;
    }

    final Pos pos(ParserRuleContext ctx) {
        return pos(ctx.getStart(), ctx.getStop());
    }

    final Pos pos(Token start, Token stop) {
        if (stop == null || stop.getTokenIndex() < start.getTokenIndex()) {
            stop = start;
        }
        int[] e = Positions.end(stop);
        return new Pos(mapLine(start.getLine()), mapCol(start.getLine(), start.getCharPositionInLine()), mapLine(e[0]),
                mapCol(e[0], e[1]));
    }

    final Pos pos(Token t) {
        return pos(t, t);
    }

    static Pos span(Pos a, Pos b) {
        return new Pos(a.line(), a.col(), b.endLine(), b.endCol());
    }

    private Token tokenAfter(ParserRuleContext ctx) {
        int i = ctx.getStop().getTokenIndex() + 1;
        return i < tokens.size() ? tokens.get(i) : ctx.getStop();
    }

    // ===== Values =====

    /** A value position (assignment RHS, return, for-iterable): a bare starred item is an error. */
    final Expr valueOf(StarOrYieldContext ctx) {
        Expr e = starOrYield(ctx);
        noBareStar(e);
        return e;
    }

    final Expr valueOf(StarExprsContext ctx) {
        Expr e = starExprs(ctx);
        noBareStar(e);
        return e;
    }

    final void noBareStar(Expr e) {
        if (e instanceof Expr.Starred) {
            throw errors.atNode("can't use starred expression here", e);
        }
    }

    final Expr starOrYield(StarOrYieldContext ctx) {
        if (ctx instanceof YieldValueContext y) {
            return yieldExpr(y.yieldExpr());
        }
        return starExprs(((StarValueContext) ctx).starExprs());
    }

    final Expr yieldExpr(YieldExprContext ctx) {
        if (ctx.from != null) {
            return new Expr.YieldFrom(pos(ctx), test(ctx.from));
        }
        return new Expr.Yield(pos(ctx), ctx.value == null ? null : valueOf(ctx.value));
    }

    final Expr starExprs(StarExprsContext ctx) {
        if (ctx.items.size() == 1 && ctx.trailing == null) {
            return starExpr(ctx.items.get(0));
        }
        List<Expr> elts = new ArrayList<>(ctx.items.size());
        for (StarExprContext s : ctx.items) {
            elts.add(starExpr(s));
        }
        return new Expr.Tuple(pos(ctx), List.copyOf(elts), Ctx.LOAD);
    }

    private Expr starExpr(StarExprContext ctx) {
        if (ctx instanceof StarredExprContext s) {
            return new Expr.Starred(pos(s), expr(s.value), Ctx.LOAD);
        }
        return test(((PlainExprContext) ctx).test());
    }

    private Expr starNamed(StarNamedExprContext ctx) {
        if (ctx instanceof StarredNamedContext s) {
            return new Expr.Starred(pos(s), expr(s.value), Ctx.LOAD);
        }
        return namedExpr(((PlainNamedContext) ctx).namedExpr());
    }

    final Expr namedExpr(NamedExprContext ctx) {
        if (ctx instanceof WalrusContext w) {
            Expr.Name target = new Expr.Name(pos(w.target), w.target.getText(), Ctx.STORE);
            return new Expr.NamedExpr(pos(w), target, test(w.value));
        }
        return test(((NotWalrusContext) ctx).test());
    }

    final Expr test(TestContext ctx) {
        if (ctx instanceof LambdaExprContext l) {
            toy.ast.Arguments args = l.params == null ? toy.ast.Arguments.EMPTY : Params.fromLambda(l.params, this);
            return new Expr.Lambda(pos(l), args, test(l.body_));
        }
        CondExprContext c = (CondExprContext) ctx;
        Expr body = orTest(c.body);
        if (c.cond == null) {
            return body;
        }
        return new Expr.IfExp(pos(c), orTest(c.cond), body, test(c.orelse));
    }

    final Expr orTest(OrTestContext ctx) {
        if (ctx.operands.size() == 1) {
            return andTest(ctx.operands.get(0));
        }
        List<Expr> values = new ArrayList<>();
        for (AndTestContext a : ctx.operands) {
            values.add(andTest(a));
        }
        return new Expr.BoolOp(pos(ctx), false, List.copyOf(values));
    }

    private Expr andTest(AndTestContext ctx) {
        if (ctx.operands.size() == 1) {
            return notTest(ctx.operands.get(0));
        }
        List<Expr> values = new ArrayList<>();
        for (NotTestContext n : ctx.operands) {
            values.add(notTest(n));
        }
        return new Expr.BoolOp(pos(ctx), true, List.copyOf(values));
    }

    private Expr notTest(NotTestContext ctx) {
        if (ctx instanceof NotExprContext n) {
            return new Expr.UnaryOpExpr(pos(n), UnaryOp.NOT, notTest(n.operand));
        }
        ComparisonContext c = ((ComparisonExprContext) ctx).comparison();
        Expr first = expr(c.first);
        if (c.ops.isEmpty()) {
            return first;
        }
        List<CmpOp> ops = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        for (int i = 0; i < c.ops.size(); i++) {
            ops.add(cmpOp(c.ops.get(i)));
            rest.add(expr(c.rest.get(i)));
        }
        return new Expr.Compare(pos(c), first, List.copyOf(ops), List.copyOf(rest));
    }

    private static CmpOp cmpOp(CompOpContext ctx) {
        if (ctx instanceof LtContext) return CmpOp.LT;
        if (ctx instanceof GtContext) return CmpOp.GT;
        if (ctx instanceof EqContext) return CmpOp.EQ;
        if (ctx instanceof GteContext) return CmpOp.GTE;
        if (ctx instanceof LteContext) return CmpOp.LTE;
        if (ctx instanceof NoteqContext) return CmpOp.NOTEQ;
        if (ctx instanceof InContext) return CmpOp.IN;
        if (ctx instanceof NotInContext) return CmpOp.NOTIN;
        if (ctx instanceof IsContext) return CmpOp.IS;
        return CmpOp.ISNOT;
    }

    /** Whether a test is syntactically a bitwise_or (no comparison, not, and/or, if-else, lambda). */
    static boolean isBitwiseOr(TestContext ctx) {
        if (!(ctx instanceof CondExprContext c) || c.cond != null || c.body.operands.size() != 1) {
            return false;
        }
        AndTestContext a = c.body.operands.get(0);
        if (a.operands.size() != 1 || !(a.operands.get(0) instanceof ComparisonExprContext ce)) {
            return false;
        }
        return ce.comparison().ops.isEmpty();
    }

    final Expr expr(ExprContext ctx) {
        // Iterative on the left spine so that long chains (a + b + c + ...) do not recurse deeply.
        if (ctx instanceof PrimaryExprContext p) {
            return primary(p.primary());
        }
        if (ctx instanceof AwaitExprContext a) {
            return new Expr.Await(pos(a), primary(a.operand));
        }
        if (ctx instanceof UnaryExprContext u) {
            UnaryOp op = switch (u.op.getType()) {
                case ToyParser.ADD -> UnaryOp.UADD;
                case ToyParser.MINUS -> UnaryOp.USUB;
                default -> UnaryOp.INVERT;
            };
            return new Expr.UnaryOpExpr(pos(u), op, expr(u.operand_));
        }
        List<ExprContext> chain = new ArrayList<>();
        ExprContext cur = ctx;
        while (isBinary(cur) && !(cur instanceof PowerExprContext)) {
            chain.add(cur);
            cur = cur.getRuleContext(ExprContext.class, 0);
        }
        Expr left = cur instanceof PowerExprContext pw ? power(pw) : expr(cur);
        for (int i = chain.size() - 1; i >= 0; i--) {
            ExprContext b = chain.get(i);
            Token op = ((Token) b.getChild(1).getPayload());
            Expr right = expr(b.getRuleContext(ExprContext.class, 1));
            left = new Expr.BinOp(pos(b), left, binOp(op), right);
        }
        return left;
    }

    private Expr power(PowerExprContext p) {
        return new Expr.BinOp(pos(p), expr(p.left), Operator.POW, expr(p.right));
    }

    private static boolean isBinary(ExprContext ctx) {
        return ctx instanceof PowerExprContext || ctx instanceof MulExprContext || ctx instanceof AddExprContext
                || ctx instanceof ShiftExprContext || ctx instanceof BitAndExprContext || ctx instanceof BitXorExprContext
                || ctx instanceof BitOrExprContext;
    }

    private static Operator binOp(Token t) {
        return switch (t.getType()) {
            case ToyParser.STAR -> Operator.MULT;
            case ToyParser.DIV -> Operator.DIV;
            case ToyParser.MOD -> Operator.MOD;
            case ToyParser.IDIV -> Operator.FLOORDIV;
            case ToyParser.AT -> Operator.MATMULT;
            case ToyParser.ADD -> Operator.ADD;
            case ToyParser.MINUS -> Operator.SUB;
            case ToyParser.LEFT_SHIFT -> Operator.LSHIFT;
            case ToyParser.RIGHT_SHIFT -> Operator.RSHIFT;
            case ToyParser.AND_OP -> Operator.BITAND;
            case ToyParser.XOR -> Operator.BITXOR;
            case ToyParser.OR_OP -> Operator.BITOR;
            default -> Operator.POW;
        };
    }

    final Expr primary(PrimaryContext ctx) {
        // Walk down the left spine (a.b.c(d)[e]) iteratively.
        List<PrimaryContext> chain = new ArrayList<>();
        PrimaryContext cur = ctx;
        while (!(cur instanceof AtomPrimaryContext)) {
            chain.add(cur);
            cur = cur.getRuleContext(PrimaryContext.class, 0);
        }
        Expr value = atom(((AtomPrimaryContext) cur).atom());
        for (int i = chain.size() - 1; i >= 0; i--) {
            PrimaryContext p = chain.get(i);
            Pos pos = pos(p);
            if (p instanceof AttributeRefContext a) {
                value = new Expr.Attribute(pos, value, a.attr.getText(), Ctx.LOAD);
            } else if (p instanceof CallContext c) {
                CallArgs args = c.args == null ? CallArgs.NONE : callArgs(c.args);
                value = new Expr.Call(pos, value, args.args(), args.keywords());
            } else {
                value = new Expr.Subscript(pos, value, slices(((SubscriptContext) p).index), Ctx.LOAD);
            }
        }
        return value;
    }

    private Expr slices(SlicesContext ctx) {
        List<Expr> items = new ArrayList<>();
        boolean anyStar = false;
        for (SliceItemContext s : ctx.items) {
            Expr e = sliceItem(s);
            anyStar |= e instanceof Expr.Starred;
            items.add(e);
        }
        if (items.size() == 1 && ctx.trailing == null && !anyStar) {
            return items.get(0);
        }
        return new Expr.Tuple(pos(ctx), List.copyOf(items), Ctx.LOAD);
    }

    private Expr sliceItem(SliceItemContext ctx) {
        if (ctx instanceof SliceRangeContext r) {
            return new Expr.Slice(pos(r), r.lower == null ? null : test(r.lower), r.upper == null ? null : test(r.upper),
                    r.step == null ? null : test(r.step));
        }
        if (ctx instanceof StarredIndexContext s) {
            return new Expr.Starred(pos(s), expr(s.value), Ctx.LOAD);
        }
        return namedExpr(((PlainIndexContext) ctx).namedExpr());
    }

    // ===== Call arguments =====

    final CallArgs callArgs(ArgListContext ctx) {
        List<Expr> args = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        boolean seenKeyword = false;
        boolean seenKwUnpack = false;
        Set<String> names = new HashSet<>();
        int n = ctx.items.size();
        for (int i = 0; i < n; i++) {
            ArgumentContext a = ctx.items.get(i);
            if (a instanceof PositionalArgContext p) {
                if (p.comp != null && (n > 1)) {
                    Expr elt = namedExpr(p.value);
                    List<Comprehension> gens = comprehensions(p.comp);
                    throw errors.range("Generator expression must be parenthesized", elt.pos(), lastComprehensionItem(gens).pos());
                }
                if (seenKeyword || seenKwUnpack) {
                    throw errors.atToken(seenKwUnpack ? "positional argument follows keyword argument unpacking"
                            : "positional argument follows keyword argument", tokenAfter(p));
                }
                if (p.comp != null) {
                    // f(x for x in y): the generator expression spans the call's parentheses
                    ParserRuleContext call = ctx.getParent();
                    Token open = tokens.get(ctx.getStart().getTokenIndex() - 1);
                    Token close = tokenAfter(ctx);
                    args.add(new Expr.GeneratorExp(pos(open, close), namedExpr(p.value), comprehensions(p.comp)));
                } else {
                    args.add(namedExpr(p.value));
                }
            } else if (a instanceof StarArgContext s) {
                if (seenKwUnpack) {
                    throw errors.atToken("iterable argument unpacking follows keyword argument unpacking", s.getStart());
                }
                args.add(new Expr.Starred(pos(s), test(s.value_), Ctx.LOAD));
            } else if (a instanceof DoubleStarArgContext d) {
                seenKwUnpack = true;
                keywords.add(new Keyword(pos(d), null, test(d.value_)));
            } else {
                KeywordArgContext k = (KeywordArgContext) a;
                Expr key = test(k.key);
                Token eq = k.ASSIGN().getSymbol();
                if (key instanceof Expr.Constant c && (c.value() instanceof Boolean || c.value() == Expr.ConstantKind.NONE)
                        && k.key.getStart() == k.key.getStop()) {
                    throw errors.range("cannot assign to " + Targets.exprName(key), key.pos(), pos(eq));
                }
                if (!(key instanceof Expr.Name) || k.key.getStart() != k.key.getStop()) {
                    throw errors.range("expression cannot contain assignment, perhaps you meant \"==\"?", key.pos(), pos(eq));
                }
                String name = ((Expr.Name) key).id();
                if (!names.add(name)) {
                    throw errors.atPos("keyword argument repeated: " + name, pos(k));
                }
                seenKeyword = true;
                keywords.add(new Keyword(pos(k), name, test(k.value_)));
            }
        }
        return new CallArgs(List.copyOf(args), List.copyOf(keywords));
    }

    private static Expr lastComprehensionItem(List<Comprehension> gens) {
        Comprehension last = gens.get(gens.size() - 1);
        return last.ifs().isEmpty() ? last.iter() : last.ifs().get(last.ifs().size() - 1);
    }

    // ===== Comprehensions =====

    final List<Comprehension> comprehensions(CompForContext ctx) {
        List<Comprehension> out = new ArrayList<>();
        for (CompClauseContext c : ctx.clauses) {
            Expr target = Targets.convert(exprList(c.target), Targets.Kind.FOR_TARGETS, errors);
            List<Expr> ifs = new ArrayList<>();
            for (OrTestContext o : c.ifs) {
                ifs.add(orTest(o));
            }
            out.add(new Comprehension(target, orTest(c.iter), List.copyOf(ifs), c.ASYNC() != null));
        }
        return List.copyOf(out);
    }

    final Expr exprList(ExprListContext ctx) {
        if (ctx.items.size() == 1 && ctx.trailing == null) {
            return exprListItem(ctx.items.get(0));
        }
        List<Expr> elts = new ArrayList<>();
        for (ExprListItemContext i : ctx.items) {
            elts.add(exprListItem(i));
        }
        return new Expr.Tuple(pos(ctx), List.copyOf(elts), Ctx.LOAD);
    }

    final Expr exprListItem(ExprListItemContext ctx) {
        if (ctx instanceof StarredTargetContext s) {
            return new Expr.Starred(pos(s), expr(s.value), Ctx.LOAD);
        }
        return expr(((PlainTargetContext) ctx).expr());
    }

    // ===== Atoms =====

    private Expr atom(AtomContext ctx) {
        Pos pos = pos(ctx);
        if (ctx instanceof NameAtomContext) {
            return new Expr.Name(pos, ctx.getText(), Ctx.LOAD);
        }
        if (ctx instanceof NumberAtomContext n) {
            return new Expr.Constant(pos, number(n.NUMBER().getSymbol()));
        }
        if (ctx instanceof ImagAtomContext) {
            throw errors.atPos("imaginary literals are not supported", pos);
        }
        if (ctx instanceof StringAtomContext s) {
            return StringLiterals.build(s.parts, pos, tokenAfter(s), errors, exprParser);
        }
        if (ctx instanceof NoneAtomContext) {
            return new Expr.Constant(pos, Expr.ConstantKind.NONE);
        }
        if (ctx instanceof TrueAtomContext) {
            return new Expr.Constant(pos, Boolean.TRUE);
        }
        if (ctx instanceof FalseAtomContext) {
            return new Expr.Constant(pos, Boolean.FALSE);
        }
        if (ctx instanceof EllipsisAtomContext) {
            return new Expr.Constant(pos, Expr.ConstantKind.ELLIPSIS);
        }
        if (ctx instanceof ParenAtomContext p) {
            if (p.yield_ != null) {
                return yieldExpr(p.yield_);
            }
            if (p.body == null) {
                return new Expr.Tuple(pos, List.of(), Ctx.LOAD);
            }
            ParenBodyContext b = p.body;
            Expr first = starNamed(b.first);
            if (b.comp != null) {
                return new Expr.GeneratorExp(pos, first, comprehensions(b.comp));
            }
            if (b.rest.isEmpty() && b.trailing == null) {
                if (first instanceof Expr.Starred) {
                    throw errors.atNode("cannot use starred expression here", first);
                }
                return first;
            }
            List<Expr> elts = new ArrayList<>();
            elts.add(first);
            for (StarNamedExprContext s : b.rest) {
                elts.add(starNamed(s));
            }
            return new Expr.Tuple(pos, List.copyOf(elts), Ctx.LOAD);
        }
        if (ctx instanceof ListAtomContext l) {
            if (l.body == null) {
                return new Expr.ListExpr(pos, List.of(), Ctx.LOAD);
            }
            Expr first = starNamed(l.body.first);
            if (l.body.comp != null) {
                return new Expr.ListComp(pos, first, comprehensions(l.body.comp));
            }
            List<Expr> elts = new ArrayList<>();
            elts.add(first);
            for (StarNamedExprContext s : l.body.rest) {
                elts.add(starNamed(s));
            }
            return new Expr.ListExpr(pos, List.copyOf(elts), Ctx.LOAD);
        }
        BraceAtomContext b = (BraceAtomContext) ctx;
        if (b.body == null) {
            return new Expr.Dict(pos, List.of(), List.of());
        }
        if (b.body instanceof SetBodyContext s) {
            Expr first = starNamed(s.first_);
            if (s.comp != null) {
                return new Expr.SetComp(pos, first, comprehensions(s.comp));
            }
            List<Expr> elts = new ArrayList<>();
            elts.add(first);
            for (StarNamedExprContext x : s.rest_) {
                elts.add(starNamed(x));
            }
            return new Expr.SetExpr(pos, List.copyOf(elts));
        }
        DictBodyContext d = (DictBodyContext) b.body;
        if (d.comp != null) {
            if (!(d.first instanceof KeyValueContext kv)) {
                throw errors.atPos("dict unpacking cannot be used in dict comprehension", pos(d.first));
            }
            return new Expr.DictComp(pos, test(kv.key), test(kv.value), comprehensions(d.comp));
        }
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        List<DictItemContext> items = new ArrayList<>();
        items.add(d.first);
        items.addAll(d.rest);
        for (DictItemContext item : items) {
            if (item instanceof KeyValueContext kv) {
                keys.add(test(kv.key));
                values.add(test(kv.value));
            } else {
                keys.add(null);
                values.add(expr(((DictUnpackContext) item).mapping));
            }
        }
        return new Expr.Dict(pos, java.util.Collections.unmodifiableList(keys), List.copyOf(values));
    }

    /** The value of a NUMBER token: Long if it fits, else BigInteger; Double for floats. */
    static Object number(Token t) {
        String text = t.getText().replace("_", "");
        String lower = text.toLowerCase();
        int radix = 10;
        String digits = text;
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = text.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = text.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = text.substring(2);
        } else if (lower.contains(".") || lower.contains("e")) {
            return Double.parseDouble(text);
        }
        BigInteger v = new BigInteger(digits, radix);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }
}
