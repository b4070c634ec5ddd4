package toy.compile;

import static toy.compile.Opcode.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import toy.ast.*;
import toy.ast.Module;
import toy.object.BinOp;
import toy.object.Compare;
import toy.object.Py;
import toy.object.PyBool;
import toy.object.PyFloat;
import toy.object.PyInt;
import toy.object.PyObject;
import toy.object.PyStr;
import toy.object.PyTuple;

/**
 * Turns a module's AST into code objects, one per scope. Statements are compiled here,
 * expressions in {@link ExprCompiler}, try and with statements in {@link TryCompiler}. Control
 * flow that leaves a block early (return, break, continue) unwinds the compile-time block stack
 * ({@link FBlock}): popping runtime blocks, running finally bodies inline, closing
 * with-statements, and releasing except state.
 */
public final class Compiler {
    /** A compile-time block: what an early exit must undo. */
    static final class FBlock {
        enum Kind { WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, HANDLER_CLEANUP, WITH, ASYNC_WITH }

        final Kind kind;
        final int continueLabel, breakLabel;
        /** FINALLY_TRY: the finally body to run inline. */
        final List<Stmt> finalbody;
        /** HANDLER_CLEANUP: the "except ... as name" variable, or null. */
        final String name;

        FBlock(Kind kind, int continueLabel, int breakLabel, List<Stmt> finalbody, String name) {
            this.kind = kind;
            this.continueLabel = continueLabel;
            this.breakLabel = breakLabel;
            this.finalbody = finalbody;
            this.name = name;
        }
    }

    final SymbolTable st;
    final String filename;
    final boolean interactive;
    CodeBuilder u;
    final ExprCompiler ex;
    final TryCompiler tries;

    private Compiler(SymbolTable st, String filename, boolean interactive) {
        this.st = st;
        this.filename = filename;
        this.interactive = interactive;
        this.ex = new ExprCompiler(this);
        this.tries = new TryCompiler(this);
    }

    /** Compiles a whole module. interactive makes expression statements print their value (REPL). */
    public static Code compileModule(Module m, String filename, boolean interactive) {
        SymbolTable st = new SymbolTable(m, filename, interactive);
        Compiler c = new Compiler(st, filename, interactive);
        c.u = new CodeBuilder(st.module, "<module>", "<module>", filename, 1);
        for (Stmt s : m.body()) c.stmt(s);
        c.u.emit(LOAD_CONST, c.u.addConst(Py.None, "None"));
        c.u.emit(RETURN_VALUE);
        return c.u.build();
    }

    /** Compiles an expression for eval(): the code returns its value. */
    public static Code compileExpression(Expr e, String filename) {
        Module m = new Module(List.of(new Stmt.Return(e.pos(), e)));
        SymbolTable st = new SymbolTable(new Module(List.of(new Stmt.ExprStmt(e.pos(), e))), filename, false);
        Compiler c = new Compiler(st, filename, false);
        c.u = new CodeBuilder(st.module, "<module>", "<module>", filename, 1);
        c.ex.expr(e);
        c.u.emit(RETURN_VALUE);
        return c.u.build();
    }

    CompileError error(Pos p, String msg) { return new CompileError(msg, filename, p); }

    // ----- helpers -----------------------------------------------------------------------

    /** Makes p the source position of the instructions emitted next. */
    void setLine(Pos p) {
        if (p != null && p.line() > 0) {
            u.line = p.line();
            u.col = p.col();
            u.endLine = p.endLine();
            u.endCol = p.endCol();
        }
    }

    int constIndex(PyObject v, Object key) { return u.addConst(v, key); }

