package toy.vm;

import static toy.compile.Opcode.*;

import toy.compile.Code;
import toy.object.*;

/**
 * The instructions that are rare in hot loops (deletions, imports, with-statement and
 * exception-block bookkeeping, container builders, async machinery). They run outside
 * {@link Interpreter#run} so that the eval loop stays small enough for the JIT to compile
 * it well; each returns the new stack pointer and never changes the pc.
 */
final class SlowOps {
    private SlowOps() {}

    /**
     * Reference counting follows the eval loop's rules ({@link Interpreter}): pushes count,
     * consumed operands are dropped. Operands stay on the stack until the instruction has
     * succeeded, so that an exception unwinding the frame drops them.
     */
    static int execute(int op, int arg, Frame f, ThreadState ts, PyObject[] stack, int sp) {
        final Code code = f.code;
        final PyObject[] locals = f.locals;
        switch (op) {
                case ROT_FOUR: {
                    PyObject t = stack[sp - 1];
                    stack[sp - 1] = stack[sp - 2];
                    stack[sp - 2] = stack[sp - 3];
                    stack[sp - 3] = stack[sp - 4];
                    stack[sp - 4] = t;
                    return sp;
                }
                case COPY:
                    stack[sp] = Refs.own(stack[sp - arg]);
                    sp++;
                    return sp;
                case DELETE_FAST: {
                    PyObject old = locals[arg];
                    if (old == null) throw Interpreter.unboundLocal(code, arg);
                    locals[arg] = null;
                    Refs.decref(old);
                    return sp;
                }
                case DELETE_DEREF:
                    if (f.cells[arg].value == null) throw Interpreter.unboundDeref(code, arg);
                    f.cells[arg].set(null);
                    return sp;
                case LOAD_CLASSDEREF: {
                    String n = arg < code.cellvars.length ? code.cellvars[arg] : code.freevars[arg - code.cellvars.length];
                    PyObject v = f.localsDict.get(PyStr.intern(n));
                    if (v == null) {
                        v = f.cells[arg].value;
                        if (v == null) throw Interpreter.unboundDeref(code, arg);
                    }
                    stack[sp++] = Refs.own(v);
                    return sp;
                }
                case STORE_GLOBAL:
                    f.globals.put(f.code.names[arg], stack[sp - 1]);
                    return pop(stack, sp, 1);
                case DELETE_GLOBAL:
                    if (f.globals.remove(f.code.names[arg]) == null) throw Exc.nameError(f.code.names[arg].value);
                    return sp;
                case DELETE_NAME:
                    if (f.localsDict.remove(f.code.names[arg]) == null) throw Exc.nameError(f.code.names[arg].value);
                    return sp;
                case DELETE_ATTR:
                    Ops.delAttr(stack[sp - 1], f.code.names[arg]);
                    return pop(stack, sp, 1);
                case CALL_FUNCTION_EX: {
                    int n = arg == 1 ? 3 : 2;
                    PyObject kw = arg == 1 ? stack[sp - 1] : null;
                    PyObject args = stack[sp - n + 1];
                    PyObject fn = stack[sp - n];
                    f.sp = sp;
                    PyObject r = CallSupport.callEx(fn, CallSupport.argsTuple(fn, args), (PyDict) kw);
                    return replace(stack, pop(stack, sp, n - 1), r);
                }
                case DELETE_SUBSCR: {
                    OperandCalls.delItem(ts.refs, stack[sp - 2], stack[sp - 1]);
                    return pop(stack, sp, 2);
                }
                case FORMAT_VALUE:
                    sp = Builders.formatValue(stack, sp, arg);
                    return sp;
                case BUILD_STRING:
                    sp = Builders.buildString(stack, sp, arg);
                    return sp;
                case BUILD_SET: case BUILD_MAP: case BUILD_SLICE: case SET_ADD: case MAP_ADD: case LIST_EXTEND:
                case SET_UPDATE: case DICT_UPDATE: case DICT_MERGE: case LIST_TO_TUPLE:
                case UNPACK_SEQUENCE: case UNPACK_EX:
                    sp = Builders.build(op, arg, stack, sp);
                    return sp;
                case MAKE_FUNCTION:
                    sp = Builders.makeFunction(f, stack, sp, arg);
                    return sp;
                case GET_YIELD_FROM_ITER:
                    return replace(stack, sp, Generators.yieldFromIter(stack[sp - 1], code));
                case GET_AWAITABLE:
                    return replace(stack, sp, Generators.awaitable(stack[sp - 1]));
                case SETUP_WITH: {
                    PyObject mgr = stack[sp - 1];
                    PyObject[] ev = Builders.enterWith(mgr);
                    replace(stack, sp, ev[0]);
                    f.pushBlock(arg, sp);
                    stack[sp++] = Refs.own(ev[1]);
                    return sp;
                }
                case PUSH_EXC_INFO: {
                    // ( exc -- prev exc ): the thread's reference to prev moves to the stack
                    PyObject exc = stack[sp - 1];
                    PyBaseException prev = ts.handled;
                    stack[sp - 1] = prev == null ? Refs.own(Py.None) : prev;
                    stack[sp++] = exc;
                    ts.handled = Refs.own((PyBaseException) exc);
                    return sp;
                }
                case POP_EXCEPT: {
                    // the stack's reference to prev moves back to the thread
                    PyObject prev = stack[--sp];
                    stack[sp] = null;
                    PyBaseException old = ts.handled;
                    if (prev == Py.None) {
                        ts.handled = null;
                        Refs.decref(prev);
                    } else {
                        ts.handled = (PyBaseException) prev;
                    }
                    Refs.xdecref(old);
                    return sp;
                }
                case WITH_EXCEPT_START: {
                    // ( exit prev exc -- exit prev exc res )
                    PyBaseException exc = (PyBaseException) stack[sp - 1];
                    PyObject exit = stack[sp - 3];
                    stack[sp++] = Refs.own(Ops.call(exit, exc.type, exc, exc.traceback == null ? Py.None : exc.traceback));
                    return sp;
                }
                case LOAD_ASSERTION_ERROR:
                    stack[sp++] = Refs.own(Exc.AssertionError);
                    return sp;
                case LOAD_BUILD_CLASS:
                    stack[sp++] = Refs.own(Runtime.get().buildClass);
                    return sp;
                case IMPORT_NAME: {
                    PyObject fromlist = stack[sp - 1];
                    PyObject level = stack[sp - 2];
                    f.sp = sp;
                    PyObject m = Imports.importName(f.code.names[arg].value, fromlist, ((PyInt) level).intValue(), f);
                    return replace(stack, pop(stack, sp, 1), m);
                }
                case IMPORT_FROM:
                    stack[sp] = Refs.own(Imports.importFrom(stack[sp - 1], f.code.names[arg].value));
                    sp++;
                    return sp;
                case IMPORT_STAR:
                    Imports.importStar(stack[sp - 1], f);
                    return pop(stack, sp, 1);
                case PRINT_EXPR:
                    Builders.printExpr(stack[sp - 1]);
                    return pop(stack, sp, 1);
                case SETUP_ANNOTATIONS:
                    if (f.localsDict.get("__annotations__") == null) f.localsDict.put("__annotations__", new PyDict());
                    return sp;
                case BEFORE_ASYNC_WITH: {
                    PyObject[] ev = Builders.enterAsyncWith(stack[sp - 1]);
                    replace(stack, sp, ev[0]);
                    stack[sp++] = Refs.own(ev[1]);
                    return sp;
                }
                case SETUP_ASYNC_WITH:
                    // the awaited __aenter__ result is on top; the block level excludes it
                    f.pushBlock(arg, sp - 1);
                    return sp;
                case GET_AITER:
                    return replace(stack, sp, Generators.aiter(stack[sp - 1]));
                case GET_ANEXT:
                    stack[sp] = Refs.own(Generators.anext(stack[sp - 1]));
                    sp++;
                    return sp;
            default:
                throw new IllegalStateException("bad opcode " + op);
        }
    }

    /** Pops n values, dropping their references; returns the new stack pointer. */
    static int pop(PyObject[] stack, int sp, int n) {
        for (int i = 0; i < n; i++) {
            PyObject v = stack[--sp];
            stack[sp] = null;
            if (v != null) Refs.decref(v);
        }
        return sp;
    }

    /** Replaces the top of the stack with r (counted), dropping the old top; returns sp. */
    static int replace(PyObject[] stack, int sp, PyObject r) {
        PyObject old = stack[sp - 1];
        stack[sp - 1] = Refs.own(r);
        Refs.decref(old);
        return sp;
    }
}
