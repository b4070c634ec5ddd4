package toy.parse;

import java.util.ArrayList;
import java.util.List;

import toy.ast.Expr;
import toy.ast.Expr.Ctx;

/**
 * Assignment and deletion targets: CPython parses them with dedicated rules; Toy parses them as
 * expressions and then checks and converts them here, with CPython's messages
 * ({@code _PyPegen_get_invalid_target} and {@code _PyPegen_get_expr_name}).
 */
final class Targets {
    enum Kind { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS }

    private Targets() {
    }

    /** CPython's name for an expression kind in error messages ("function call", "literal", ...). */
    static String exprName(Expr e) {
        if (e instanceof Expr.Attribute) return "attribute";
        if (e instanceof Expr.Subscript) return "subscript";
        if (e instanceof Expr.Starred) return "starred";
        if (e instanceof Expr.Name) return "name";
        if (e instanceof Expr.ListExpr) return "list";
        if (e instanceof Expr.Tuple) return "tuple";
        if (e instanceof Expr.Lambda) return "lambda";
        if (e instanceof Expr.Call) return "function call";
        if (e instanceof Expr.BoolOp || e instanceof Expr.BinOp || e instanceof Expr.UnaryOpExpr) return "expression";
        if (e instanceof Expr.GeneratorExp) return "generator expression";
        if (e instanceof Expr.Yield || e instanceof Expr.YieldFrom) return "yield expression";
        if (e instanceof Expr.Await) return "await expression";
        if (e instanceof Expr.ListComp) return "list comprehension";
        if (e instanceof Expr.SetComp) return "set comprehension";
        if (e instanceof Expr.DictComp) return "dict comprehension";
        if (e instanceof Expr.Dict) return "dict literal";
        if (e instanceof Expr.SetExpr) return "set display";
        if (e instanceof Expr.JoinedStr || e instanceof Expr.FormattedValue) return "f-string expression";
        if (e instanceof Expr.Constant c) return constantName(c.value());
        if (e instanceof Expr.Compare) return "comparison";
        if (e instanceof Expr.IfExp) return "conditional expression";
        if (e instanceof Expr.NamedExpr) return "named expression";
        return "expression";
    }

    private static String constantName(Object v) {
        if (v == Expr.ConstantKind.NONE) {
            return "None";
        }
        if (v == Expr.ConstantKind.ELLIPSIS) {
            return "ellipsis";
        }
        if (Boolean.TRUE.equals(v)) {
            return "True";
        }
        if (Boolean.FALSE.equals(v)) {
            return "False";
        }
        return "literal";
    }

    /** The first sub-expression that cannot be a target of this kind, or null. */
    static Expr invalidTarget(Expr e, Kind kind) {
        List<Expr> elts = e instanceof Expr.ListExpr l ? l.elts() : e instanceof Expr.Tuple t ? t.elts() : null;
        if (elts != null) {
            for (Expr x : elts) {
                Expr bad = invalidTarget(x, kind);
                if (bad != null) {
                    return bad;
                }
            }
            return null;
        }
        if (e instanceof Expr.Starred s) {
            return kind == Kind.DEL_TARGETS ? s : invalidTarget(s.value(), kind);
        }
        if (e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript) {
            return null;
        }
        return e;
    }

    /** Checks a target and returns it with Store (or Del) context throughout. */
    static Expr convert(Expr e, Kind kind, Errors errors) {
        Expr bad = invalidTarget(e, kind);
        if (bad != null) {
            String verb = kind == Kind.DEL_TARGETS ? "cannot delete " : "cannot assign to ";
            throw errors.atNode(verb + exprName(bad), bad);
        }
        if (kind != Kind.DEL_TARGETS) {
            checkStarred(e, errors);
        }
        return withCtx(e, kind == Kind.DEL_TARGETS ? Ctx.DEL : Ctx.STORE);
    }

    /** The compiler's checks on starred targets, done here so every consumer gets them. */
    private static void checkStarred(Expr e, Errors errors) {
        if (e instanceof Expr.Starred) {
            throw errors.atNode("starred assignment target must be in a list or tuple", e);
        }
        List<Expr> elts = e instanceof Expr.Tuple t ? t.elts() : e instanceof Expr.ListExpr l ? l.elts() : null;
        if (elts == null) {
            return;
        }
        int stars = 0;
        for (Expr x : elts) {
            if (x instanceof Expr.Starred s) {
                stars++;
                checkStarred(s.value(), errors);
            } else {
                checkStarred(x, errors);
            }
        }
        if (stars > 1) {
            throw errors.atNode("multiple starred expressions in assignment", e);
        }
    }

    static Expr withCtx(Expr e, Ctx ctx) {
        if (e instanceof Expr.Name n) {
            return new Expr.Name(n.pos(), n.id(), ctx);
        }
        if (e instanceof Expr.Attribute a) {
            return new Expr.Attribute(a.pos(), a.value(), a.attr(), ctx);
        }
        if (e instanceof Expr.Subscript s) {
            return new Expr.Subscript(s.pos(), s.value(), s.slice(), ctx);
        }
        if (e instanceof Expr.Starred s) {
            return new Expr.Starred(s.pos(), withCtx(s.value(), ctx), ctx);
        }
        if (e instanceof Expr.ListExpr l) {
            return new Expr.ListExpr(l.pos(), map(l.elts(), ctx), ctx);
        }
        if (e instanceof Expr.Tuple t) {
            return new Expr.Tuple(t.pos(), map(t.elts(), ctx), ctx);
        }
        return e;
    }

    private static List<Expr> map(List<Expr> elts, Ctx ctx) {
        List<Expr> out = new ArrayList<>(elts.size());
        for (Expr x : elts) {
            out.add(withCtx(x, ctx));
        }
        return List.copyOf(out);
    }
}
