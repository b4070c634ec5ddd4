package toy.vm;

import toy.object.*;

/** Calls with *args / **kwargs unpacking (CALL_FUNCTION_EX). */
final class CallSupport {
    private CallSupport() {}

    /** How CPython names a callable in argument errors: "__main__.f()", "print()", "int()". */
    static String describe(PyObject fn) {
        if (fn instanceof PyMethod m) return describe(m.func);
        if (fn instanceof PyFunction f) {
            String mod = f.module instanceof PyStr s ? s.value : null;
            return (mod == null || mod.equals("builtins") ? "" : mod + ".") + f.qualname + "()";
        }
        if (fn instanceof PyBuiltinFunction b) return b.name + "()";
        if (fn instanceof PyType t) return t.qualifiedName() + "()";
        return fn.type.name + " object";
    }

    /** The positional arguments of CALL_FUNCTION_EX: a tuple, or an iterable made into one. */
    static PyTuple argsTuple(PyObject fn, PyObject args) {
        if (args instanceof PyTuple t && args.type == PyTuple.TYPE) return t;
        if (args.iter() == null && args.type.lookup("__iter__") == null && args.type.lookup("__getitem__") == null) {
            throw Exc.typeError(describe(fn) + " argument after * must be an iterable, not " + args.type.name);
        }
        return PyTuple.of(SeqMethods.toArray(args));
    }

    static PyObject callEx(PyObject fn, PyTuple args, PyDict kw) {
        if (kw == null || kw.size() == 0) {
            return Calls.callOnStack(fn, args.items, 0, args.items.length, null);
        }
        int n = args.items.length, k = kw.size();
        PyObject[] all = new PyObject[n + k];
        System.arraycopy(args.items, 0, all, 0, n);
        String[] names = new String[k];
        int i = 0;
        for (int p = kw.nextEntry(0); p >= 0; p = kw.nextEntry(p + 1), i++) {
            PyObject key = kw.keyAt(p);
            if (!(key instanceof PyStr s)) throw Exc.typeError("keywords must be strings");
            names[i] = s.value;
            all[n + i] = kw.valueAt(p);
        }
        return Calls.callOnStack(fn, all, 0, n, names);
    }
}