    /** The runtime object for a constant from the AST. */
    static PyObject constObject(Object value) {
        if (value == null || value == Expr.ConstantKind.NONE) return Py.None;
        if (value == Expr.ConstantKind.ELLIPSIS) return Py.Ellipsis;
        if (value instanceof Boolean b) return PyBool.of(b);
        if (value instanceof Long l) return PyInt.of(l);
        if (value instanceof Integer i) return PyInt.of(i);
        if (value instanceof BigInteger b) return PyInt.of(b);
        if (value instanceof Double d) return PyFloat.of(d);
        if (value instanceof String s) return PyStr.of(s);
        if (value instanceof byte[] b) return toy.object.PyBytes.of(b);
        if (value instanceof PyObject p) return p;
        throw new IllegalArgumentException("constant " + value);
    }

    /** A key that keeps 1, 1.0 and True apart in the constant pool (null: do not share). */
    private static Object constKey(Object value) {
        if (value == null || value == Expr.ConstantKind.NONE) return "None";
        if (value == Expr.ConstantKind.ELLIPSIS) return "...";
        if (value instanceof Boolean b) return b ? "True" : "False";
        if (value instanceof Integer i) return List.of("int", (long) i);
        if (value instanceof Double d) return List.of("float", Double.doubleToRawLongBits(d));
        if (value instanceof PyObject || value instanceof byte[]) return null;
        return List.of(value.getClass().getSimpleName(), value);
    }

    void loadConst(Object value) {
        u.emit(LOAD_CONST, u.addConst(constObject(value), constKey(value)));
    }

    // ----- names -------------------------------------------------------------------------

    enum NameOp { LOAD, STORE, DEL }

    /** Whether name is stored with STORE_FAST here. */
    boolean isFastLocal(String name) {
        return u.scope.kind == Scope.Kind.FUNCTION && u.scope.get(name) == Scope.Access.LOCAL
                && !(name.equals("__class__") && u.freevars.contains("__class__"));
    }

    void nameOp(String name, NameOp op) {
        Scope.Access a = u.scope.get(name);
        if (name.equals("__class__") && u.scope.kind == Scope.Kind.FUNCTION && u.freevars.contains("__class__")) {
            a = Scope.Access.FREE;
        }
        switch (a) {
            case LOCAL: {
                int i = u.varIndex(name);
                u.emit(op == NameOp.LOAD ? LOAD_FAST : op == NameOp.STORE ? STORE_FAST : DELETE_FAST, i);
                return;
            }
            case CELL:
            case FREE: {
                int i = u.derefIndex(name);
                if (op == NameOp.LOAD && u.scope.kind == Scope.Kind.CLASS) {
                    u.emit(LOAD_CLASSDEREF, i);
                } else {
                    u.emit(op == NameOp.LOAD ? LOAD_DEREF : op == NameOp.STORE ? STORE_DEREF : DELETE_DEREF, i);
                }
                return;
            }
            case GLOBAL_EXPLICIT:
            case GLOBAL_IMPLICIT: {
                int i = u.addName(name);
                if (u.scope.kind != Scope.Kind.FUNCTION && a == Scope.Access.GLOBAL_IMPLICIT) {
                    u.emit(op == NameOp.LOAD ? LOAD_NAME : op == NameOp.STORE ? STORE_NAME : DELETE_NAME, i);
                } else {
                    u.emit(op == NameOp.LOAD ? LOAD_GLOBAL : op == NameOp.STORE ? STORE_GLOBAL : DELETE_GLOBAL, i);
                }
                return;
            }
            default: {
                int i = u.addName(name);
                u.emit(op == NameOp.LOAD ? LOAD_NAME : op == NameOp.STORE ? STORE_NAME : DELETE_NAME, i);
            }
        }
    }

    // ----- statements --------------------------------------------------------------------

    void stmts(List<Stmt> body) { for (Stmt s : body) stmt(s); }

