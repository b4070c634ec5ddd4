package toy.vm;

import toy.object.*;

/** Calls with *args / **kwargs unpacking (CALL_FUNCTION_EX). */
final class CallSupport {
    private CallSupport() {}

    static PyObject callEx(PyObject fn, PyTuple args, PyDict kw) {
        if (kw == null || kw.size() == 0) {
            return Interpreter.callOnStack(fn, args.items, 0, args.items.length, null);
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
        return Interpreter.callOnStack(fn, all, 0, n, names);
    }
}
