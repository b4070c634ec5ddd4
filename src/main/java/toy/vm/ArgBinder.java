package toy.vm;

import toy.compile.Code;
import toy.object.Exc;
import toy.object.PyCell;
import toy.object.PyDict;
import toy.object.PyObject;
import toy.object.PyStr;
import toy.object.PyTuple;
import toy.object.Refs;

/**
 * Binds call arguments to a new frame's parameter slots: positional values, *args overflow,
 * keywords by name, **kwargs overflow, then defaults; CPython's TypeError messages for
 * every mismatch.
 */
final class ArgBinder {
    private ArgBinder() {}

    /**
     * Makes the frame for calling fn. The positional arguments are src[off..off+npos), followed
     * by the values of the keywords named in kwnames (may be null). self, when not null, is an
     * extra first positional argument. The arguments are borrowed: the frame counts its own
     * references to them and to fn.
     */
    static Frame bind(PyFunction fn, PyObject self, PyObject[] src, int off, int npos, String[] kwnames, Runtime rt) {
        Code code = fn.code;
        Frame f = Frame.forCall(fn, rt.builtinsDict);
        PyObject[] locals = f.locals;
        int argcount = code.argcount;
        int total = npos + (self != null ? 1 : 0);
        int flags = code.flags;
        // fast path: exact positional call
        if (kwnames == null && total == argcount && (flags & (Code.VARARGS | Code.VARKEYWORDS)) == 0 && code.kwonlyargcount == 0) {
            int j = 0;
            if (self != null) locals[j++] = self;
            for (int i = 0; i < npos; i++) locals[j++] = src[off + i];
        } else {
            slowBind(fn, f, self, src, off, npos, kwnames);
        }
        for (PyObject v : locals) Refs.xincref(v);
        Refs.incref(fn);
        setupCells(fn, f);
        return f;
    }

    static void setupCells(PyFunction fn, Frame f) {
        if (f.cells == null) return;
        Code code = fn.code;
        int ncell = code.cellvars.length;
        for (int i = 0; i < ncell; i++) {
            int a = code.cell2arg[i];
            PyObject init = null;
            if (a >= 0) {
                // the cell takes the parameter's place and its reference (CPython's MAKE_CELL): a
                // second one in the local slot would keep the value alive after the cell drops it
                int slot = slotOfParam(code, a);
                init = f.locals[slot];
                f.locals[slot] = null;
            }
            f.cells[i] = Refs.own(new PyCell(init));
        }
        if (fn.closure != null) {
            System.arraycopy(fn.closure, 0, f.cells, ncell, fn.closure.length);
            for (PyCell c : fn.closure) Refs.incref(c);
        }
    }

    /** Params index (scope order: posonly, args, *args, kwonly, **kw) to the varnames slot. */
    private static int slotOfParam(Code code, int paramIndex) {
        // the symbol table lists params as posonly+args, vararg, kwonly, kwarg;
        // varnames are posonly+args, kwonly, vararg, kwarg
        int na = code.argcount;
        if (paramIndex < na) return paramIndex;
        boolean hasVar = (code.flags & Code.VARARGS) != 0;
        int p = paramIndex - na;
        if (hasVar) {
            if (p == 0) return na + code.kwonlyargcount;
            p--;
        }
        if (p < code.kwonlyargcount) return na + p;
        return na + code.kwonlyargcount + (hasVar ? 1 : 0);
    }