    void stmt(Stmt s) {
        setLine(s.pos());
        if (s instanceof Stmt.ExprStmt e) {
            if (interactive && u.scope.kind == Scope.Kind.MODULE) {
                ex.expr(e.value());
                u.emit(PRINT_EXPR);
            } else if (e.value() instanceof Expr.Constant) {
                // a docstring or a bare constant: nothing to run
            } else {
                ex.expr(e.value());
                u.emit(POP_TOP);
            }
        } else if (s instanceof Stmt.Assign a) {
            if (a.targets().size() == 1 && ex.assignDisplay(a.targets().get(0), a.value())) return;
            ex.expr(a.value());
            List<Expr> targets = a.targets();
            for (int i = 0; i < targets.size(); i++) {
                if (i < targets.size() - 1) u.emit(DUP_TOP);
                ex.assign(targets.get(i));
            }
        } else if (s instanceof Stmt.AugAssign a) {
            augAssign(a);
        } else if (s instanceof Stmt.AnnAssign a) {
            if (a.value() != null) {
                ex.expr(a.value());
                ex.assign(a.target());
            } else if (!(a.target() instanceof Expr.Name)) {
                ex.checkAnnTarget(a.target());
            }
        } else if (s instanceof Stmt.If i) {
            ifStmt(i);
        } else if (s instanceof Stmt.While w) {
            whileStmt(w);
        } else if (s instanceof Stmt.For f) {
            if (f.isAsync()) asyncFor(f); else forStmt(f);
        } else if (s instanceof Stmt.Pass) {
            u.emit(NOP);
        } else if (s instanceof Stmt.Break b) {
            breakOrContinue(b.pos(), true);
        } else if (s instanceof Stmt.Continue c) {
            breakOrContinue(c.pos(), false);
        } else if (s instanceof Stmt.Return r) {
            returnStmt(r);
        } else if (s instanceof Stmt.FunctionDef f) {
            functionDef(f);
        } else if (s instanceof Stmt.ClassDef c) {
            classDef(c);
        } else if (s instanceof Stmt.Delete d) {
            for (Expr t : d.targets()) ex.delete(t);
        } else if (s instanceof Stmt.Raise r) {
            int n = 0;
            if (r.exc() != null) { ex.expr(r.exc()); n = 1; }
            if (r.cause() != null) { ex.expr(r.cause()); n = 2; }
            setLine(r.pos());
            u.emit(RAISE_VARARGS, n);
        } else if (s instanceof Stmt.Try t) {
            tries.tryStmt(t);
        } else if (s instanceof Stmt.With w) {
            tries.withStmt(w, 0);
        } else if (s instanceof Stmt.Assert a) {
            int end = u.newLabel();
            ex.expr(a.test());
            u.jump(POP_JUMP_IF_TRUE, end);
            u.emit(LOAD_ASSERTION_ERROR);
            if (a.msg() != null) {
                ex.expr(a.msg());
                u.emit(CALL, 1);
            }
            setLine(a.pos());
            u.emit(RAISE_VARARGS, 1);
            u.mark(end);
        } else if (s instanceof Stmt.Import im) {
            for (Alias al : im.names()) {
                loadConst(0L);
                loadConst(null);
                u.emit(IMPORT_NAME, u.addName(al.name()));
                if (al.asname() != null) {
                    String[] parts = al.name().split("\\.");
                    for (int i = 1; i < parts.length; i++) {
                        u.emit(IMPORT_FROM, u.addName(parts[i]));
                        u.emit(ROT_TWO);
                        u.emit(POP_TOP);
                    }
                    nameOp(al.asname(), NameOp.STORE);
                } else {
                    nameOp(al.name().split("\\.")[0], NameOp.STORE);
                }
            }
        } else if (s instanceof Stmt.ImportFrom im) {
            importFrom(im);
        } else if (s instanceof Stmt.Global || s instanceof Stmt.Nonlocal) {
            // resolved by the symbol table
        } else {
            throw error(s.pos(), "unsupported statement");
        }
    }

