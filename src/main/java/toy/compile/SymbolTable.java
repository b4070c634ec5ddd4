package toy.compile;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import toy.ast.*;
import toy.ast.Module;

/**
 * Finds the scope of every name before code generation, as CPython's symtable.c: a first
 * pass records where names are bound and used in each scope; a second pass resolves each
 * name to local, global, free (from an enclosing function) or cell (captured by an inner
 * function), threading captured names through intermediate scopes.
 */
final class SymbolTable {
    final Map<Object, Scope> scopes = new IdentityHashMap<>();
    final Scope module;
    private Scope cur;
    private final String filename;

    SymbolTable(Module m, String filename, boolean interactive) {
        this.filename = filename;
        module = new Scope(Scope.Kind.MODULE, "<module>", null, m);
        scopes.put(m, module);
        cur = module;
        stmts(m.body());
        analyze(module, new HashSet<>(), new HashSet<>());
    }

    Scope scopeOf(Object node) { return scopes.get(node); }

    private CompileError error(Pos p, String msg) { return new CompileError(msg, filename, p); }

    // ----- pass 1: collect ---------------------------------------------------------------

    private void stmts(List<Stmt> body) { for (Stmt s : body) stmt(s); }

    private void stmt(Stmt s) {
        if (s instanceof Stmt.FunctionDef f) {
            cur.add(f.name(), Scope.DEF_LOCAL);
            for (Expr d : f.decorators()) expr(d);
            defaults(f.args());
            Scope sc = new Scope(Scope.Kind.FUNCTION, f.name(), cur, f);
            sc.isCoroutine = f.isAsync();
            scopes.put(f, sc);
            Scope saved = cur;
            cur = sc;
            params(f.args());
            stmts(f.body());
            cur = saved;
        } else if (s instanceof Stmt.ClassDef c) {
            cur.add(c.name(), Scope.DEF_LOCAL);
            for (Expr d : c.decorators()) expr(d);
            for (Expr b : c.bases()) expr(b);
            for (Keyword k : c.keywords()) expr(k.value());
            Scope sc = new Scope(Scope.Kind.CLASS, c.name(), cur, c);
            scopes.put(c, sc);
            Scope saved = cur;
            cur = sc;
            stmts(c.body());
            cur = saved;
        } else if (s instanceof Stmt.Return r) {
            if (cur.kind != Scope.Kind.FUNCTION) throw error(r.pos(), "'return' outside function");
            if (r.value() != null) expr(r.value());
        } else if (s instanceof Stmt.Delete d) {
            for (Expr t : d.targets()) target(t);
        } else if (s instanceof Stmt.Assign a) {
            expr(a.value());
            for (Expr t : a.targets()) target(t);
        } else if (s instanceof Stmt.AugAssign a) {
            expr(a.value());
            if (a.target() instanceof Expr.Name n) {
                cur.add(n.id(), Scope.DEF_LOCAL | Scope.USE);
            } else {
                target(a.target());
            }
        } else if (s instanceof Stmt.AnnAssign a) {
            if (a.value() != null) expr(a.value());
            if (cur.kind != Scope.Kind.FUNCTION) expr(a.annotation());
            if (a.target() instanceof Expr.Name n) {
                if (a.value() != null || cur.kind == Scope.Kind.FUNCTION) cur.add(n.id(), Scope.DEF_LOCAL);
            } else {
                target(a.target());
            }
        } else if (s instanceof Stmt.For f) {
            expr(f.iter());
            target(f.target());
            stmts(f.body());
            stmts(f.orelse());
        } else if (s instanceof Stmt.While w) {
            expr(w.test());
            stmts(w.body());
            stmts(w.orelse());
        } else if (s instanceof Stmt.If i) {
            expr(i.test());
            stmts(i.body());
            stmts(i.orelse());
        } else if (s instanceof Stmt.With w) {
            for (WithItem it : w.items()) {
                expr(it.contextExpr());
                if (it.optionalVars() != null) target(it.optionalVars());
            }
            stmts(w.body());
        } else if (s instanceof Stmt.Raise r) {
            if (r.exc() != null) expr(r.exc());
            if (r.cause() != null) expr(r.cause());
        } else if (s instanceof Stmt.Try t) {
            stmts(t.body());
            for (ExceptHandler h : t.handlers()) {
                if (h.type() != null) expr(h.type());
                if (h.name() != null) cur.add(h.name(), Scope.DEF_LOCAL);
                stmts(h.body());
            }
            stmts(t.orelse());
            stmts(t.finalbody());
        } else if (s instanceof Stmt.Assert a) {
            expr(a.test());
            if (a.msg() != null) expr(a.msg());
        } else if (s instanceof Stmt.Import im) {
            for (Alias al : im.names()) {
                String bound = al.asname() != null ? al.asname() : al.name().split("\\.")[0];
                cur.add(bound, Scope.DEF_LOCAL);
            }
        } else if (s instanceof Stmt.ImportFrom im) {
            for (Alias al : im.names()) {
                if (al.name().equals("*")) {
                    if (cur.kind != Scope.Kind.MODULE) throw error(im.pos(), "import * only allowed at module level");
                    continue;
                }
                cur.add(al.asname() != null ? al.asname() : al.name(), Scope.DEF_LOCAL);
            }
        } else if (s instanceof Stmt.Global g) {
            for (String n : g.names()) {
                Integer f = cur.flags.get(n);
                if (f != null && (f & Scope.DEF_PARAM) != 0) throw error(g.pos(), "name '" + n + "' is parameter and global");
                if (f != null && (f & Scope.DEF_NONLOCAL) != 0) throw error(g.pos(), "name '" + n + "' is nonlocal and global");
                if (f != null && (f & Scope.USE) != 0) throw error(g.pos(), "name '" + n + "' is used prior to global declaration");
                if (f != null && (f & Scope.DEF_LOCAL) != 0) throw error(g.pos(), "name '" + n + "' is assigned to before global declaration");
                cur.add(n, Scope.DEF_GLOBAL);
            }
        } else if (s instanceof Stmt.Nonlocal g) {
            if (cur.kind == Scope.Kind.MODULE) throw error(g.pos(), "nonlocal declaration not allowed at module level");
            for (String n : g.names()) {
                Integer f = cur.flags.get(n);
                if (f != null && (f & Scope.DEF_PARAM) != 0) throw error(g.pos(), "name '" + n + "' is parameter and nonlocal");
                if (f != null && (f & Scope.DEF_GLOBAL) != 0) throw error(g.pos(), "name '" + n + "' is nonlocal and global");
                if (f != null && (f & Scope.USE) != 0) throw error(g.pos(), "name '" + n + "' is used prior to nonlocal declaration");
                if (f != null && (f & Scope.DEF_LOCAL) != 0) throw error(g.pos(), "name '" + n + "' is assigned to before nonlocal declaration");
                cur.add(n, Scope.DEF_NONLOCAL);
                cur.nonlocalPos.putIfAbsent(n, g.pos());
            }
        } else if (s instanceof Stmt.ExprStmt e) {
            expr(e.value());
        }
    }

