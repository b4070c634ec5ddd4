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

    static int execute(int op, int arg, Frame f, ThreadState ts, PyObject[] stack, int sp) {
        final Code code = f.code;
        final PyObject[] locals = f.locals;
        switch (op) {
                case DUP_TOP_TWO:
                    stack[sp] = stack[sp - 2];
                    stack[sp + 1] = stack[sp - 1];
                    sp += 2;
                    return sp;
                case ROT_FOUR: {
                    PyObject t = stack[sp - 1];
                    stack[sp - 1] = stack[sp - 2];
                    stack[sp - 2] = stack[sp - 3];
                    stack[sp - 3] = stack[sp - 4];
                    stack[sp - 4] = t;
                    return sp;
                }
                case COPY:
                    stack[sp] = stack[sp - arg];
                    sp++;
                    return sp;
                case DELETE_FAST:
                    if (locals[arg] == null) throw Interpreter.unboundLocal(code, arg);
                    locals[arg] = null;
                    return sp;
                case DELETE_DEREF:
                    if (f.cells[arg].value == null) throw Interpreter.unboundDeref(code, arg);
                    f.cells[arg].value = null;
                    return sp;
                case LOAD_CLASSDEREF: {
                    String n = arg < code.cellvars.length ? code.cellvars[arg] : code.freevars[arg - code.cellvars.length];
                    PyObject v = f.localsDict.get(PyStr.intern(n));
                    if (v == null) {
                        v = f.cells[arg].value;
                        if (v == null) throw Interpreter.unboundDeref(code, arg);
                    }
                    stack[sp++] = v;
                    return sp;
                }
                case STORE_GLOBAL:
                    f.globals.put(f.code.names[arg], stack[--sp]);
                    stack[sp] = null;
                    return sp;
                case DELETE_GLOBAL:
                    if (f.globals.remove(f.code.names[arg]) == null) throw Exc.nameError(f.code.names[arg].value);
                    return sp;
                case DELETE_NAME:
                    if (f.localsDict.remove(f.code.names[arg]) == null) throw Exc.nameError(f.code.names[arg].value);
                    return sp;
                case DELETE_ATTR:
                    Ops.delAttr(stack[--sp], f.code.names[arg]);
                    stack[sp] = null;
                    return sp;
                case CALL_FUNCTION_EX: {
                    PyObject kw = arg == 1 ? stack[--sp] : null;
                    PyObject args = stack[--sp];
                    PyObject fn = stack[sp - 1];
                    f.sp = sp;
                    stack[sp - 1] = CallSupport.callEx(fn, CallSupport.argsTuple(fn, args), (PyDict) kw);
                    stack[sp] = null;
                    stack[sp + 1] = null;
                    return sp;
                }
                case DELETE_SUBSCR: {
                    Ops.delItem(stack[sp - 2], stack[sp - 1]);
                    sp -= 2;
                    stack[sp] = stack[sp + 1] = null;
                    return sp;
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
                    stack[sp - 1] = Generators.yieldFromIter(stack[sp - 1], code);
                    return sp;
                case GET_AWAITABLE:
                    stack[sp - 1] = Generators.awaitable(stack[sp - 1]);
                    return sp;
                case SETUP_WITH: {
                    PyObject mgr = stack[sp - 1];
                    PyObject[] ev = Builders.enterWith(mgr);
                    stack[sp - 1] = ev[0];
                    f.pushBlock(arg, sp);
                    stack[sp++] = ev[1];
                    return sp;
                }
                case PUSH_EXC_INFO: {
                    PyObject exc = stack[sp - 1];
                    PyBaseException prev = ts.handled;
                    stack[sp - 1] = prev == null ? Py.None : prev;
                    stack[sp++] = exc;
                    ts.handled = (PyBaseException) exc;
                    return sp;
                }
                case POP_EXCEPT: {
                    PyObject prev = stack[--sp];
                    stack[sp] = null;
                    ts.handled = prev == Py.None ? null : (PyBaseException) prev;
                    return sp;
                }
                case WITH_EXCEPT_START: {
                    // ( exit prev exc -- exit prev exc res )
                    PyBaseException exc = (PyBaseException) stack[sp - 1];
                    PyObject exit = stack[sp - 3];
                    stack[sp++] = Ops.call(exit, exc.type, exc, exc.traceback == null ? Py.None : exc.traceback);
                    return sp;
                }
                case LOAD_ASSERTION_ERROR:
                    stack[sp++] = Exc.AssertionError;
                    return sp;
                case LOAD_BUILD_CLASS:
                    stack[sp++] = Runtime.get().buildClass;
                    return sp;
                case IMPORT_NAME: {
                    PyObject fromlist = stack[--sp];
                    stack[sp] = null;
                    PyObject level = stack[sp - 1];
                    f.sp = sp;
                    stack[sp - 1] = Imports.importName(f.code.names[arg].value, fromlist, ((PyInt) level).intValue(), f);
                    return sp;
                }
                case IMPORT_FROM:
                    stack[sp] = Imports.importFrom(stack[sp - 1], f.code.names[arg].value);
                    sp++;
                    return sp;
                case IMPORT_STAR:
                    Imports.importStar(stack[--sp], f);
                    stack[sp] = null;
                    return sp;
                case PRINT_EXPR:
                    Builders.printExpr(stack[--sp]);
                    stack[sp] = null;
                    return sp;
                case SETUP_ANNOTATIONS:
                    if (f.localsDict.get("__annotations__") == null) f.localsDict.put("__annotations__", new PyDict());
                    return sp;
                case BEFORE_ASYNC_WITH: {
                    PyObject[] ev = Builders.enterAsyncWith(stack[sp - 1]);
                    stack[sp - 1] = ev[0];
                    stack[sp++] = ev[1];
                    return sp;
                }
                case SETUP_ASYNC_WITH:
                    // the awaited __aenter__ result is on top; the block level excludes it
                    f.pushBlock(arg, sp - 1);
                    return sp;
                case GET_AITER:
                    stack[sp - 1] = Generators.aiter(stack[sp - 1]);
                    return sp;
                case GET_ANEXT:
                    stack[sp] = Generators.anext(stack[sp - 1]);
                    sp++;
                    return sp;
            default:
                throw new IllegalStateException("bad opcode " + op);
        }
    }
}