    private void importFrom(Stmt.ImportFrom im) {
        loadConst((long) im.level());
        List<PyObject> names = new ArrayList<>();
        for (Alias al : im.names()) names.add(PyStr.of(al.name()));
        u.emit(LOAD_CONST, u.addConst(PyTuple.ofList(names), null));
        u.emit(IMPORT_NAME, u.addName(im.module() == null ? "" : im.module()));
        if (im.names().size() == 1 && im.names().get(0).name().equals("*")) {
            u.emit(IMPORT_STAR);
            return;
        }
        for (Alias al : im.names()) {
            u.emit(IMPORT_FROM, u.addName(al.name()));
            nameOp(al.asname() != null ? al.asname() : al.name(), NameOp.STORE);
        }
        u.emit(POP_TOP);
    }

    private void augAssign(Stmt.AugAssign a) {
        int op = a.op().ordinal();
        Expr t = a.target();
        if (t instanceof Expr.Name n) {
            nameOp(n.id(), NameOp.LOAD);
            ex.expr(a.value());
            setLine(a.pos());
            u.emit(INPLACE_OP, op);
            nameOp(n.id(), NameOp.STORE);
        } else if (t instanceof Expr.Attribute at) {
            ex.expr(at.value());
            u.emit(DUP_TOP);
            u.emit(LOAD_ATTR, u.addName(at.attr()));
            ex.expr(a.value());
            setLine(a.pos());
            u.emit(INPLACE_OP, op);
            u.emit(ROT_TWO);
            u.emit(STORE_ATTR, u.addName(at.attr()));
        } else if (t instanceof Expr.Subscript sub) {
            ex.expr(sub.value());
            ex.expr(sub.slice());
            u.emit(DUP_TOP_TWO);
            u.emit(BINARY_SUBSCR);
            ex.expr(a.value());
            setLine(a.pos());
            u.emit(INPLACE_OP, op);
            u.emit(ROT_THREE);
            u.emit(STORE_SUBSCR);
        } else {
            throw error(t.pos(), "'" + ExprCompiler.describe(t) + "' is an illegal expression for augmented assignment");
        }
    }

    /** CPython's CO_MAXBLOCKS: how deeply loops, try and with statements may nest. */
    private static final int MAX_BLOCKS = 20;

    void pushBlock(FBlock b) {
        if (u.fblocks.size() >= MAX_BLOCKS) {
            throw error(new Pos(u.line, Math.max(u.col, 0), u.endLine, Math.max(u.endCol, 0)), "too many statically nested blocks");
        }
        u.fblocks.push(b);
    }

    private void ifStmt(Stmt.If i) {
        int end = u.newLabel();
        Boolean known = ExprCompiler.constantTruth(i.test());
        if (known != null) {
            if (known) stmts(i.body()); else stmts(i.orelse());
            return;
        }
        int elseL = i.orelse().isEmpty() ? end : u.newLabel();
        ex.jumpIf(i.test(), false, elseL);
        stmts(i.body());
        if (!i.orelse().isEmpty()) {
            u.jump(JUMP, end);
            u.mark(elseL);
            stmts(i.orelse());
        }
        u.mark(end);
    }

    private void whileStmt(Stmt.While w) {
        int start = u.newLabel(), elseL = u.newLabel(), end = u.newLabel();
        u.mark(start);
        Boolean known = ExprCompiler.constantTruth(w.test());
        if (known == null || !known) ex.jumpIf(w.test(), false, elseL);
        pushBlock(new FBlock(FBlock.Kind.WHILE_LOOP, start, end, null, null));
        stmts(w.body());
        u.fblocks.pop();
        u.jump(JUMP_BACKWARD, start);
        u.mark(elseL);
        stmts(w.orelse());
        u.mark(end);
    }

    private void forStmt(Stmt.For f) {
        int start = u.newLabel(), cleanup = u.newLabel(), end = u.newLabel();
        ex.iterExpr(f.iter());
        setLine(f.pos());
        u.emit(GET_ITER);
        u.mark(start);
        u.jump(FOR_ITER, cleanup);
        ex.assign(f.target());
        pushBlock(new FBlock(FBlock.Kind.FOR_LOOP, start, end, null, null));
        stmts(f.body());
        u.fblocks.pop();
        setLine(f.pos());
        u.jump(JUMP_BACKWARD, start);
        u.mark(cleanup);
        stmts(f.orelse());
        u.mark(end);
    }

