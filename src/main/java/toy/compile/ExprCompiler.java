package toy.compile;

import static toy.compile.Opcode.*;

import java.util.ArrayList;
import java.util.List;
import toy.ast.*;
import toy.compile.Compiler.NameOp;
import toy.object.BinOp;
import toy.object.Compare;
import toy.object.PyObject;
import toy.object.PyStr;
import toy.object.PyTuple;

/** Compiles expressions, assignment targets and calls for {@link Compiler}. */
final class ExprCompiler {
    private final Compiler c;

    ExprCompiler(Compiler c) { this.c = c; }

    private CodeBuilder u() { return c.u; }

    private void emit(int op, int arg) { c.u.emit(op, arg); }

    private void emit(int op) { c.u.emit(op); }

    /** The constant truth value of a test, or null when it must be evaluated. */
    static Boolean constantTruth(Expr e) {
        if (e instanceof Expr.Constant k) {
            Object v = k.value();
            if (v instanceof Boolean b) return b;
            if (v instanceof Long l) return l != 0;
            if (v == Expr.ConstantKind.NONE) return false;
            if (v instanceof String s) return !s.isEmpty();
        }
        return null;
    }

    static String describe(Expr e) {
        if (e instanceof Expr.Call) return "function call";
        if (e instanceof Expr.Constant) return "literal";
        if (e instanceof Expr.BinOp || e instanceof Expr.UnaryOpExpr) return "expression";
        if (e instanceof Expr.Compare) return "comparison";
        if (e instanceof Expr.Lambda) return "lambda";
        if (e instanceof Expr.IfExp) return "conditional expression";
        if (e instanceof Expr.BoolOp) return "expression";
        return "expression";
    }

