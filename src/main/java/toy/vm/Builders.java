package toy.vm;

import static toy.compile.Opcode.*;

import toy.compile.Code;
import toy.object.*;

/** The less frequent instructions: container builders, unpacking, f-strings, function creation, with. */
final class Builders {
    private Builders() {}

    static int build(int op, int arg, PyObject[] stack, int sp) {
        switch (op) {
            case BUILD_SET: {
                PySet s = new PySet();
                for (int i = sp - arg; i < sp; i++) s.add(stack[i]);
                sp = SlowOps.pop(stack, sp, arg);
                stack[sp++] = Refs.own(s);
                return sp;
            }
            case BUILD_MAP: {
                PyDict d = new PyDict();
                int base = sp - 2 * arg;
                for (int i = base; i < sp; i += 2) d.put(stack[i], stack[i + 1]);
                sp = SlowOps.pop(stack, sp, 2 * arg);
                stack[sp++] = Refs.own(d);
                return sp;
            }
            case BUILD_SLICE: {
                PyObject step = arg == 3 ? stack[sp - 1] : Py.None;
                PyObject stop = stack[sp - arg + 1];
                PyObject start = stack[sp - arg];
                PySlice sl = new PySlice(start, stop, step);
                sp = SlowOps.pop(stack, sp, arg);
                stack[sp++] = Refs.own(sl);
                return sp;
            }
            case SET_ADD: {
                PyObject v = stack[sp - 1];
                ((PySet) stack[sp - 1 - arg]).add(v);
                return SlowOps.pop(stack, sp, 1);
            }
            case MAP_ADD: {
                PyObject v = stack[sp - 1];
                PyObject k = stack[sp - 2];
                ((PyDict) stack[sp - 2 - arg]).put(k, v);
                return SlowOps.pop(stack, sp, 2);
            }
            case LIST_EXTEND: {
                PyObject v = stack[sp - 1];
                PyList l = (PyList) stack[sp - 1 - arg];
                try {
                    l.extend(v);
                } catch (PyException e) {
                    if (e.matches(Exc.TypeError) && v.type.lookup("__iter__") == null && v.iter() == null) {
                        throw Exc.typeError("Value after * must be an iterable, not " + v.type.name);
                    }
                    throw e;
                }
                return SlowOps.pop(stack, sp, 1);
            }
            case SET_UPDATE: {
                PyObject v = stack[sp - 1];
                ((PySet) stack[sp - 1 - arg]).addAll(v);
                return SlowOps.pop(stack, sp, 1);
            }
            case DICT_UPDATE: {
                PyObject v = stack[sp - 1];
                if (Ops.getAttrOrNull(v, PyStr.intern("keys")) == null) {
                    throw Exc.typeError("'" + v.type.name + "' object is not a mapping");
                }
                DictMethods.updateFrom((PyDict) stack[sp - 1 - arg], v);
                return SlowOps.pop(stack, sp, 1);
            }
            case DICT_MERGE: {
                PyObject v = stack[sp - 1];
                PyDict target = (PyDict) stack[sp - 1 - arg];
                // the call's layout is ( f args kwdict ): the function sits two below the dict
                PyObject fn = stack[sp - 1 - arg - 2];
                PyObject keysFn = Ops.getAttrOrNull(v, PyStr.intern("keys"));
                if (keysFn == null) {
                    throw Exc.typeError(CallSupport.describe(fn) + " argument after ** must be a mapping, not " + v.type.name);
                }
                PyObject it = Ops.iter(Ops.call(keysFn));
                for (PyObject k; (k = Ops.next(it)) != null; ) {
                    if (!(k instanceof PyStr)) throw Exc.typeError(CallSupport.describe(fn) + " keywords must be strings");
                    if (target.containsKey(k)) {
                        throw Exc.typeError(CallSupport.describe(fn) + " got multiple values for keyword argument '"
                                + Ops.str(k) + "'");
                    }
                    target.put(k, Ops.getItem(v, k));
                }
                return SlowOps.pop(stack, sp, 1);
            }
            case LIST_TO_TUPLE: {
                PyList l = (PyList) stack[sp - 1];
                return SlowOps.replace(stack, sp, PyTuple.of(l.toArray()));
            }
            case UNPACK_SEQUENCE:
                return unpack(stack, sp, arg);
            case UNPACK_EX:
                return unpackEx(stack, sp, arg & 0xFF, arg >> 8);
            default:
                throw new IllegalStateException("opcode " + op);
        }
    }