    private void asyncFor(Stmt.For f) {
        int start = u.newLabel(), except = u.newLabel(), end = u.newLabel(), elseL = u.newLabel();
        ex.expr(f.iter());
        u.emit(GET_AITER);
        u.mark(start);
        u.jump(SETUP_FINALLY, except);
        u.emit(GET_ANEXT);
        loadConst(null);
        u.emit(YIELD_FROM);
        u.emit(POP_BLOCK);
        ex.assign(f.target());
        pushBlock(new FBlock(FBlock.Kind.FOR_LOOP, start, end, null, null));
        stmts(f.body());
        u.fblocks.pop();
        u.jump(JUMP_BACKWARD, start);
        u.mark(except);
        // ( ait exc ) -> END_ASYNC_FOR pops both when exc is StopAsyncIteration, else re-raises
        u.emit(PUSH_EXC_INFO);
        u.emit(END_ASYNC_FOR);
        u.mark(elseL);
        stmts(f.orelse());
        u.mark(end);
    }

    private void breakOrContinue(Pos p, boolean isBreak) {
        FBlock loop = null;
        for (FBlock b : u.fblocks) {
            if (b.kind == FBlock.Kind.WHILE_LOOP || b.kind == FBlock.Kind.FOR_LOOP) { loop = b; break; }
        }
        if (loop == null) throw error(p, isBreak ? "'break' outside loop" : "'continue' not properly in loop");
        unwindTo(loop, false, isBreak);
        u.jump(isBreak ? JUMP : JUMP_BACKWARD, isBreak ? loop.breakLabel : loop.continueLabel);
    }

    private void returnStmt(Stmt.Return r) {
        if (u.scope.isCoroutine && u.scope.isGenerator && r.value() != null) {
            throw error(r.pos(), "'return' with value in async generator");
        }
        if (r.value() != null) ex.expr(r.value()); else loadConst(null);
        setLine(r.pos());
        unwindTo(null, true, false);
        u.emit(RETURN_VALUE);
    }

    /**
     * Emits the code that leaves every block up to (and, for break, including) target; null
     * means all blocks (return). preserveTop keeps the return value on top of the stack.
     */
    private void unwindTo(FBlock target, boolean preserveTop, boolean isBreak) {
        List<FBlock> saved = new ArrayList<>();
        Iterator<FBlock> it = u.fblocks.iterator();
        try {
            while (it.hasNext()) {
                FBlock b = it.next();
                if (b == target) {
                    if (isBreak && b.kind == FBlock.Kind.FOR_LOOP) u.emit(POP_TOP);
                    break;
                }
                unwindOne(b, preserveTop, saved);
            }
        } finally {
            // restore blocks popped while compiling finally bodies
            for (int i = saved.size() - 1; i >= 0; i--) u.fblocks.push(saved.get(i));
        }
    }