    private static void slowBind(PyFunction fn, Frame f, PyObject self, PyObject[] src, int off, int npos, String[] kwnames) {
        Code code = fn.code;
        PyObject[] locals = f.locals;
        int argcount = code.argcount, kwonly = code.kwonlyargcount;
        boolean hasVar = (code.flags & Code.VARARGS) != 0, hasKw = (code.flags & Code.VARKEYWORDS) != 0;
        int total = npos + (self != null ? 1 : 0);
        PyObject[] pos = new PyObject[total];
        if (self != null) pos[0] = self;
        System.arraycopy(src, off, pos, self != null ? 1 : 0, npos);
        int n = Math.min(total, argcount);
        System.arraycopy(pos, 0, locals, 0, n);
        int varSlot = argcount + kwonly;
        int kwSlot = varSlot + (hasVar ? 1 : 0);
        if (hasVar) {
            PyObject[] extra = new PyObject[Math.max(0, total - argcount)];
            if (extra.length > 0) System.arraycopy(pos, argcount, extra, 0, extra.length);
            locals[varSlot] = PyTuple.of(extra);
        } else if (total > argcount) {
            throw tooManyPositional(fn, total, kwnames, src, off, npos);
        }
        PyDict kwdict = null;
        if (hasKw) {
            kwdict = new PyDict();
            locals[kwSlot] = kwdict;
        }
        if (kwnames != null) {
            String[] varnames = code.varnames;
            StringBuilder posOnlyPassed = null;
            for (int k = 0; k < kwnames.length; k++) {
                String name = kwnames[k];
                PyObject value = src[off + npos + k];
                int slot = -1;
                for (int j = code.posonlyargcount; j < argcount + kwonly; j++) {
                    if (varnames[j].equals(name)) { slot = j; break; }
                }
                if (slot < 0) {
                    if (kwdict != null) {
                        kwdict.put(PyStr.of(name), value);
                        continue;
                    }
                    for (int j = 0; j < code.posonlyargcount; j++) {
                        if (varnames[j].equals(name)) {
                            if (posOnlyPassed == null) posOnlyPassed = new StringBuilder();
                            else posOnlyPassed.append(", ");
                            posOnlyPassed.append(name);
                            slot = -2;
                        }
                    }
                    if (slot == -2) continue;
                    throw Exc.typeError(fn.qualname + "() got an unexpected keyword argument '" + name + "'");
                }
                if (locals[slot] != null) {
                    throw Exc.typeError(fn.qualname + "() got multiple values for argument '" + name + "'");
                }
                locals[slot] = value;
            }
            if (posOnlyPassed != null) {
                throw Exc.typeError(fn.qualname + "() got some positional-only arguments passed as keyword arguments: '"
                        + posOnlyPassed + "'");
            }
        }
        // defaults for positional parameters
        PyObject[] defaults = fn.defaults;
        int ndef = defaults == null ? 0 : defaults.length;
        int firstDefault = argcount - ndef;
        java.util.List<String> missing = null;
        for (int i = 0; i < argcount; i++) {
            if (locals[i] != null) continue;
            if (i >= firstDefault) {
                locals[i] = defaults[i - firstDefault];
            } else {
                if (missing == null) missing = new java.util.ArrayList<>();
                missing.add(code.varnames[i]);
            }
        }
        if (missing != null) throw missingArgs(fn, missing, "positional");
        for (int i = argcount; i < argcount + kwonly; i++) {
            if (locals[i] != null) continue;
            PyObject d = fn.kwdefaults == null ? null : fn.kwdefaults.get(code.varnames[i]);
            if (d != null) {
                locals[i] = d;
            } else {
                if (missing == null) missing = new java.util.ArrayList<>();
                missing.add(code.varnames[i]);
            }
        }
        if (missing != null) throw missingArgs(fn, missing, "keyword-only");
    }

    private static toy.object.PyException missingArgs(PyFunction fn, java.util.List<String> names, String kind) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) sb.append(i == names.size() - 1 ? (names.size() > 2 ? ", and " : " and ") : ", ");
            sb.append('\'').append(names.get(i)).append('\'');
        }
        int n = names.size();
        return Exc.typeError(fn.qualname + "() missing " + n + " required " + kind + " argument" + (n == 1 ? "" : "s")
                + ": " + sb);
    }

    private static toy.object.PyException tooManyPositional(PyFunction fn, int given, String[] kwnames,
                                                           PyObject[] src, int off, int npos) {
        Code code = fn.code;
        int ndef = fn.defaults == null ? 0 : fn.defaults.length;
        int max = code.argcount, min = max - ndef;
        String takes = min == max ? String.valueOf(max) : "from " + min + " to " + max;
        int kwGiven = 0;
        if (kwnames != null) {
            for (String k : kwnames) {
                for (int j = code.argcount; j < code.argcount + code.kwonlyargcount; j++) {
                    if (code.varnames[j].equals(k)) kwGiven++;
                }
            }
        }
        String msg = fn.qualname + "() takes " + takes + " positional argument" + (max == 1 && min == max ? "" : "s")
                + " but " + given + (kwGiven > 0 ? " positional argument" + (given == 1 ? "" : "s")
                + " (and " + kwGiven + " keyword-only argument" + (kwGiven == 1 ? "" : "s") + ")" : "")
                + " " + (given == 1 && kwGiven == 0 ? "was" : "were") + " given";
        return Exc.typeError(msg);
    }
}