    void expr(Expr e) {
        PyObject k0;
        if (e instanceof Expr.Constant k) {
            c.loadConst(k.value());
        } else if (e instanceof Expr.Name n) {
            c.setLine(n.pos());
            c.nameOp(n.id(), NameOp.LOAD);
        } else if ((e instanceof Expr.BinOp || e instanceof Expr.UnaryOpExpr) && number(k0 = fold(e))) {
            // CPython's AST optimizer turns -1.5 and 2 ** 10 into constants
            emit(LOAD_CONST, u().addConst(k0, null));
        } else if (e instanceof Expr.BinOp b) {
            expr(b.left());
            expr(b.right());
            c.setLine(b.pos());
            emit(BINARY_OP, b.op().ordinal());
        } else if (e instanceof Expr.UnaryOpExpr un) {
            expr(un.operand());
            c.setLine(un.pos());
            switch (un.op()) {
                case NOT -> emit(UNARY_NOT);
                case USUB -> emit(UNARY_OP, BinOp.NEG);
                case UADD -> emit(UNARY_OP, BinOp.POS);
                case INVERT -> emit(UNARY_OP, BinOp.INVERT);
            }
        } else if (e instanceof Expr.BoolOp b) {
            int end = u().newLabel();
            List<Expr> vs = b.values();
            for (int i = 0; i < vs.size() - 1; i++) {
                expr(vs.get(i));
                u().jump(b.isAnd() ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP, end);
            }
            expr(vs.get(vs.size() - 1));
            u().mark(end);
        } else if (e instanceof Expr.Compare cmp) {
            compare(cmp);
        } else if (e instanceof Expr.Call call) {
            call(call);
        } else if (e instanceof Expr.Attribute a) {
            expr(a.value());
            c.setLine(a.pos());
            emit(LOAD_ATTR, u().addName(a.attr()));
        } else if (e instanceof Expr.Subscript s) {
            expr(s.value());
            expr(s.slice());
            c.setLine(s.pos());
            emit(BINARY_SUBSCR);
        } else if (e instanceof Expr.Slice s) {
            if (s.lower() != null) expr(s.lower()); else c.loadConst(null);
            if (s.upper() != null) expr(s.upper()); else c.loadConst(null);
            if (s.step() != null) {
                expr(s.step());
                emit(BUILD_SLICE, 3);
            } else {
                emit(BUILD_SLICE, 2);
            }
        } else if (e instanceof Expr.Tuple t) {
            if (hasStar(t.elts())) {
                starredList(t.elts());
                emit(LIST_TO_TUPLE);
            } else if (allConstant(t.elts())) {
                List<PyObject> vals = new ArrayList<>();
                for (Expr x : t.elts()) vals.add(constValue((Expr.Constant) x));
                emit(LOAD_CONST, u().addConst(PyTuple.ofList(vals), null));
            } else {
                for (Expr x : t.elts()) expr(x);
                emit(BUILD_TUPLE, t.elts().size());
            }
        } else if (e instanceof Expr.ListExpr l) {
            if (hasStar(l.elts())) {
                starredList(l.elts());
            } else {
                for (Expr x : l.elts()) expr(x);
                emit(BUILD_LIST, l.elts().size());
            }
        } else if (e instanceof Expr.SetExpr s) {
            List<PyObject> folded;
            if (hasStar(s.elts())) {
                emit(BUILD_SET, 0);
                for (Expr x : s.elts()) {
                    if (x instanceof Expr.Starred st) {
                        expr(st.value());
                        emit(SET_UPDATE, 1);
                    } else {
                        expr(x);
                        emit(SET_ADD, 1);
                    }
                }
            } else if (s.elts().size() > 2 && (folded = foldAll(s.elts())) != null) {
                // CPython 3.11: BUILD_SET 0, LOAD_CONST frozenset, SET_UPDATE 1 (the order differs
                // from adding the items one by one once the table resizes)
                emit(BUILD_SET, 0);
                emit(LOAD_CONST, u().addConst(constFrozenset(folded), null));
                emit(SET_UPDATE, 1);
            } else {
                for (Expr x : s.elts()) expr(x);
                emit(BUILD_SET, s.elts().size());
            }
        } else if (e instanceof Expr.Dict d) {
            dict(d);
        } else if (e instanceof Expr.IfExp i) {
            int elseL = u().newLabel(), end = u().newLabel();
            jumpIf(i.test(), false, elseL);
            expr(i.body());
            u().jump(JUMP, end);
            u().mark(elseL);
            expr(i.orelse());
            u().mark(end);
        } else if (e instanceof Expr.Lambda l) {
            Scope sc = c.st.scopeOf(l);
            Code code = c.compileFunctionBody(sc, "<lambda>", c.childQualname("<lambda>"), l.args(), List.of(), l.body(), l.pos());
            c.makeFunction(code, l.args(), sc);
        } else if (e instanceof Expr.ListComp lc) {
            comprehension(e, "<listcomp>", lc.generators(), lc.elt(), null, 0);
        } else if (e instanceof Expr.SetComp sc) {
            comprehension(e, "<setcomp>", sc.generators(), sc.elt(), null, 1);
        } else if (e instanceof Expr.DictComp dc) {
            comprehension(e, "<dictcomp>", dc.generators(), dc.key(), dc.value(), 2);
        } else if (e instanceof Expr.GeneratorExp g) {
            comprehension(e, "<genexpr>", g.generators(), g.elt(), null, 3);
        } else if (e instanceof Expr.Yield y) {
            if (y.value() != null) expr(y.value()); else c.loadConst(null);
            c.setLine(y.pos());
            emit(YIELD_VALUE);
        } else if (e instanceof Expr.YieldFrom y) {
            expr(y.value());
            c.setLine(y.pos());
            emit(GET_YIELD_FROM_ITER);
            c.loadConst(null);
            emit(YIELD_FROM);
        } else if (e instanceof Expr.Await a) {
            expr(a.value());
            c.setLine(a.pos());
            emit(GET_AWAITABLE);
            c.loadConst(null);
            emit(YIELD_FROM);
        } else if (e instanceof Expr.JoinedStr j) {
            if (j.values().size() == 1 && j.values().get(0) instanceof Expr.Constant) {
                expr(j.values().get(0));
                return;
            }
            for (Expr v : j.values()) expr(v);
            if (j.values().size() != 1) emit(BUILD_STRING, j.values().size());
        } else if (e instanceof Expr.FormattedValue f) {
            expr(f.value());
            int conv = switch (f.conversion()) {
                case 's' -> 1;
                case 'r' -> 2;
                case 'a' -> 3;
                default -> 0;
            };
            if (f.formatSpec() != null) {
                expr(f.formatSpec());
                conv |= 4;
            }
            emit(FORMAT_VALUE, conv);
        } else if (e instanceof Expr.NamedExpr ne) {
            expr(ne.value());
            emit(DUP_TOP);
            c.nameOp(ne.target().id(), NameOp.STORE);
        } else if (e instanceof Expr.Starred s) {
            throw c.error(s.pos(), "can't use starred expression here");
        } else {
            throw c.error(e.pos(), "unsupported expression");
        }
    }