    private void unwindOne(FBlock b, boolean preserveTop, List<FBlock> saved) {
        switch (b.kind) {
            case WHILE_LOOP:
                return;
            case FOR_LOOP:
                if (preserveTop) u.emit(ROT_TWO);
                u.emit(POP_TOP);
                return;
            case TRY_EXCEPT:
                u.emit(POP_BLOCK);
                return;
            case FINALLY_TRY: {
                u.emit(POP_BLOCK);
                // run the finally body with this block (and those inside it) removed
                List<FBlock> popped = new ArrayList<>();
                while (u.fblocks.peek() != b) popped.add(u.fblocks.pop());
                popped.add(u.fblocks.pop());
                saved.addAll(0, popped);
                int savedLine = u.line;
                stmts(b.finalbody);
                u.line = savedLine;
                for (int i = popped.size() - 1; i >= 0; i--) u.fblocks.push(popped.get(i));
                for (int i = 0; i < popped.size(); i++) saved.remove(0);
                return;
            }
            case FINALLY_END:
                // stack: prev exc [v]
                u.emit(POP_BLOCK);
                if (preserveTop) {
                    u.emit(ROT_TWO);
                    u.emit(POP_TOP);
                    u.emit(ROT_TWO);
                } else {
                    u.emit(POP_TOP);
                }
                u.emit(POP_EXCEPT);
                return;
            case HANDLER_CLEANUP:
                // stack: prev [v]
                u.emit(POP_BLOCK);
                if (preserveTop) u.emit(ROT_TWO);
                u.emit(POP_EXCEPT);
                if (b.name != null) {
                    loadConst(null);
                    nameOp(b.name, NameOp.STORE);
                    nameOp(b.name, NameOp.DEL);
                }
                return;
            case WITH:
            case ASYNC_WITH:
                // stack: exit [v]
                u.emit(POP_BLOCK);
                if (preserveTop) u.emit(ROT_TWO);
                loadConst(null);
                u.emit(DUP_TOP);
                u.emit(DUP_TOP);
                u.emit(CALL, 3);
                if (b.kind == FBlock.Kind.ASYNC_WITH) {
                    u.emit(GET_AWAITABLE);
                    loadConst(null);
                    u.emit(YIELD_FROM);
                }
                u.emit(POP_TOP);
                return;
            default:
                throw new IllegalStateException();
        }
    }

    // ----- functions and classes -----------------------------------------------------------

    String childQualname(String name) {
        if (u.scope.kind == Scope.Kind.MODULE) return name;
        if (u.scope.kind == Scope.Kind.FUNCTION) return u.qualname + ".<locals>." + name;
        return u.qualname + "." + name;
    }

    private void functionDef(Stmt.FunctionDef f) {
        for (Expr d : f.decorators()) ex.expr(d);
        setLine(f.pos());
        Scope sc = st.scopeOf(f);
        Code code = compileFunctionBody(sc, f.name(), childQualname(f.name()), f.args(), f.body(), null, f.pos());
        makeFunction(code, f.args(), sc);
        for (int i = 0; i < f.decorators().size(); i++) u.emit(CALL, 1);
        nameOp(f.name(), NameOp.STORE);
    }

    /** Compiles a function body in a new unit. bodyExpr is set for lambdas. */
    Code compileFunctionBody(Scope sc, String name, String qualname, Arguments args, List<Stmt> body, Expr bodyExpr, Pos pos) {
        CodeBuilder parent = u;
        u = new CodeBuilder(sc, name, qualname, filename, pos.line());
        try {
            for (Arguments.Arg a : args.posonlyargs()) u.varIndex(a.name());
            for (Arguments.Arg a : args.args()) u.varIndex(a.name());
            for (Arguments.Arg a : args.kwonlyargs()) u.varIndex(a.name());
            if (args.vararg() != null) { u.varIndex(args.vararg().name()); u.flags |= Code.VARARGS; }
            if (args.kwarg() != null) { u.varIndex(args.kwarg().name()); u.flags |= Code.VARKEYWORDS; }
            u.argcount = args.posonlyargs().size() + args.args().size();
            u.posonlyargcount = args.posonlyargs().size();
            u.kwonlyargcount = args.kwonlyargs().size();
            setupCells(sc);
            if (sc.isGenerator && sc.isCoroutine) u.flags |= Code.ASYNC_GENERATOR;
            else if (sc.isGenerator) u.flags |= Code.GENERATOR;
            else if (sc.isCoroutine) u.flags |= Code.COROUTINE;
            u.flags |= Code.NEWLOCALS;
            // the docstring is the first constant (None when absent), as in CPython
            if (bodyExpr == null && !body.isEmpty() && body.get(0) instanceof Stmt.ExprStmt es
                    && es.value() instanceof Expr.Constant c && c.value() instanceof String doc) {
                u.addConst(PyStr.of(doc), List.of("str", doc));
            } else {
                u.addConst(Py.None, "None");
            }
            if (bodyExpr != null) {
                ex.expr(bodyExpr);
                if (sc.isGenerator) {
                    u.emit(POP_TOP);
                    loadConst(null);
                }
                u.emit(RETURN_VALUE);
            } else {
                stmts(body);
                if (u.lastOp() != RETURN_VALUE || true) {
                    loadConst(null);
                    u.emit(RETURN_VALUE);
                }
            }
            return u.build();
        } finally {
            u = parent;
        }
    }

