package toy.parse;

import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

import toy.ast.Alias;
import toy.ast.ExceptHandler;
import toy.ast.Expr;
import toy.ast.Expr.Ctx;
import toy.ast.Module;
import toy.ast.Operator;
import toy.ast.Pos;
import toy.ast.Stmt;
import toy.ast.WithItem;
import toy.parse.gen.ToyParser;
import toy.parse.gen.ToyParser.*;

/**
 * Builds the {@code toy.ast} tree from the parse tree: statements here, expressions in
 * {@link ExprBuilder}. Checks that the grammar leaves open (targets, argument order) raise
 * {@link SyntaxError}s with CPython 3.11's messages and locations.
 */
final class AstBuilder extends ExprBuilder {

    AstBuilder(Errors errors, TokenStream tokens, int lineDelta, int colDelta, StringLiterals.ExprParser exprParser) {
        super(errors, tokens, lineDelta, colDelta, exprParser);
    }

    Module module(FileInputContext ctx) {
        List<Stmt> body = new ArrayList<>();
        for (StmtContext s : ctx.stmts) {
            body.addAll(statements(s));
        }
        return new Module(List.copyOf(body));
    }

    Expr evalInput(EvalInputContext ctx) {
        return valueOf(ctx.body);
    }

    // ===== Statements =====

    private List<Stmt> statements(StmtContext ctx) {
        if (ctx instanceof SimpleStatementContext s) {
            return simpleStatements(s.simpleStmts());
        }
        return List.of(compound(((CompoundStatementContext) ctx).compoundStmt()));
    }

    private List<Stmt> simpleStatements(SimpleStmtsContext ctx) {
        List<Stmt> out = new ArrayList<>(ctx.items.size());
        for (SimpleStmtContext s : ctx.items) {
            out.add(simple(s));
        }
        return out;
    }

    private List<Stmt> block(BlockContext ctx) {
        if (ctx instanceof InlineBlockContext b) {
            return List.copyOf(simpleStatements(b.simpleStmts()));
        }
        List<Stmt> out = new ArrayList<>();
        for (StmtContext s : ((IndentedBlockContext) ctx).stmts) {
            out.addAll(statements(s));
        }
        return List.copyOf(out);
    }

    private Stmt simple(SimpleStmtContext ctx) {
        Pos pos = pos(ctx);
        if (ctx instanceof ExpressionStmtContext e) {
            return exprStmt(e.exprStmt());
        }
        if (ctx instanceof ReturnStmtContext r) {
            return new Stmt.Return(pos, r.value == null ? null : valueOf(r.value));
        }
        if (ctx instanceof ImportStmtContext im) {
            List<Alias> names = new ArrayList<>();
            for (DottedAsNameContext d : im.names) {
                names.add(new Alias(pos(d), dotted(d.name), d.asname == null ? null : d.asname.getText()));
            }
            return new Stmt.Import(pos, List.copyOf(names));
        }
        if (ctx instanceof FromImportStmtContext f) {
            return new Stmt.ImportFrom(pos, dotted(f.module), importNames(f.names), level(f.dots));
        }
        if (ctx instanceof RelativeImportStmtContext f) {
            return new Stmt.ImportFrom(pos, null, importNames(f.names), level(f.dots));
        }
        if (ctx instanceof RaiseStmtContext r) {
            return new Stmt.Raise(pos, r.exc == null ? null : test(r.exc), r.cause == null ? null : test(r.cause));
        }
        if (ctx instanceof PassStmtContext) {
            return new Stmt.Pass(pos);
        }
        if (ctx instanceof BreakStmtContext) {
            return new Stmt.Break(pos);
        }
        if (ctx instanceof ContinueStmtContext) {
            return new Stmt.Continue(pos);
        }
        if (ctx instanceof DelStmtContext d) {
            List<Expr> targets = new ArrayList<>();
            for (ExprListItemContext item : d.targets.items) {
                targets.add(Targets.convert(exprListItem(item), Targets.Kind.DEL_TARGETS, errors));
            }
            return new Stmt.Delete(pos, List.copyOf(targets));
        }
        if (ctx instanceof AssertStmtContext a) {
            return new Stmt.Assert(pos, test(a.test_), a.msg == null ? null : test(a.msg));
        }
        if (ctx instanceof GlobalStmtContext g) {
            return new Stmt.Global(pos, names(g.names));
        }
        if (ctx instanceof NonlocalStmtContext n) {
            return new Stmt.Nonlocal(pos, names(n.names));
        }
        throw new IllegalStateException("unknown statement " + ctx.getClass().getSimpleName());
    }