    private static boolean hasStar(List<Expr> es) {
        for (Expr e : es) if (e instanceof Expr.Starred) return true;
        return false;
    }

    private static boolean allConstant(List<Expr> es) {
        if (es.isEmpty()) return true;
        for (Expr e : es) if (!(e instanceof Expr.Constant)) return false;
        return true;
    }

    private PyObject constValue(Expr.Constant k) { return Compiler.constObject(k.value()); }

    /**
     * A frozenset constant as CPython 3.11 makes it: built from the items, then rebuilt from its
     * own iteration order when the compiler merges constants (merge_consts_recursive).
     */
    private static PyObject constFrozenset(List<PyObject> items) {
        PyObject f = toy.object.PySet.frozenOf(PyTuple.ofList(items));
        List<PyObject> order = new ArrayList<>();
        PyObject it = f.iter();
        for (PyObject x; (x = it.next()) != null; ) order.add(x);
        return toy.object.PySet.frozenOf(PyTuple.ofList(order));
    }

    /** The iterable of a for loop or comprehension: a constant set display becomes a frozenset constant (ast_opt fold_iter). */
    void iterExpr(Expr e) {
        List<PyObject> folded;
        if (e instanceof Expr.SetExpr s && !hasStar(s.elts()) && (folded = foldAll(s.elts())) != null) {
            emit(LOAD_CONST, u().addConst(constFrozenset(folded), null));
        } else {
            expr(e);
        }
    }

    /** The values of expressions that CPython's AST optimizer folds to constants, or null. */
    private static List<PyObject> foldAll(List<Expr> es) {
        List<PyObject> vals = new ArrayList<>();
        for (Expr x : es) {
            PyObject v = fold(x);
            if (v == null) return null;
            vals.add(v);
        }
        return vals;
    }

    private static final int MAX_INT_SIZE = 128;

    /** CPython 3.11 ast_opt.c folding of constants, unary and binary numeric operators, tuples. */
    private static PyObject fold(Expr e) {
        if (e instanceof Expr.Constant k) return Compiler.constObject(k.value());
        if (e instanceof Expr.Tuple t) {
            List<PyObject> vals = foldAll(t.elts());
            return vals == null ? null : PyTuple.ofList(vals);
        }
        try {
            if (e instanceof Expr.UnaryOpExpr un) {
                PyObject v = fold(un.operand());
                if (v == null) return null;
                switch (un.op()) {
                    case NOT: return toy.object.PyBool.of(!toy.object.Ops.isTrue(v));
                    case USUB: return number(v) ? toy.object.Ops.unary(v, BinOp.NEG) : null;
                    case UADD: return number(v) ? toy.object.Ops.unary(v, BinOp.POS) : null;
                    default: return number(v) ? toy.object.Ops.unary(v, BinOp.INVERT) : null;
                }
            }
            if (e instanceof Expr.BinOp b) {
                PyObject l = fold(b.left()), r = fold(b.right());
                if (l == null || r == null || !number(l) || !number(r)) return null;
                int op = b.op().ordinal();
                if (l instanceof toy.object.PyInt x && r instanceof toy.object.PyInt y && x.signum() != 0 && y.signum() != 0) {
                    long xb = x.toBig().abs().bitLength(), yb = y.toBig().abs().bitLength();
                    if (op == BinOp.MUL && xb + yb > MAX_INT_SIZE) return null;
                    if (op == BinOp.POW && y.signum() > 0 && (yb > 63 || xb > MAX_INT_SIZE / y.toBig().longValue())) return null;
                    if (op == BinOp.LSHIFT) {
                        if (y.signum() < 0 || yb > 63) return null;
                        long w = y.toBig().longValue();
                        if (w > MAX_INT_SIZE || xb > MAX_INT_SIZE - w) return null;
                    }
                }
                return toy.object.Ops.binary(l, r, op);
            }
        } catch (toy.object.PyException ex) {
            return null;
        }
        return null;
    }