    private void defaults(Arguments a) {
        for (Expr d : a.defaults()) expr(d);
        for (Expr d : a.kwDefaults()) if (d != null) expr(d);
    }

    private void params(Arguments a) {
        for (Arguments.Arg p : a.posonlyargs()) param(p.name(), p.pos());
        for (Arguments.Arg p : a.args()) param(p.name(), p.pos());
        if (a.vararg() != null) param(a.vararg().name(), a.vararg().pos());
        for (Arguments.Arg p : a.kwonlyargs()) param(p.name(), p.pos());
        if (a.kwarg() != null) param(a.kwarg().name(), a.kwarg().pos());
    }

    private void param(String name, Pos p) {
        if (cur.params.contains(name)) throw error(p, "duplicate argument '" + name + "' in function definition");
        cur.params.add(name);
        cur.add(name, Scope.DEF_PARAM);
    }

    private void target(Expr t) {
        if (t instanceof Expr.Name n) {
            cur.add(n.id(), Scope.DEF_LOCAL);
        } else if (t instanceof Expr.Tuple tu) {
            for (Expr e : tu.elts()) target(e);
        } else if (t instanceof Expr.ListExpr l) {
            for (Expr e : l.elts()) target(e);
        } else if (t instanceof Expr.Starred st) {
            target(st.value());
        } else if (t instanceof Expr.Attribute a) {
            expr(a.value());
        } else if (t instanceof Expr.Subscript sub) {
            expr(sub.value());
            expr(sub.slice());
        } else {
            expr(t);
        }
    }

    private void exprs(List<Expr> es) { for (Expr e : es) expr(e); }