    private static List<String> names(List<Token> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            out.add(t.getText());
        }
        return List.copyOf(out);
    }

    private static String dotted(DottedNameContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (Token t : ctx.parts) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(t.getText());
        }
        return sb.toString();
    }

    private static int level(List<Token> dots) {
        int n = 0;
        for (Token t : dots) {
            n += t.getType() == ToyParser.ELLIPSIS ? 3 : 1;
        }
        return n;
    }

    private List<Alias> importNames(ImportTargetsContext ctx) {
        if (ctx instanceof ImportStarContext s) {
            return List.of(new Alias(pos(s), "*", null));
        }
        List<ImportAsNameContext> items = ctx instanceof ImportParenthesizedContext p ? p.names : ((ImportPlainContext) ctx).names;
        List<Alias> out = new ArrayList<>(items.size());
        for (ImportAsNameContext i : items) {
            out.add(new Alias(pos(i), i.name.getText(), i.asname == null ? null : i.asname.getText()));
        }
        return List.copyOf(out);
    }

    private Stmt exprStmt(ExprStmtContext ctx) {
        Pos pos = pos(ctx);
        Expr head = starOrYield(ctx.head);
        if (ctx.annotation != null) {
            return annAssign(ctx, pos, head);
        }
        if (ctx.augOp != null) {
            if (!(head instanceof Expr.Name || head instanceof Expr.Attribute || head instanceof Expr.Subscript)) {
                throw errors.atNode("'" + Targets.exprName(head) + "' is an illegal expression for augmented assignment", head);
            }
            Expr value = valueOf(ctx.augValue);
            return new Stmt.AugAssign(pos, Targets.withCtx(head, Ctx.STORE), augOperator(ctx.augOp), value);
        }
        if (ctx.rest.isEmpty()) {
            noBareStar(head);
            return new Stmt.ExprStmt(pos, head);
        }
        List<Expr> parts = new ArrayList<>();
        parts.add(head);
        for (StarOrYieldContext r : ctx.rest) {
            parts.add(starOrYield(r));
        }
        Expr value = parts.get(parts.size() - 1);
        noBareStar(value);
        List<Expr> targets = new ArrayList<>();
        for (int i = 0; i < parts.size() - 1; i++) {
            Expr t = parts.get(i);
            if (t instanceof Expr.Yield || t instanceof Expr.YieldFrom) {
                if (i == 0 && parts.size() == 2 && isParenthesized(ctx.head)) {
                    throw errors.atNode("cannot assign to yield expression here. Maybe you meant '==' instead of '='?", t);
                }
                throw errors.atNode("assignment to yield expression not possible", t);
            }
            if (parts.size() == 2 && Targets.invalidTarget(t, Targets.Kind.STAR_TARGETS) != null && maybeComparison(ctx.head, t)
                    && !startsWith(ctx.rest.get(0), ToyParser.YIELD)) {
                throw errors.atNode("cannot assign to " + Targets.exprName(t) + " here. Maybe you meant '==' instead of '='?", t);
            }
            targets.add(Targets.convert(t, Targets.Kind.STAR_TARGETS, errors));
        }
        return new Stmt.Assign(pos, List.copyOf(targets), value);
    }

    /**
     * CPython's invalid_named_expression: a single {@code target = value} whose target is a
     * bitwise_or that is not a list, tuple, genexp, True, None or False gets the "Maybe you
     * meant '=='" hint.
     */
    private boolean maybeComparison(StarOrYieldContext head, Expr t) {
        if (!(head instanceof StarValueContext sv) || sv.starExprs().items.size() != 1 || sv.starExprs().trailing != null) {
            return false;
        }
        if (!(sv.starExprs().items.get(0) instanceof PlainExprContext pe) || !isBitwiseOr(pe.test())) {
            return false;
        }
        if (t instanceof Expr.ListExpr || t instanceof Expr.Tuple || t instanceof Expr.GeneratorExp) {
            return false;
        }
        return !(t instanceof Expr.Constant c && (c.value() instanceof Boolean || c.value() == Expr.ConstantKind.NONE));
    }

    private boolean startsWith(ParserRuleContext ctx, int tokenType) {
        return ctx.getStart().getType() == tokenType;
    }

    private boolean isParenthesized(StarOrYieldContext head) {
        return head.getStart().getType() == ToyParser.OPEN_PAREN;
    }

    private Stmt annAssign(ExprStmtContext ctx, Pos pos, Expr head) {
        StarOrYieldContext h = ctx.head;
        if (h instanceof StarValueContext sv && (sv.starExprs().items.size() > 1 || sv.starExprs().trailing != null)) {
            Expr first = head instanceof Expr.Tuple t && !t.elts().isEmpty() ? t.elts().get(0) : head;
            throw errors.atNode("only single target (not tuple) can be annotated", first);
        }
        if (head instanceof Expr.Tuple) {
            throw errors.atNode("only single target (not tuple) can be annotated", head);
        }
        if (head instanceof Expr.ListExpr) {
            throw errors.atNode("only single target (not list) can be annotated", head);
        }
        if (!(head instanceof Expr.Name || head instanceof Expr.Attribute || head instanceof Expr.Subscript)) {
            throw errors.atNode("illegal target for annotation", head);
        }
        boolean simple = head instanceof Expr.Name && !isParenthesized(h);
        Expr value = ctx.annValue == null ? null : valueOf(ctx.annValue);
        return new Stmt.AnnAssign(pos, Targets.withCtx(head, Ctx.STORE), test(ctx.annotation), value, simple);
    }

    private static Operator augOperator(Token t) {
        return switch (t.getType()) {
            case ToyParser.ADD_ASSIGN -> Operator.ADD;
            case ToyParser.SUB_ASSIGN -> Operator.SUB;
            case ToyParser.MULT_ASSIGN -> Operator.MULT;
            case ToyParser.AT_ASSIGN -> Operator.MATMULT;
            case ToyParser.DIV_ASSIGN -> Operator.DIV;
            case ToyParser.MOD_ASSIGN -> Operator.MOD;
            case ToyParser.AND_ASSIGN -> Operator.BITAND;
            case ToyParser.OR_ASSIGN -> Operator.BITOR;
            case ToyParser.XOR_ASSIGN -> Operator.BITXOR;
            case ToyParser.LSHIFT_ASSIGN -> Operator.LSHIFT;
            case ToyParser.RSHIFT_ASSIGN -> Operator.RSHIFT;
            case ToyParser.POWER_ASSIGN -> Operator.POW;
            default -> Operator.FLOORDIV;
        };
    }

    // ===== Compound statements =====

    private Stmt compound(CompoundStmtContext ctx) {
        if (ctx instanceof IfStmtContext c) {
            return ifStmt(c);
        }
        if (ctx instanceof WhileStmtContext c) {
            List<Stmt> body = block(c.body);
            List<Stmt> orelse = c.orelse == null ? List.of() : block(c.orelse);
            return new Stmt.While(span(c.getStart(), body, orelse), namedExpr(c.test_), body, orelse);
        }
        if (ctx instanceof ForStmtContext c) {
            Expr target = Targets.convert(exprList(c.target), Targets.Kind.FOR_TARGETS, errors);
            Expr iter = valueOf(c.iter);
            List<Stmt> body = block(c.body);
            List<Stmt> orelse = c.orelse == null ? List.of() : block(c.orelse);
            return new Stmt.For(span(c.getStart(), body, orelse), target, iter, body, orelse, c.ASYNC() != null);
        }
        if (ctx instanceof TryStmtContext c) {
            List<Stmt> body = block(c.body);
            List<ExceptHandler> handlers = new ArrayList<>();
            for (ExceptClauseContext h : c.handlers) {
                List<Stmt> hbody = block(h.body);
                handlers.add(new ExceptHandler(span(h.getStart(), hbody, List.of()), h.type == null ? null : test(h.type),
                        h.name == null ? null : h.name.getText(), hbody));
            }
            List<Stmt> orelse = c.orelse == null ? List.of() : block(c.orelse);
            List<Stmt> finalbody = c.finalbody == null ? List.of() : block(c.finalbody);
            List<Stmt> last = !finalbody.isEmpty() ? finalbody : !orelse.isEmpty() ? orelse
                    : !handlers.isEmpty() ? handlers.get(handlers.size() - 1).body() : body;
            Pos pos = handlers.isEmpty() || !finalbody.isEmpty() || !orelse.isEmpty() ? span(c.getStart(), last, List.of())
                    : withStart(c.getStart(), handlers.get(handlers.size() - 1).pos());
            return new Stmt.Try(pos, body, List.copyOf(handlers), orelse, finalbody);
        }
        if (ctx instanceof WithStmtContext c) {
            List<WithItem> items = new ArrayList<>();
            for (WithItemContext w : c.items) {
                Expr target = w.target == null ? null : Targets.convert(expr(w.target), Targets.Kind.STAR_TARGETS, errors);
                items.add(new WithItem(test(w.context), target));
            }
            List<Stmt> body = block(c.body);
            return new Stmt.With(span(c.getStart(), body, List.of()), List.copyOf(items), body, c.ASYNC() != null);
        }
        if (ctx instanceof FuncDefContext c) {
            List<Expr> decorators = decorators(c.decorators);
            Token start = c.ASYNC() != null ? c.ASYNC().getSymbol() : c.DEF().getSymbol();
            toy.ast.Arguments args = c.params == null ? toy.ast.Arguments.EMPTY : Params.fromDef(c.params, this);
            Expr returns = c.returnAnn == null ? null : test(c.returnAnn);
            List<Stmt> body = block(c.body);
            return new Stmt.FunctionDef(span(start, body, List.of()), c.name.getText(), args, body, decorators, returns,
                    c.ASYNC() != null);
        }
        ClassDefContext c = (ClassDefContext) ctx;
        List<Expr> decorators = decorators(c.decorators);
        CallArgs args = c.args == null ? CallArgs.NONE : callArgs(c.args);
        List<Stmt> body = block(c.body);
        return new Stmt.ClassDef(span(c.CLASS().getSymbol(), body, List.of()), c.name.getText(), args.args(), args.keywords(), body,
                decorators);
    }

    private Stmt ifStmt(IfStmtContext c) {
        List<Stmt> orelse = c.orelse == null ? List.of() : block(c.orelse);
        for (int i = c.elifs.size() - 1; i >= 0; i--) {
            ElifClauseContext e = c.elifs.get(i);
            List<Stmt> body = block(e.body);
            orelse = List.of(new Stmt.If(span(e.getStart(), body, orelse), namedExpr(e.test_), body, orelse));
        }
        List<Stmt> body = block(c.body);
        return new Stmt.If(span(c.getStart(), body, orelse), namedExpr(c.test_), body, orelse);
    }

    private List<Expr> decorators(List<DecoratorContext> ds) {
        List<Expr> out = new ArrayList<>(ds.size());
        for (DecoratorContext d : ds) {
            out.add(namedExpr(d.value));
        }
        return List.copyOf(out);
    }

    /** From {@code start} to the end of the last statement of {@code orelse}, else of {@code body}. */
    private Pos span(Token start, List<Stmt> body, List<Stmt> orelse) {
        List<Stmt> last = orelse.isEmpty() ? body : orelse;
        Pos end = last.get(last.size() - 1).pos();
        return new Pos(mapLine(start.getLine()), mapCol(start.getLine(), start.getCharPositionInLine()), end.endLine(), end.endCol());
    }

    private Pos withStart(Token start, Pos end) {
        return new Pos(mapLine(start.getLine()), mapCol(start.getLine(), start.getCharPositionInLine()), end.endLine(), end.endCol());
    }
}