    private static boolean number(PyObject v) {
        return v instanceof toy.object.PyInt || v instanceof toy.object.PyFloat;
    }

    /** Builds a list from items some of which are starred. ( -- list ) */
    private void starredList(List<Expr> elts) {
        emit(BUILD_LIST, 0);
        for (Expr x : elts) {
            if (x instanceof Expr.Starred st) {
                expr(st.value());
                emit(LIST_EXTEND, 1);
            } else {
                expr(x);
                emit(LIST_APPEND, 1);
            }
        }
    }

    private void dict(Expr.Dict d) {
        boolean hasSplat = false;
        for (Expr k : d.keys()) if (k == null) hasSplat = true;
        if (!hasSplat) {
            for (int i = 0; i < d.keys().size(); i++) {
                expr(d.keys().get(i));
                expr(d.values().get(i));
            }
            emit(BUILD_MAP, d.keys().size());
            return;
        }
        emit(BUILD_MAP, 0);
        for (int i = 0; i < d.keys().size(); i++) {
            if (d.keys().get(i) == null) {
                expr(d.values().get(i));
                emit(DICT_UPDATE, 1);
            } else {
                expr(d.keys().get(i));
                expr(d.values().get(i));
                emit(MAP_ADD, 1);
            }
        }
    }

    private void compare(Expr.Compare cmp) {
        expr(cmp.left());
        List<CmpOp> ops = cmp.ops();
        if (ops.size() == 1) {
            expr(cmp.comparators().get(0));
            c.setLine(cmp.pos());
            compareOp(ops.get(0));
            return;
        }
        int cleanup = u().newLabel(), end = u().newLabel();
        for (int i = 0; i < ops.size(); i++) {
            expr(cmp.comparators().get(i));
            if (i < ops.size() - 1) {
                emit(DUP_TOP);
                emit(ROT_THREE);
                c.setLine(cmp.pos());
                compareOp(ops.get(i));
                u().jump(JUMP_IF_FALSE_OR_POP, cleanup);
            } else {
                c.setLine(cmp.pos());
                compareOp(ops.get(i));
            }
        }
        u().jump(JUMP, end);
        u().mark(cleanup);
        emit(ROT_TWO);
        emit(POP_TOP);
        u().mark(end);
    }

    private void compareOp(CmpOp op) {
        switch (op) {
            case LT -> emit(COMPARE_OP, Compare.LT);
            case LTE -> emit(COMPARE_OP, Compare.LE);
            case EQ -> emit(COMPARE_OP, Compare.EQ);
            case NOTEQ -> emit(COMPARE_OP, Compare.NE);
            case GT -> emit(COMPARE_OP, Compare.GT);
            case GTE -> emit(COMPARE_OP, Compare.GE);
            case IS -> emit(IS_OP, 0);
            case ISNOT -> emit(IS_OP, 1);
            case IN -> emit(CONTAINS_OP, 0);
            case NOTIN -> emit(CONTAINS_OP, 1);
        }
    }

    /** Emits a conditional jump to label when the test's truth equals jumpWhen. */
    void jumpIf(Expr test, boolean jumpWhen, int label) {
        if (test instanceof Expr.UnaryOpExpr un && un.op() == UnaryOp.NOT) {
            jumpIf(un.operand(), !jumpWhen, label);
            return;
        }
        if (test instanceof Expr.BoolOp b) {
            List<Expr> vs = b.values();
            if (b.isAnd() != jumpWhen) {
                // and/false or or/true: any operand deciding jumps straight to label
                for (Expr v : vs) jumpIf(v, jumpWhen, label);
            } else {
                int skip = u().newLabel();
                for (int i = 0; i < vs.size() - 1; i++) jumpIf(vs.get(i), !jumpWhen, skip);
                jumpIf(vs.get(vs.size() - 1), jumpWhen, label);
                u().mark(skip);
            }
            return;
        }
        expr(test);
        u().jump(jumpWhen ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, label);
    }