    private void expr(Expr e) {
        if (e == null) return;
        if (e instanceof Expr.Name n) {
            cur.add(n.id(), Scope.USE);
            if (n.id().equals("super") && cur.kind == Scope.Kind.FUNCTION) cur.needsClassCell = true;
            if (n.id().equals("__class__")) cur.needsClassCell = true;
        } else if (e instanceof Expr.BoolOp b) {
            exprs(b.values());
        } else if (e instanceof Expr.NamedExpr ne) {
            expr(ne.value());
            Scope s = cur;
            while (s.isComprehension) s = s.parent;
            if (s != cur && s.kind == Scope.Kind.CLASS) {
                throw error(ne.pos(), "assignment expression within a comprehension cannot be used in a class body");
            }
            if (s != cur) {
                s.add(ne.target().id(), Scope.DEF_LOCAL);
                cur.add(ne.target().id(), Scope.DEF_NONLOCAL);
            } else {
                cur.add(ne.target().id(), Scope.DEF_LOCAL);
            }
        } else if (e instanceof Expr.BinOp b) {
            expr(b.left());
            expr(b.right());
        } else if (e instanceof Expr.UnaryOpExpr u) {
            expr(u.operand());
        } else if (e instanceof Expr.Lambda l) {
            defaults(l.args());
            Scope sc = new Scope(Scope.Kind.FUNCTION, "<lambda>", cur, l);
            sc.isLambda = true;
            scopes.put(l, sc);
            Scope saved = cur;
            cur = sc;
            params(l.args());
            expr(l.body());
            cur = saved;
        } else if (e instanceof Expr.IfExp i) {
            expr(i.test());
            expr(i.body());
            expr(i.orelse());
        } else if (e instanceof Expr.Dict d) {
            for (Expr k : d.keys()) if (k != null) expr(k);
            exprs(d.values());
        } else if (e instanceof Expr.SetExpr s) {
            exprs(s.elts());
        } else if (e instanceof Expr.ListComp c) {
            comprehension(e, "<listcomp>", c.generators(), c.elt(), null);
        } else if (e instanceof Expr.SetComp c) {
            comprehension(e, "<setcomp>", c.generators(), c.elt(), null);
        } else if (e instanceof Expr.DictComp c) {
            comprehension(e, "<dictcomp>", c.generators(), c.key(), c.value());
        } else if (e instanceof Expr.GeneratorExp c) {
            comprehension(e, "<genexpr>", c.generators(), c.elt(), null);
        } else if (e instanceof Expr.Await a) {
            if (cur.kind != Scope.Kind.FUNCTION || !cur.isCoroutine) {
                if (!(cur.isComprehension)) throw error(a.pos(), "'await' outside async function");
            }
            expr(a.value());
        } else if (e instanceof Expr.Yield y) {
            yieldHere(y.pos());
            expr(y.value());
        } else if (e instanceof Expr.YieldFrom y) {
            yieldHere(y.pos());
            if (cur.isCoroutine) throw error(y.pos(), "'yield from' inside async function");
            expr(y.value());
        } else if (e instanceof Expr.Compare c) {
            expr(c.left());
            exprs(c.comparators());
        } else if (e instanceof Expr.Call c) {
            expr(c.func());
            exprs(c.args());
            for (Keyword k : c.keywords()) expr(k.value());
        } else if (e instanceof Expr.FormattedValue f) {
            expr(f.value());
            expr(f.formatSpec());
        } else if (e instanceof Expr.JoinedStr j) {
            exprs(j.values());
        } else if (e instanceof Expr.Attribute a) {
            expr(a.value());
        } else if (e instanceof Expr.Subscript s) {
            expr(s.value());
            expr(s.slice());
        } else if (e instanceof Expr.Starred s) {
            expr(s.value());
        } else if (e instanceof Expr.ListExpr l) {
            exprs(l.elts());
        } else if (e instanceof Expr.Tuple t) {
            exprs(t.elts());
        } else if (e instanceof Expr.Slice s) {
            expr(s.lower());
            expr(s.upper());
            expr(s.step());
        }
    }

    private void yieldHere(Pos p) {
        if (cur.kind != Scope.Kind.FUNCTION) throw error(p, "'yield' outside function");
        if (cur.isComprehension && !cur.isLambda) throw error(p, "'yield' inside list comprehension");
        cur.isGenerator = true;
    }

