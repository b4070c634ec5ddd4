package toy.compile;

import static toy.compile.Opcode.*;

import java.util.List;
import toy.ast.*;
import toy.compile.Compiler.FBlock;
import toy.compile.Compiler.NameOp;

/**
 * Compiles try (except, else, finally) and with statements for {@link Compiler}: the
 * exception-table blocks, the cleanup handlers that restore the previous exception, and the
 * compile-time blocks ({@link FBlock}) that let an early exit from the body run the finally
 * body or close the context manager. Split out of Compiler, which dispatches these statements
 * here and keeps the unwinding that the blocks drive.
 */
final class TryCompiler {
    private final Compiler c;

    TryCompiler(Compiler c) { this.c = c; }

    /** The cleanup handler for an except body: ( prev exc2 ) restores prev and re-raises. */
    private void emitCleanupPrevOnly() {
        c.u.emit(ROT_TWO);
        c.u.emit(POP_EXCEPT);
        c.u.emit(RERAISE);
    }

    /** The cleanup handler while the caught exception is still on the stack: ( prev exc exc2 ). */
    private void emitCleanupWithExc() {
        c.u.emit(ROT_TWO);
        c.u.emit(POP_TOP);
        emitCleanupPrevOnly();
    }

    void tryStmt(Stmt.Try t) {
        if (!t.finalbody().isEmpty()) {
            tryFinally(t);
        } else {
            tryExcept(t);
        }
    }

    private void tryFinally(Stmt.Try t) {
        int handler = c.u.newLabel(), cleanup = c.u.newLabel(), end = c.u.newLabel();
        c.u.jump(SETUP_FINALLY, handler);
        FBlock fb = new FBlock(FBlock.Kind.FINALLY_TRY, -1, -1, t.finalbody(), null);
        c.pushBlock(fb);
        if (!t.handlers().isEmpty()) {
            tryExcept(new Stmt.Try(t.pos(), t.body(), t.handlers(), t.orelse(), List.of()));
        } else {
            c.stmts(t.body());
        }
        c.u.fblocks.pop();
        c.u.emit(POP_BLOCK);
        c.stmts(t.finalbody());
        c.u.jump(JUMP, end);
        // exceptional path: ( exc )
        c.u.mark(handler);
        c.u.emit(PUSH_EXC_INFO);
        c.u.jump(SETUP_FINALLY, cleanup);
        c.pushBlock(new FBlock(FBlock.Kind.FINALLY_END, -1, -1, null, null));
        c.stmts(t.finalbody());
        c.u.fblocks.pop();
        c.u.emit(POP_BLOCK);
        c.u.emit(ROT_TWO);
        c.u.emit(POP_EXCEPT);
        c.u.emit(RERAISE);
        c.u.mark(cleanup);
        emitCleanupWithExc();
        c.u.mark(end);
    }