    // ----- calls -----------------------------------------------------------------------------

    private void call(Expr.Call call) {
        boolean simple = !hasStar(call.args());
        for (Keyword k : call.keywords()) if (k.arg() == null) simple = false;
        if (simple && call.keywords().isEmpty() && call.func() instanceof Expr.Attribute a) {
            expr(a.value());
            c.setLine(a.pos());
            emit(LOAD_METHOD, u().addName(a.attr()));
            for (Expr x : call.args()) expr(x);
            c.setLine(call.pos());
            emit(CALL_METHOD, call.args().size());
            return;
        }
        expr(call.func());
        callArgs(call.args(), call.keywords(), 0, call.pos());
    }

    /** Emits the arguments and the call; extra is the number of positional values already pushed. */
    void callArgs(List<Expr> args, List<Keyword> keywords, int extra, Pos pos) {
        boolean simple = !hasStar(args);
        for (Keyword k : keywords) if (k.arg() == null) simple = false;
        checkKeywords(keywords);
        if (simple) {
            for (Expr x : args) expr(x);
            if (keywords.isEmpty()) {
                c.setLine(pos);
                emit(CALL, extra + args.size());
                return;
            }
            List<PyObject> names = new ArrayList<>();
            for (Keyword k : keywords) {
                expr(k.value());
                names.add(PyStr.intern(k.arg()));
            }
            emit(LOAD_CONST, u().addConst(PyTuple.ofList(names), null));
            c.setLine(pos);
            emit(CALL_KW, extra + args.size() + keywords.size());
            return;
        }
        // general form: build the positional tuple and the keyword dict
        if (extra == 0 && args.size() == 1 && args.get(0) instanceof Expr.Starred only) {
            // f(*it): CALL_FUNCTION_EX makes the tuple (and names f in its error), as CPython
            expr(only.value());
        } else {
            starArgs(args, extra);
        }
        if (keywords.isEmpty()) {
            c.setLine(pos);
            emit(CALL_FUNCTION_EX, 0);
            return;
        }
        keywordDict(keywords, pos);
    }

    private void starArgs(List<Expr> args, int extra) {
        emit(BUILD_LIST, extra);
        for (Expr x : args) {
            if (x instanceof Expr.Starred st) {
                expr(st.value());
                emit(LIST_EXTEND, 1);
            } else {
                expr(x);
                emit(LIST_APPEND, 1);
            }
        }
        emit(LIST_TO_TUPLE);
    }

    private void keywordDict(List<Keyword> keywords, Pos pos) {
        emit(BUILD_MAP, 0);
        for (Keyword k : keywords) {
            if (k.arg() == null) {
                expr(k.value());
                emit(DICT_MERGE, 1);
            } else {
                c.loadConst(k.arg());
                expr(k.value());
                emit(BUILD_MAP, 1);
                emit(DICT_MERGE, 1);
            }
        }
        c.setLine(pos);
        emit(CALL_FUNCTION_EX, 1);
    }

    private void checkKeywords(List<Keyword> keywords) {
        for (int i = 0; i < keywords.size(); i++) {
            String a = keywords.get(i).arg();
            if (a == null) continue;
            for (int j = i + 1; j < keywords.size(); j++) {
                if (a.equals(keywords.get(j).arg())) {
                    throw c.error(keywords.get(j).pos(), "keyword argument repeated: " + a);
                }
            }
        }
    }

    // ----- comprehensions --------------------------------------------------------------------

