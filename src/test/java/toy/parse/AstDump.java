package toy.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import toy.ast.Alias;
import toy.ast.Arguments;
import toy.ast.CmpOp;
import toy.ast.Comprehension;
import toy.ast.ExceptHandler;
import toy.ast.Expr;
import toy.ast.Keyword;
import toy.ast.Module;
import toy.ast.Operator;
import toy.ast.Pos;
import toy.ast.Stmt;
import toy.ast.UnaryOp;
import toy.ast.WithItem;

/**
 * Test helper: renders a toy AST exactly as CPython 3.11's {@code ast.dump(tree)} does (or with
 * {@code include_attributes=True}), so expected strings can be produced by python3.
 */
final class AstDump {
    private final boolean positions;

    private AstDump(boolean positions) {
        this.positions = positions;
    }

    static String dump(Module m) {
        return new AstDump(false).module(m);
    }

    static String dumpWithPositions(Module m) {
        return new AstDump(true).module(m);
    }

    static String dump(Expr e) {
        return new AstDump(false).expr(e);
    }

    private String module(Module m) {
        return "Module(body=" + stmts(m.body()) + ", type_ignores=[])";
    }

    /** Builds "Name(f1=v1, ...)" skipping null values (optional fields that are None). */
    private String node(String name, Pos pos, Object... kv) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                parts.add(kv[i] + "=" + kv[i + 1]);
            }
        }
        if (positions && pos != null) {
            parts.add("lineno=" + pos.line());
            parts.add("col_offset=" + pos.col());
            parts.add("end_lineno=" + pos.endLine());
            parts.add("end_col_offset=" + pos.endCol());
        }
        return name + "(" + String.join(", ", parts) + ")";
    }

    private String stmts(List<Stmt> body) {
        List<String> out = new ArrayList<>();
        for (Stmt s : body) {
            out.add(stmt(s));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private String exprs(List<Expr> es) {
        List<String> out = new ArrayList<>();
        for (Expr e : es) {
            out.add(e == null ? "None" : expr(e));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static String strs(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(repr(n));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private String opt(Expr e) {
        return e == null ? null : expr(e);
    }

    private String stmt(Stmt s) {
        if (s instanceof Stmt.FunctionDef f) {
            return node(f.isAsync() ? "AsyncFunctionDef" : "FunctionDef", f.pos(), "name", repr(f.name()), "args", arguments(f.args()),
                    "body", stmts(f.body()), "decorator_list", exprs(f.decorators()), "returns", opt(f.returns()));
        }
        if (s instanceof Stmt.ClassDef c) {
            return node("ClassDef", c.pos(), "name", repr(c.name()), "bases", exprs(c.bases()), "keywords", keywords(c.keywords()),
                    "body", stmts(c.body()), "decorator_list", exprs(c.decorators()));
        }
        if (s instanceof Stmt.Return r) {
            return node("Return", r.pos(), "value", opt(r.value()));
        }
        if (s instanceof Stmt.Delete d) {
            return node("Delete", d.pos(), "targets", exprs(d.targets()));
        }
        if (s instanceof Stmt.Assign a) {
            return node("Assign", a.pos(), "targets", exprs(a.targets()), "value", expr(a.value()));
        }
        if (s instanceof Stmt.AugAssign a) {
            return node("AugAssign", a.pos(), "target", expr(a.target()), "op", op(a.op()), "value", expr(a.value()));
        }
        if (s instanceof Stmt.AnnAssign a) {
            return node("AnnAssign", a.pos(), "target", expr(a.target()), "annotation", expr(a.annotation()), "value", opt(a.value()),
                    "simple", a.simple() ? "1" : "0");
        }
        if (s instanceof Stmt.For f) {
            return node(f.isAsync() ? "AsyncFor" : "For", f.pos(), "target", expr(f.target()), "iter", expr(f.iter()), "body",
                    stmts(f.body()), "orelse", stmts(f.orelse()));
        }
        if (s instanceof Stmt.While w) {
            return node("While", w.pos(), "test", expr(w.test()), "body", stmts(w.body()), "orelse", stmts(w.orelse()));
        }
        if (s instanceof Stmt.If i) {
            return node("If", i.pos(), "test", expr(i.test()), "body", stmts(i.body()), "orelse", stmts(i.orelse()));
        }
        if (s instanceof Stmt.With w) {
            List<String> items = new ArrayList<>();
            for (WithItem it : w.items()) {
                items.add(node("withitem", null, "context_expr", expr(it.contextExpr()), "optional_vars", opt(it.optionalVars())));
            }
            return node(w.isAsync() ? "AsyncWith" : "With", w.pos(), "items", "[" + String.join(", ", items) + "]", "body",
                    stmts(w.body()));
        }
        if (s instanceof Stmt.Raise r) {
            return node("Raise", r.pos(), "exc", opt(r.exc()), "cause", opt(r.cause()));
        }
        if (s instanceof Stmt.Try t) {
            List<String> hs = new ArrayList<>();
            for (ExceptHandler h : t.handlers()) {
                hs.add(node("ExceptHandler", h.pos(), "type", opt(h.type()), "name", h.name() == null ? null : repr(h.name()), "body",
                        stmts(h.body())));
            }
            return node("Try", t.pos(), "body", stmts(t.body()), "handlers", "[" + String.join(", ", hs) + "]", "orelse",
                    stmts(t.orelse()), "finalbody", stmts(t.finalbody()));
        }
        if (s instanceof Stmt.Assert a) {
            return node("Assert", a.pos(), "test", expr(a.test()), "msg", opt(a.msg()));
        }
        if (s instanceof Stmt.Import i) {
            return node("Import", i.pos(), "names", aliases(i.names()));
        }
        if (s instanceof Stmt.ImportFrom i) {
            return node("ImportFrom", i.pos(), "module", i.module() == null ? null : repr(i.module()), "names", aliases(i.names()),
                    "level", String.valueOf(i.level()));
        }
        if (s instanceof Stmt.Global g) {
            return node("Global", g.pos(), "names", strs(g.names()));
        }
        if (s instanceof Stmt.Nonlocal n) {
            return node("Nonlocal", n.pos(), "names", strs(n.names()));
        }
        if (s instanceof Stmt.ExprStmt e) {
            return node("Expr", e.pos(), "value", expr(e.value()));
        }
        if (s instanceof Stmt.Pass p) {
            return node("Pass", p.pos());
        }
        if (s instanceof Stmt.Break b) {
            return node("Break", b.pos());
        }
        return node("Continue", s.pos());
    }

    private String aliases(List<Alias> names) {
        List<String> out = new ArrayList<>();
        for (Alias a : names) {
            out.add(node("alias", a.pos(), "name", repr(a.name()), "asname", a.asname() == null ? null : repr(a.asname())));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private String keywords(List<Keyword> ks) {
        List<String> out = new ArrayList<>();
        for (Keyword k : ks) {
            out.add(node("keyword", k.pos(), "arg", k.arg() == null ? null : repr(k.arg()), "value", expr(k.value())));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private String arg(Arguments.Arg a) {
        return a == null ? null : node("arg", a.pos(), "arg", repr(a.name()), "annotation", opt(a.annotation()));
    }

    private String args(List<Arguments.Arg> as) {
        List<String> out = new ArrayList<>();
        for (Arguments.Arg a : as) {
            out.add(arg(a));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private String arguments(Arguments a) {
        return node("arguments", null, "posonlyargs", args(a.posonlyargs()), "args", args(a.args()), "vararg", arg(a.vararg()),
                "kwonlyargs", args(a.kwonlyargs()), "kw_defaults", exprs(a.kwDefaults()), "kwarg", arg(a.kwarg()), "defaults",
                exprs(a.defaults()));
    }

    private String generators(List<Comprehension> gens) {
        List<String> out = new ArrayList<>();
        for (Comprehension c : gens) {
            out.add(node("comprehension", null, "target", expr(c.target()), "iter", expr(c.iter()), "ifs", exprs(c.ifs()), "is_async",
                    c.isAsync() ? "1" : "0"));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static String ctx(Expr.Ctx c) {
        return switch (c) {
            case LOAD -> "Load()";
            case STORE -> "Store()";
            case DEL -> "Del()";
        };
    }

    private String expr(Expr e) {
        if (e instanceof Expr.BoolOp b) {
            return node("BoolOp", b.pos(), "op", b.isAnd() ? "And()" : "Or()", "values", exprs(b.values()));
        }
        if (e instanceof Expr.NamedExpr n) {
            return node("NamedExpr", n.pos(), "target", expr(n.target()), "value", expr(n.value()));
        }
        if (e instanceof Expr.BinOp b) {
            return node("BinOp", b.pos(), "left", expr(b.left()), "op", op(b.op()), "right", expr(b.right()));
        }
        if (e instanceof Expr.UnaryOpExpr u) {
            String op = switch (u.op()) {
                case INVERT -> "Invert()";
                case NOT -> "Not()";
                case UADD -> "UAdd()";
                case USUB -> "USub()";
            };
            return node("UnaryOp", u.pos(), "op", op, "operand", expr(u.operand()));
        }
        if (e instanceof Expr.Lambda l) {
            return node("Lambda", l.pos(), "args", arguments(l.args()), "body", expr(l.body()));
        }
        if (e instanceof Expr.IfExp i) {
            return node("IfExp", i.pos(), "test", expr(i.test()), "body", expr(i.body()), "orelse", expr(i.orelse()));
        }
        if (e instanceof Expr.Dict d) {
            return node("Dict", d.pos(), "keys", exprs(d.keys()), "values", exprs(d.values()));
        }
        if (e instanceof Expr.SetExpr s) {
            return node("Set", s.pos(), "elts", exprs(s.elts()));
        }
        if (e instanceof Expr.ListComp c) {
            return node("ListComp", c.pos(), "elt", expr(c.elt()), "generators", generators(c.generators()));
        }
        if (e instanceof Expr.SetComp c) {
            return node("SetComp", c.pos(), "elt", expr(c.elt()), "generators", generators(c.generators()));
        }
        if (e instanceof Expr.DictComp c) {
            return node("DictComp", c.pos(), "key", expr(c.key()), "value", expr(c.value()), "generators", generators(c.generators()));
        }
        if (e instanceof Expr.GeneratorExp c) {
            return node("GeneratorExp", c.pos(), "elt", expr(c.elt()), "generators", generators(c.generators()));
        }
        if (e instanceof Expr.Await a) {
            return node("Await", a.pos(), "value", expr(a.value()));
        }
        if (e instanceof Expr.Yield y) {
            return node("Yield", y.pos(), "value", opt(y.value()));
        }
        if (e instanceof Expr.YieldFrom y) {
            return node("YieldFrom", y.pos(), "value", expr(y.value()));
        }
        if (e instanceof Expr.Compare c) {
            List<String> ops = new ArrayList<>();
            for (CmpOp op : c.ops()) {
                ops.add(cmp(op));
            }
            return node("Compare", c.pos(), "left", expr(c.left()), "ops", "[" + String.join(", ", ops) + "]", "comparators",
                    exprs(c.comparators()));
        }
        if (e instanceof Expr.Call c) {
            return node("Call", c.pos(), "func", expr(c.func()), "args", exprs(c.args()), "keywords", keywords(c.keywords()));
        }
        if (e instanceof Expr.FormattedValue f) {
            return node("FormattedValue", f.pos(), "value", expr(f.value()), "conversion", String.valueOf(f.conversion()), "format_spec",
                    opt(f.formatSpec()));
        }
        if (e instanceof Expr.JoinedStr j) {
            return node("JoinedStr", j.pos(), "values", exprs(j.values()));
        }
        if (e instanceof Expr.Constant c) {
            return node("Constant", c.pos(), "value", constant(c.value()));
        }
        if (e instanceof Expr.Attribute a) {
            return node("Attribute", a.pos(), "value", expr(a.value()), "attr", repr(a.attr()), "ctx", ctx(a.ctx()));
        }
        if (e instanceof Expr.Subscript s) {
            return node("Subscript", s.pos(), "value", expr(s.value()), "slice", expr(s.slice()), "ctx", ctx(s.ctx()));
        }
        if (e instanceof Expr.Starred s) {
            return node("Starred", s.pos(), "value", expr(s.value()), "ctx", ctx(s.ctx()));
        }
        if (e instanceof Expr.Name n) {
            return node("Name", n.pos(), "id", repr(n.id()), "ctx", ctx(n.ctx()));
        }
        if (e instanceof Expr.ListExpr l) {
            return node("List", l.pos(), "elts", exprs(l.elts()), "ctx", ctx(l.ctx()));
        }
        if (e instanceof Expr.Tuple t) {
            return node("Tuple", t.pos(), "elts", exprs(t.elts()), "ctx", ctx(t.ctx()));
        }
        Expr.Slice s = (Expr.Slice) e;
        return node("Slice", s.pos(), "lower", opt(s.lower()), "upper", opt(s.upper()), "step", opt(s.step()));
    }

    private static String op(Operator op) {
        return switch (op) {
            case ADD -> "Add()";
            case SUB -> "Sub()";
            case MULT -> "Mult()";
            case MATMULT -> "MatMult()";
            case DIV -> "Div()";
            case MOD -> "Mod()";
            case POW -> "Pow()";
            case LSHIFT -> "LShift()";
            case RSHIFT -> "RShift()";
            case BITOR -> "BitOr()";
            case BITXOR -> "BitXor()";
            case BITAND -> "BitAnd()";
            case FLOORDIV -> "FloorDiv()";
        };
    }

    private static String cmp(CmpOp op) {
        return switch (op) {
            case LT -> "Lt()";
            case LTE -> "LtE()";
            case EQ -> "Eq()";
            case NOTEQ -> "NotEq()";
            case GT -> "Gt()";
            case GTE -> "GtE()";
            case IS -> "Is()";
            case ISNOT -> "IsNot()";
            case IN -> "In()";
            case NOTIN -> "NotIn()";
        };
    }

    private static String constant(Object v) {
        if (v == Expr.ConstantKind.NONE) {
            return "None";
        }
        if (v == Expr.ConstantKind.ELLIPSIS) {
            return "Ellipsis";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof String s) {
            return repr(s);
        }
        if (v instanceof Double d) {
            return floatRepr(d);
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return v.toString();
        }
        throw new AssertionError("unexpected constant " + v);
    }

    /** Python's repr() of a float. */
    static String floatRepr(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exp >= -5 && exp < 16) {
            String plain = bd.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }

    /** Python's repr() of a str. */
    static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp > 0x7f && !isPrintable(cp)) {
                sb.append(cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append(quote).toString();
    }

    private static boolean isPrintable(int cp) {
        int type = Character.getType(cp);
        return !(type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (type == Character.SPACE_SEPARATOR && cp != ' '));
    }
}