    private void comprehension(Expr node, String name, List<Comprehension> gens, Expr elt, Expr value) {
        // the first iterable is evaluated in the enclosing scope
        expr(gens.get(0).iter());
        Scope sc = new Scope(Scope.Kind.FUNCTION, name, cur, node);
        sc.isComprehension = true;
        sc.isGenerator = node instanceof Expr.GeneratorExp;
        scopes.put(node, sc);
        Scope saved = cur;
        cur = sc;
        sc.params.add(".0");
        sc.add(".0", Scope.DEF_PARAM);
        for (int i = 0; i < gens.size(); i++) {
            Comprehension g = gens.get(i);
            if (g.isAsync()) sc.isCoroutine = true;
            if (i > 0) expr(g.iter());
            target(g.target());
            exprs(g.ifs());
        }
        expr(elt);
        expr(value);
        cur = saved;
    }

    // ----- pass 2: resolve ---------------------------------------------------------------

    /**
     * Resolves the names of scope s. bound holds the names bound in enclosing function
     * scopes (candidates for free variables); globals the names declared global above.
     */
    private void analyze(Scope s, Set<String> bound, Set<String> globals) {
        Set<String> newBound = new HashSet<>(bound);
        Set<String> newGlobals = new HashSet<>(globals);
        Set<String> locals = new HashSet<>();
        for (Map.Entry<String, Integer> e : s.flags.entrySet()) {
            String n = e.getKey();
            int f = e.getValue();
            if ((f & Scope.DEF_GLOBAL) != 0) {
                s.access.put(n, Scope.Access.GLOBAL_EXPLICIT);
                newGlobals.add(n);
            } else if ((f & Scope.DEF_NONLOCAL) != 0) {
                if (!bound.contains(n)) {
                    throw new CompileError("no binding for nonlocal '" + n + "' found", filename,
                            s.nonlocalPos.getOrDefault(n, Pos.NONE));
                }
                s.access.put(n, Scope.Access.FREE);
                s.frees.add(n);
            } else if ((f & (Scope.DEF_LOCAL | Scope.DEF_PARAM)) != 0) {
                s.access.put(n, s.kind == Scope.Kind.FUNCTION ? Scope.Access.LOCAL : Scope.Access.NAME);
                locals.add(n);
                newGlobals.remove(n);
            } else if (s.kind != Scope.Kind.MODULE && bound.contains(n) && !(s.kind == Scope.Kind.CLASS && false)) {
                s.access.put(n, Scope.Access.FREE);
                s.frees.add(n);
            } else if (globals.contains(n)) {
                s.access.put(n, Scope.Access.GLOBAL_EXPLICIT);
            } else {
                s.access.put(n, s.kind == Scope.Kind.FUNCTION ? Scope.Access.GLOBAL_IMPLICIT : Scope.Access.NAME);
            }
        }
        if (s.kind == Scope.Kind.FUNCTION) {
            newBound.addAll(locals);
            for (String n : s.frees) newBound.add(n);
        }
        if (s.kind == Scope.Kind.CLASS) newBound.add("__class__");
        for (Scope child : s.children) {
            analyze(child, newBound, newGlobals);
            for (String free : child.frees) {
                if (s.kind == Scope.Kind.CLASS && free.equals("__class__")) {
                    s.providesClassCell = true;
                    continue;
                }
                Scope.Access a = s.access.get(free);
                if (s.kind == Scope.Kind.FUNCTION && (a == Scope.Access.LOCAL || a == Scope.Access.CELL)) {
                    s.access.put(free, Scope.Access.CELL);
                    s.cells.add(free);
                } else if (a == null || a == Scope.Access.GLOBAL_IMPLICIT || a == Scope.Access.NAME || a == Scope.Access.FREE) {
                    if (s.kind == Scope.Kind.CLASS && a == Scope.Access.NAME && locals.contains(free)) {
                        // a class-level binding does not capture; the free name passes through
                        s.frees.add(free);
                    } else if (s.kind != Scope.Kind.MODULE) {
                        if (a == null || a != Scope.Access.NAME) s.access.put(free, Scope.Access.FREE);
                        s.frees.add(free);
                    }
                }
            }
        }
        if (s.needsClassCell && s.kind == Scope.Kind.FUNCTION && bound.contains("__class__")) {
            s.frees.add("__class__");
            if (!s.access.containsKey("__class__") || s.access.get("__class__") == Scope.Access.GLOBAL_IMPLICIT) {
                s.access.put("__class__", Scope.Access.FREE);
            }
        }
    }
}