    /** kind: 0 list, 1 set, 2 dict, 3 generator. */
    private void comprehension(Expr node, String name, List<Comprehension> gens, Expr elt, Expr value, int kind) {
        Scope sc = c.st.scopeOf(node);
        CodeBuilder parent = c.u;
        Code code;
        c.u = new CodeBuilder(sc, name, c.childQualname(name), c.filename, node.pos().line());
        try {
            CodeBuilder u = c.u;
            u.varIndex(".0");
            u.argcount = 1;
            c.setupCells(sc);
            u.flags |= Code.NEWLOCALS;
            if (kind == 3) u.flags |= sc.isCoroutine ? Code.ASYNC_GENERATOR : Code.GENERATOR;
            else if (sc.isCoroutine) u.flags |= Code.COROUTINE;
            if (kind == 0) emit(BUILD_LIST, 0);
            else if (kind == 1) emit(BUILD_SET, 0);
            else if (kind == 2) emit(BUILD_MAP, 0);
            comprehensionLoop(gens, 0, elt, value, kind);
            if (kind == 3) c.loadConst(null);
            emit(RETURN_VALUE);
            code = u.build();
        } finally {
            c.u = parent;
        }
        c.makeFunction(code, null, sc);
        Comprehension first = gens.get(0);
        iterExpr(first.iter());
        emit(first.isAsync() ? GET_AITER : GET_ITER);
        c.setLine(node.pos());
        emit(CALL, 1);
        if (sc.isCoroutine && kind != 3) {
            emit(GET_AWAITABLE);
            c.loadConst(null);
            emit(YIELD_FROM);
        }
    }

    private void comprehensionLoop(List<Comprehension> gens, int depth, Expr elt, Expr value, int kind) {
        Comprehension g = gens.get(depth);
        int start = u().newLabel(), end = u().newLabel(), except = u().newLabel();
        if (depth == 0) {
            emit(LOAD_FAST, 0);
        } else {
            iterExpr(g.iter());
            emit(g.isAsync() ? GET_AITER : GET_ITER);
        }
        u().mark(start);
        if (g.isAsync()) {
            u().jump(SETUP_FINALLY, except);
            emit(GET_ANEXT);
            c.loadConst(null);
            emit(YIELD_FROM);
            emit(POP_BLOCK);
        } else {
            u().jump(FOR_ITER, end);
        }
        assign(g.target());
        for (Expr cond : g.ifs()) jumpIf(cond, false, start);
        if (depth + 1 < gens.size()) {
            comprehensionLoop(gens, depth + 1, elt, value, kind);
        } else {
            int below = depth + 2;
            switch (kind) {
                case 0 -> { expr(elt); emit(LIST_APPEND, below); }
                case 1 -> { expr(elt); emit(SET_ADD, below); }
                case 2 -> { expr(elt); expr(value); emit(MAP_ADD, below); }
                default -> { expr(elt); emit(YIELD_VALUE); emit(POP_TOP); }
            }
        }
        u().jump(JUMP_BACKWARD, start);
        if (g.isAsync()) {
            u().mark(except);
            emit(PUSH_EXC_INFO);
            emit(END_ASYNC_FOR);
        }
        u().mark(end);
    }

    // ----- assignment targets ----------------------------------------------------------------

    /** Stores the value on top of the stack into target. */
    void assign(Expr t) {
        if (t instanceof Expr.Name n) {
            c.nameOp(n.id(), NameOp.STORE);
        } else if (t instanceof Expr.Attribute a) {
            expr(a.value());
            emit(STORE_ATTR, u().addName(a.attr()));
        } else if (t instanceof Expr.Subscript s) {
            expr(s.value());
            expr(s.slice());
            emit(STORE_SUBSCR);
        } else if (t instanceof Expr.Tuple || t instanceof Expr.ListExpr) {
            List<Expr> elts = t instanceof Expr.Tuple tu ? tu.elts() : ((Expr.ListExpr) t).elts();
            int star = -1;
            for (int i = 0; i < elts.size(); i++) {
                if (elts.get(i) instanceof Expr.Starred) {
                    if (star >= 0) throw c.error(elts.get(i).pos(), "multiple starred expressions in assignment");
                    star = i;
                }
            }
            c.setLine(t.pos());
            if (star < 0) {
                emit(UNPACK_SEQUENCE, elts.size());
            } else {
                emit(UNPACK_EX, star | ((elts.size() - star - 1) << 8));
            }
            for (Expr e : elts) assign(e instanceof Expr.Starred s ? s.value() : e);
        } else if (t instanceof Expr.Starred s) {
            throw c.error(s.pos(), "starred assignment target must be in a list or tuple");
        } else {
            throw c.error(t.pos(), "cannot assign to " + describe(t));
        }
    }