    void setupCells(Scope sc) {
        for (String c : sc.cells) u.cellvars.add(c);
        if (sc.kind == Scope.Kind.CLASS && sc.providesClassCell) u.cellvars.add("__class__");
        for (String f : sc.frees) u.freevars.add(f);
    }

    /** Emits defaults, closure and MAKE_FUNCTION for a compiled code object. */
    void makeFunction(Code code, Arguments args, Scope sc) {
        int flags = 0;
        if (args != null && !args.defaults().isEmpty()) {
            for (Expr d : args.defaults()) ex.expr(d);
            u.emit(BUILD_TUPLE, args.defaults().size());
            flags |= 1;
        }
        if (args != null) {
            int n = 0;
            for (int i = 0; i < args.kwonlyargs().size(); i++) {
                Expr d = args.kwDefaults().get(i);
                if (d == null) continue;
                loadConst(args.kwonlyargs().get(i).name());
                ex.expr(d);
                n++;
            }
            if (n > 0) {
                u.emit(BUILD_MAP, n);
                flags |= 2;
            }
        }
        if (code.freevars.length > 0) {
            for (String fv : code.freevars) {
                int idx;
                if (fv.equals("__class__") && u.scope.kind == Scope.Kind.CLASS) idx = u.cellvars.indexOf("__class__");
                else idx = u.derefIndex(fv);
                u.emit(LOAD_CLOSURE, idx);
            }
            u.emit(BUILD_TUPLE, code.freevars.length);
            flags |= 8;
        }
        u.emit(LOAD_CONST, u.addConst(code, null));
        u.emit(MAKE_FUNCTION, flags);
    }

    private void classDef(Stmt.ClassDef c) {
        for (Expr d : c.decorators()) ex.expr(d);
        setLine(c.pos());
        Scope sc = st.scopeOf(c);
        String qualname = childQualname(c.name());
        CodeBuilder parent = u;
        u = new CodeBuilder(sc, c.name(), qualname, filename, c.pos().line());
        Code code;
        try {
            setupCells(sc);
            u.emit(LOAD_NAME, u.addName("__name__"));
            u.emit(STORE_NAME, u.addName("__module__"));
            loadConst(qualname);
            u.emit(STORE_NAME, u.addName("__qualname__"));
            List<Stmt> body = c.body();
            if (!body.isEmpty() && body.get(0) instanceof Stmt.ExprStmt es && es.value() instanceof Expr.Constant k
                    && k.value() instanceof String doc) {
                loadConst(doc);
                u.emit(STORE_NAME, u.addName("__doc__"));
            }
            stmts(body);
            if (sc.providesClassCell) {
                u.emit(LOAD_CLOSURE, u.cellvars.indexOf("__class__"));
                u.emit(STORE_NAME, u.addName("__classcell__"));
            }
            loadConst(null);
            u.emit(RETURN_VALUE);
            code = u.build();
        } finally {
            u = parent;
        }
        u.emit(LOAD_BUILD_CLASS);
        makeFunction(code, null, sc);
        loadConst(c.name());
        ex.callArgs(c.bases(), c.keywords(), 2, c.pos());
        for (int i = 0; i < c.decorators().size(); i++) u.emit(CALL, 1);
        nameOp(c.name(), NameOp.STORE);
    }
}