    private void tryExcept(Stmt.Try t) {
        int handler = c.u.newLabel(), cleanup = c.u.newLabel(), elseL = c.u.newLabel(), end = c.u.newLabel();
        c.u.jump(SETUP_FINALLY, handler);
        c.pushBlock(new FBlock(FBlock.Kind.TRY_EXCEPT, -1, -1, null, null));
        c.stmts(t.body());
        c.u.fblocks.pop();
        c.u.emit(POP_BLOCK);
        c.u.jump(JUMP, elseL);
        // ( exc )
        c.u.mark(handler);
        c.u.emit(PUSH_EXC_INFO);
        c.u.jump(SETUP_FINALLY, cleanup);
        for (int i = 0; i < t.handlers().size(); i++) {
            ExceptHandler h = t.handlers().get(i);
            c.setLine(h.pos());
            if (h.type() == null && i < t.handlers().size() - 1) throw c.error(h.pos(), "default 'except:' must be last");
            int next = c.u.newLabel();
            if (h.type() != null) {
                c.ex.expr(h.type());
                c.u.jump(JUMP_IF_NOT_EXC_MATCH, next);
            }
            c.u.emit(POP_BLOCK);
            if (h.name() != null) c.nameOp(h.name(), NameOp.STORE); else c.u.emit(POP_TOP);
            // ( prev )
            int bodyCleanup = c.u.newLabel();
            c.u.jump(SETUP_FINALLY, bodyCleanup);
            c.pushBlock(new FBlock(FBlock.Kind.HANDLER_CLEANUP, -1, -1, null, h.name()));
            c.stmts(h.body());
            c.u.fblocks.pop();
            c.u.emit(POP_BLOCK);
            c.u.emit(POP_EXCEPT);
            if (h.name() != null) {
                c.loadConst(null);
                c.nameOp(h.name(), NameOp.STORE);
                c.nameOp(h.name(), NameOp.DEL);
            }
            c.u.jump(JUMP, end);
            c.u.mark(bodyCleanup);
            if (h.name() != null) {
                c.loadConst(null);
                c.nameOp(h.name(), NameOp.STORE);
                c.nameOp(h.name(), NameOp.DEL);
            }
            emitCleanupPrevOnly();
            c.u.mark(next);
        }
        // no handler matched: re-raise through the cleanup block
        c.u.emit(RERAISE);
        c.u.mark(cleanup);
        emitCleanupWithExc();
        c.u.mark(elseL);
        c.stmts(t.orelse());
        c.u.mark(end);
    }

    void withStmt(Stmt.With w, int index) {
        boolean async = w.isAsync();
        WithItem item = w.items().get(index);
        int handler = c.u.newLabel(), cleanup = c.u.newLabel(), suppress = c.u.newLabel(), end = c.u.newLabel();
        c.ex.expr(item.contextExpr());
        c.setLine(w.pos());
        if (async) {
            c.u.emit(BEFORE_ASYNC_WITH);
            c.loadConst(null);
            c.u.emit(YIELD_FROM);
            c.u.jump(SETUP_ASYNC_WITH, handler);
        } else {
            c.u.jump(SETUP_WITH, handler);
        }
        if (item.optionalVars() != null) c.ex.assign(item.optionalVars()); else c.u.emit(POP_TOP);
        FBlock fb = new FBlock(async ? FBlock.Kind.ASYNC_WITH : FBlock.Kind.WITH, -1, -1, null, null);
        c.pushBlock(fb);
        if (index + 1 < w.items().size()) withStmt(w, index + 1); else c.stmts(w.body());
        c.u.fblocks.pop();
        c.setLine(w.pos());
        c.u.emit(POP_BLOCK);
        c.loadConst(null);
        c.u.emit(DUP_TOP);
        c.u.emit(DUP_TOP);
        c.u.emit(CALL, 3);
        if (async) {
            c.u.emit(GET_AWAITABLE);
            c.loadConst(null);
            c.u.emit(YIELD_FROM);
        }
        c.u.emit(POP_TOP);
        c.u.jump(JUMP, end);
        // ( exit exc )
        c.u.mark(handler);
        c.u.emit(PUSH_EXC_INFO);
        c.u.jump(SETUP_FINALLY, cleanup);
        c.u.emit(WITH_EXCEPT_START);
        if (async) {
            c.u.emit(GET_AWAITABLE);
            c.loadConst(null);
            c.u.emit(YIELD_FROM);
        }
        c.u.jump(POP_JUMP_IF_TRUE, suppress);
        c.u.emit(RERAISE);
        c.u.mark(suppress);
        // ( exit prev exc )
        c.u.emit(POP_BLOCK);
        c.u.emit(POP_TOP);
        c.u.emit(POP_EXCEPT);
        c.u.emit(POP_TOP);
        c.u.jump(JUMP, end);
        c.u.mark(cleanup);
        emitCleanupWithExc();
        c.u.mark(end);
    }
}