    /**
     * {@code a, b = x, y} with one target and a display of the same one to three values, as
     * CPython 3.11 compiles it: its peephole optimizer turns BUILD_TUPLE n + UNPACK_SEQUENCE n
     * into SWAP n (n = 1: nothing), and then removes the SWAP by storing right to left when
     * every target is a different fast local on one line. The difference shows when the old
     * values die: {@code a, b = b, a} in a function drops b's old value first. A display that
     * CPython folds to a constant ({@code 1, "a" * 2}) is unpacked as usual. Returns false
     * (nothing emitted) when this form does not apply.
     */
    boolean assignDisplay(Expr target, Expr value) {
        if (!(value instanceof Expr.Tuple vt) || !(target instanceof Expr.Tuple || target instanceof Expr.ListExpr)) return false;
        List<Expr> elts = target instanceof Expr.Tuple tu ? tu.elts() : ((Expr.ListExpr) target).elts();
        int n = elts.size();
        if (n > 3 || vt.elts().size() != n || hasStar(elts) || hasStar(vt.elts()) || mayFold(vt)) return false;
        for (Expr x : vt.elts()) expr(x);
        if (n == 1) {
            assign(elts.get(0));
            return true;
        }
        if (distinctFastLocalsOnOneLine(elts)) {
            // the slots are numbered in source order, as CPython numbers them before it reorders the stores
            for (Expr e : elts) u().varIndex(((Expr.Name) e).id());
            for (int i = n - 1; i >= 0; i--) assign(elts.get(i));
            return true;
        }
        // SWAP n: the first value on top
        if (n == 3) emit(ROT_THREE);
        emit(ROT_TWO);
        for (Expr e : elts) assign(e);
        return true;
    }

    /**
     * Whether CPython's AST optimizer may fold e to a constant: it is built only of constants,
     * operators, subscripts by a constant (not a slice), tuples and {@code __debug__}. (It does not fold when the result
     * would be too big or the operation raises; such a display is still unpacked in order
     * here, which differs only in when the old values die.)
     */
    private static boolean mayFold(Expr e) {
        if (e instanceof Expr.Constant) return true;
        if (e instanceof Expr.Name n) return n.id().equals("__debug__");
        if (e instanceof Expr.UnaryOpExpr u) return mayFold(u.operand());
        if (e instanceof Expr.BinOp b) return mayFold(b.left()) && mayFold(b.right());
        if (e instanceof Expr.Subscript s) return mayFold(s.value()) && mayFold(s.slice());
        if (e instanceof Expr.Tuple t) {
            for (Expr x : t.elts()) if (!mayFold(x)) return false;
            return true;
        }
        return false;
    }

    private boolean distinctFastLocalsOnOneLine(List<Expr> targets) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Expr e : targets) {
            if (!(e instanceof Expr.Name n) || !c.isFastLocal(n.id()) || !seen.add(n.id())
                    || n.pos().line() != targets.get(0).pos().line()) {
                return false;
            }
        }
        return true;
    }

    void checkAnnTarget(Expr t) {
        if (t instanceof Expr.Attribute a) {
            expr(a.value());
            emit(POP_TOP);
        } else if (t instanceof Expr.Subscript s) {
            expr(s.value());
            emit(POP_TOP);
            expr(s.slice());
            emit(POP_TOP);
        }
    }

    void delete(Expr t) {
        if (t instanceof Expr.Name n) {
            c.nameOp(n.id(), NameOp.DEL);
        } else if (t instanceof Expr.Attribute a) {
            expr(a.value());
            c.setLine(a.pos());
            emit(DELETE_ATTR, u().addName(a.attr()));
        } else if (t instanceof Expr.Subscript s) {
            expr(s.value());
            expr(s.slice());
            c.setLine(s.pos());
            emit(DELETE_SUBSCR);
        } else if (t instanceof Expr.Tuple tu) {
            for (Expr e : tu.elts()) delete(e);
        } else if (t instanceof Expr.ListExpr l) {
            for (Expr e : l.elts()) delete(e);
        } else {
            throw c.error(t.pos(), "cannot delete " + describe(t));
        }
    }
}
