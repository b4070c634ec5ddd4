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
                for (int i = sp - arg; i < sp; i++) { s.add(stack[i]); stack[i] = null; }
                sp -= arg;
                stack[sp++] = s;
                return sp;
            }
            case BUILD_MAP: {
                PyDict d = new PyDict();
                int base = sp - 2 * arg;
                for (int i = base; i < sp; i += 2) d.put(stack[i], stack[i + 1]);
                for (int i = base; i < sp; i++) stack[i] = null;
                stack[base] = d;
                return base + 1;
            }
            case BUILD_SLICE: {
                PyObject step = arg == 3 ? stack[--sp] : Py.None;
                PyObject stop = stack[--sp];
                PyObject start = stack[sp - 1];
                stack[sp] = null;
                if (arg == 3) stack[sp + 1] = null;
                stack[sp - 1] = new PySlice(start, stop, step);
                return sp;
            }
            case SET_ADD: {
                PyObject v = stack[--sp];
                stack[sp] = null;
                ((PySet) stack[sp - arg]).add(v);
                return sp;
            }
            case MAP_ADD: {
                PyObject v = stack[--sp];
                PyObject k = stack[--sp];
                stack[sp] = stack[sp + 1] = null;
                ((PyDict) stack[sp - arg]).put(k, v);
                return sp;
            }
            case LIST_EXTEND: {
                PyObject v = stack[--sp];
                stack[sp] = null;
                PyList l = (PyList) stack[sp - arg];
                try {
                    l.extend(v);
                } catch (PyException e) {
                    if (e.matches(Exc.TypeError) && v.type.lookup("__iter__") == null && v.iter() == null) {
                        throw Exc.typeError("Value after * must be an iterable, not " + v.type.name);
                    }
                    throw e;
                }
                return sp;
            }
            case SET_UPDATE: {
                PyObject v = stack[--sp];
                stack[sp] = null;
                ((PySet) stack[sp - arg]).addAll(v);
                return sp;
            }
            case DICT_UPDATE: {
                PyObject v = stack[--sp];
                stack[sp] = null;
                if (Ops.getAttrOrNull(v, PyStr.intern("keys")) == null) {
                    throw Exc.typeError("'" + v.type.name + "' object is not a mapping");
                }
                DictMethods.updateFrom((PyDict) stack[sp - arg], v);
                return sp;
            }
            case DICT_MERGE: {
                PyObject v = stack[--sp];
                stack[sp] = null;
                PyDict target = (PyDict) stack[sp - arg];
                // the call's layout is ( f args kwdict ): the function sits two below the dict
                PyObject fn = stack[sp - arg - 2];
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
                return sp;
            }
            case LIST_TO_TUPLE: {
                PyList l = (PyList) stack[sp - 1];
                stack[sp - 1] = PyTuple.of(l.toArray());
                return sp;
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
        PyObject seq = stack[--sp];
        PyObject[] items;
        if (seq instanceof PyTuple t && t.items.length == n) {
            items = t.items;
        } else if (seq instanceof PyList l && l.size == n) {
            items = l.items;
        } else {
            PyObject it;
            try {
                it = Ops.iter(seq);
            } catch (PyException e) {
                if (e.matches(Exc.TypeError)) throw Exc.typeError("cannot unpack non-iterable " + seq.type.name + " object");
                throw e;
            }
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
        for (int i = n - 1; i >= 0; i--) stack[sp++] = items[i];
        return sp;
    }

    private static int unpackEx(PyObject[] stack, int sp, int before, int after) {
        PyObject seq = stack[--sp];
        PyObject[] all;
        try {
            all = SeqMethods.toArray(seq);
        } catch (PyException e) {
            if (e.matches(Exc.TypeError)) throw Exc.typeError("cannot unpack non-iterable " + seq.type.name + " object");
            throw e;
        }
        if (all.length < before + after) {
            throw Exc.valueError("not enough values to unpack (expected at least " + (before + after) + ", got " + all.length + ")");
        }
        int mid = all.length - before - after;
        for (int i = after - 1; i >= 0; i--) stack[sp++] = all[before + mid + i];
        PyObject[] m = new PyObject[mid];
        System.arraycopy(all, before, m, 0, mid);
        stack[sp++] = PyList.wrap(m);
        for (int i = before - 1; i >= 0; i--) stack[sp++] = all[i];
        return sp;
    }

    static int formatValue(PyObject[] stack, int sp, int arg) {
        PyObject spec = (arg & 4) != 0 ? stack[--sp] : null;
        PyObject v = stack[sp - 1];
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
        if (spec != null) stack[sp] = null;
        stack[sp - 1] = PyStr.of(s);
        return sp;
    }

    static int buildString(PyObject[] stack, int sp, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = sp - n; i < sp; i++) {
            sb.append(((PyStr) stack[i]).value);
            stack[i] = null;
        }
        sp -= n;
        stack[sp++] = PyStr.of(sb.toString());
        return sp;
    }

    static int makeFunction(Frame f, PyObject[] stack, int sp, int flags) {
        Code code = (Code) stack[--sp];
        stack[sp] = null;
        PyCell[] closure = null;
        PyDict kwdefaults = null;
        PyObject[] defaults = null;
        if ((flags & 8) != 0) {
            PyTuple t = (PyTuple) stack[--sp];
            stack[sp] = null;
            closure = new PyCell[t.items.length];
            for (int i = 0; i < closure.length; i++) closure[i] = (PyCell) t.items[i];
        }
        if ((flags & 2) != 0) {
            kwdefaults = (PyDict) stack[--sp];
            stack[sp] = null;
        }
        if ((flags & 1) != 0) {
            defaults = ((PyTuple) stack[--sp]).items;
            stack[sp] = null;
        }
        stack[sp++] = new PyFunction(code, f.globals, defaults, kwdefaults, closure);
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