    private static int unpack(PyObject[] stack, int sp, int n) {
        PyObject seq = stack[sp - 1];
        PyObject[] items;
        // (an exact tuple or list: a subclass's __iter__ may differ)
        if (seq.type == PyTuple.TYPE && ((PyTuple) seq).items.length == n) {
            items = ((PyTuple) seq).items;
        } else if (seq.type == PyList.TYPE && ((PyList) seq).size == n) {
            items = ((PyList) seq).items;
        } else {
            PyObject it = unpackIter(seq);
            items = new PyObject[n];
            for (int i = 0; i < n; i++) {
                PyObject v = Ops.next(it);
                if (v == null) {
                    throw Exc.valueError("not enough values to unpack (expected " + n + ", got " + i + ")");
                }
                items[i] = v;
            }
            if (Ops.next(it) != null) {
                throw Exc.valueError("too many values to unpack (expected " + n + ")");
            }
        }
        // the sequence may die when popped; the items are counted first
        for (int i = 0; i < n; i++) Refs.incref(items[i]);
        sp = SlowOps.pop(stack, sp, 1);
        for (int i = n - 1; i >= 0; i--) stack[sp++] = items[i];
        return sp;
    }

    /** iter(seq) for an unpacking, with CPython's message for a value that is not iterable. */
    private static PyObject unpackIter(PyObject seq) {
        try {
            return Ops.iter(seq);
        } catch (PyException e) {
            if (e.matches(Exc.TypeError)) throw Exc.typeError("cannot unpack non-iterable " + seq.type.name + " object");
            throw e;
        }
    }

    private static int unpackEx(PyObject[] stack, int sp, int before, int after) {
        PyObject seq = stack[sp - 1];
        PyObject[] all;
        if (seq.type == PyTuple.TYPE || seq.type == PyList.TYPE) {
            all = SeqMethods.toArray(seq);
        } else {
            // as CPython's unpack_iterable: the items before the star one by one, then the rest
            // as list(it) takes them (the iterator's own __iter__ and length hint)
            PyObject it = unpackIter(seq);
            PyList got = new PyList(); // (floating: keeps the items counted until the instruction ends)
            for (int i = 0; i < before; i++) {
                PyObject v = Ops.next(it);
                if (v == null) {
                    throw Exc.valueError("not enough values to unpack (expected at least " + (before + after) + ", got " + i + ")");
                }
                got.append(v);
            }
            got.extend(it);
            all = got.toArray();
        }
        if (all.length < before + after) {
            throw Exc.valueError("not enough values to unpack (expected at least " + (before + after) + ", got " + all.length + ")");
        }
        int mid = all.length - before - after;
        PyObject[] m = new PyObject[mid];
        System.arraycopy(all, before, m, 0, mid);
        PyList middle = Refs.own(PyList.wrap(m));
        for (int i = 0; i < before; i++) Refs.incref(all[i]);
        for (int i = 0; i < after; i++) Refs.incref(all[before + mid + i]);
        sp = SlowOps.pop(stack, sp, 1);
        for (int i = after - 1; i >= 0; i--) stack[sp++] = all[before + mid + i];
        stack[sp++] = middle;
        for (int i = before - 1; i >= 0; i--) stack[sp++] = all[i];
        return sp;
    }

    static int formatValue(PyObject[] stack, int sp, int arg) {
        PyObject spec = (arg & 4) != 0 ? stack[sp - 1] : null;
        PyObject v = stack[sp - 1 - ((arg & 4) != 0 ? 1 : 0)];
        switch (arg & 3) {
            case 1: v = Ops.strObj(v); break;
            case 2: v = PyStr.of(Ops.repr(v)); break;
            case 3: v = PyStr.of(Ops.ascii(Ops.repr(v))); break;
            default: break;
        }
        String s;
        if (spec == null && v instanceof PyStr str && v.type == PyStr.TYPE) {
            s = str.value;
        } else {
            s = Ops.format(v, spec == null ? "" : ((PyStr) spec).value);
        }
        if (spec != null) sp = SlowOps.pop(stack, sp, 1);
        return SlowOps.replace(stack, sp, PyStr.of(s));
    }

    static int buildString(PyObject[] stack, int sp, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = sp - n; i < sp; i++) sb.append(((PyStr) stack[i]).value);
        sp = SlowOps.pop(stack, sp, n);
        stack[sp++] = Refs.own(PyStr.of(sb.toString()));
        return sp;
    }

    static int makeFunction(Frame f, PyObject[] stack, int sp, int flags) {
        int at = sp - 1;
        Code code = (Code) stack[at--];
        PyCell[] closure = null;
        PyDict kwdefaults = null;
        PyObject[] defaults = null;
        if ((flags & 8) != 0) {
            PyTuple t = (PyTuple) stack[at--];
            closure = new PyCell[t.items.length];
            for (int i = 0; i < closure.length; i++) closure[i] = (PyCell) t.items[i];
        }
        if ((flags & 2) != 0) kwdefaults = (PyDict) stack[at--];
        if ((flags & 1) != 0) defaults = ((PyTuple) stack[at--]).items.clone();
        // the function counts its own references; the stack's are dropped
        PyFunction fn = new PyFunction(code, f.globals, defaults, kwdefaults, closure);
        sp = SlowOps.pop(stack, sp, sp - 1 - at);
        stack[sp++] = Refs.own(fn);
        return sp;
    }

    /** with: returns {exit, enter()}. */
    static PyObject[] enterWith(PyObject mgr) {
        PyObject enter = mgr.type.lookup("__enter__");
        PyObject exit = mgr.type.lookup("__exit__");
        if (enter == null) {
            throw Exc.typeError("'" + mgr.type.name + "' object does not support the context manager protocol");
        }
        if (exit == null) {
            throw Exc.typeError("'" + mgr.type.name + "' object does not support the context manager protocol (missed __exit__ method)");
        }
        PyObject boundExit = bind(exit, mgr);
        PyObject value = Ops.call(bind(enter, mgr));
        return new PyObject[] {boundExit, value};
    }

    static PyObject[] enterAsyncWith(PyObject mgr) {
        PyObject enter = mgr.type.lookup("__aenter__");
        PyObject exit = mgr.type.lookup("__aexit__");
        if (enter == null) {
            throw Exc.typeError("'" + mgr.type.name + "' object does not support the asynchronous context manager protocol");
        }
        if (exit == null) {
            throw Exc.typeError("'" + mgr.type.name + "' object does not support the asynchronous context manager protocol (missed __aexit__ method)");
        }
        PyObject boundExit = bind(exit, mgr);
        PyObject aw = Generators.awaitable(Ops.call(bind(enter, mgr)));
        return new PyObject[] {boundExit, aw};
    }

    private static PyObject bind(PyObject descr, PyObject obj) {
        PyObject b = descr.descrGet(obj, obj.type);
        return b != null ? b : descr;
    }

    static void printExpr(PyObject v) {
        if (v == Py.None) return;
        Runtime rt = Runtime.get();
        rt.builtinsDict.put("_", v);
        rt.writeStdout(Ops.repr(v) + "\n");
    }
}
