package toy.lib;

import java.math.BigInteger;
import java.util.Map;
import toy.compile.Code;
import toy.compile.Compiler;
import toy.object.*;
import toy.parse.Parser;
import toy.vm.Frame;
import toy.vm.Imports;
import toy.vm.Interpreter;
import toy.vm.Runtime;
import toy.vm.SyntaxErrors;
import toy.vm.ThreadState;

/** The builtins module: functions, types and exception classes every script sees. */
public final class BuiltinsModule {
    private BuiltinsModule() {}

    public static PyModule create(Runtime rt) {
        PyDict d = rt.builtinsDict;
        PyModule m = new PyModule("builtins", d);
        for (PyType t : new PyType[] {PyType.OBJECT, PyType.TYPE, PyInt.TYPE, PyBool.TYPE, PyFloat.TYPE, PyStr.TYPE,
                PyList.TYPE, PyTuple.TYPE, PyDict.TYPE, PySet.TYPE, PySet.FROZEN_TYPE, PyRange.TYPE, PySlice.TYPE,
                PyProperty.TYPE, PyStaticMethod.STATIC, PyStaticMethod.CLASS, BuiltinIterators.ENUMERATE,
                BuiltinIterators.ZIP, BuiltinIterators.MAP, BuiltinIterators.FILTER, PySuper.TYPE,
                SeqMethods.ReversedIterator.TYPE, PyBytes.TYPE}) {
            d.put(t.name, t);
        }
        for (Map.Entry<String, PyType> e : Exc.ALL.entrySet()) d.put(e.getKey(), e.getValue());
        d.put("None", Py.None);
        d.put("True", PyBool.TRUE);
        d.put("False", PyBool.FALSE);
        d.put("NotImplemented", Py.NotImplemented);
        d.put("Ellipsis", Py.Ellipsis);
        d.put("__build_class__", rt.buildClass);
        d.put("__debug__", PyBool.TRUE);

        m.def("print", BuiltinsModule::print);
        m.defPassingOperands("len", (a, k) -> {
            Args.noKeywords("len", k);
            Args.checkCount("len", a, 1, 1);
            return PyInt.of(Ops.len(a[0]));
        });
        m.defPassingOperands("repr", (a, k) -> {
            Args.checkCount("repr", a, 1, 1);
            return PyStr.of(Ops.repr(a[0]));
        });
        m.defPassingOperands("ascii", (a, k) -> PyStr.of(Ops.ascii(Ops.repr(a[0]))));
        m.defPassingOperands("abs", (a, k) -> {
            Args.checkCount("abs", a, 1, 1);
            return Ops.unary(a[0], BinOp.ABS);
        });
        m.def("min", (a, k) -> minMax("min", a, k, true));
        m.def("max", (a, k) -> minMax("max", a, k, false));
        m.def("sum", (a, k) -> {
            PyObject[] p = Args.parse("sum", a, k, new String[] {"iterable", "start"}, 1, 2);
            PyObject acc = p[1] == null ? PyInt.ZERO : p[1];
            if (acc instanceof PyStr) throw Exc.typeError("sum() can't sum strings [use ''.join(seq) instead]");
            PyObject it = Ops.iter(p[0]);
            for (PyObject x; (x = Ops.next(it)) != null; ) acc = Ops.add(acc, x);
            return acc;
        });
        m.def("sorted", (a, k) -> {
            int npos = Args.positional(a, k);
            if (npos != 1) throw Exc.typeError(npos == 0 ? "sorted expected 1 argument, got 0" : "sorted expected 1 argument, got " + npos);
            PyList l = PyList.wrap(SeqMethods.toArray(a[0]));
            PyObject[] rest = new PyObject[a.length - 1];
            System.arraycopy(a, 1, rest, 0, rest.length);
            if (k == null || k.length == 0) Ops.invoke(l, "sort");
            else Ops.getAttr(l, PyStr.intern("sort")).call(rest, k);
            return l;
        });
        m.def("reversed", (a, k) -> {
            Args.checkCount("reversed", a, 1, 1);
            PyObject o = a[0];
            PyObject rev = o.type.lookup("__reversed__");
            if (rev != null) return Ops.callMethod(rev, o);
            if (o.type.lookup("__getitem__") == null || o instanceof PyDict) {
                throw Exc.typeError("'" + o.type.name + "' object is not reversible");
            }
            return new SeqMethods.ReversedIterator(o, Ops.len(o));
        });
        m.def("isinstance", (a, k) -> {
            Args.checkCount("isinstance", a, 2, 2);
            return PyBool.of(isInstance(a[0], a[1]));
        });
        m.def("issubclass", (a, k) -> {
            Args.checkCount("issubclass", a, 2, 2);
            if (!(a[0] instanceof PyType)) throw Exc.typeError("issubclass() arg 1 must be a class");
            return PyBool.of(isSubclass((PyType) a[0], a[1]));
        });
        m.def("id", (a, k) -> PyInt.of(Ops.id(a[0])));
        m.defPassingOperands("hash", (a, k) -> {
            Args.checkCount("hash", a, 1, 1);
            return PyInt.of(Ops.hash(a[0]));
        });
        m.defPassingOperands("iter", (a, k) -> {
            Args.checkCount("iter", a, 1, 2);
            if (a.length == 2) return new CallableIterator(a[0], a[1]);
            return Ops.iter(a[0]);
        });
        m.defPassingOperands("next", (a, k) -> {
            Args.checkCount("next", a, 1, 2);
            PyObject it = a[0];
            if (!it.type.heap && it.type.lookup("__next__") == null && it.iter() != it) {
                throw Exc.typeError("'" + it.type.name + "' object is not an iterator");
            }
            if (it.type.heap) {
                PyObject nm = it.type.lookup("__next__");
                if (nm == null) throw Exc.typeError("'" + it.type.name + "' object is not an iterator");
                try {
                    return Ops.callMethod(nm, it);
                } catch (PyException e) {
                    if (a.length == 2 && e.matches(Exc.StopIteration)) return a[1];
                    throw e;
                }
            }
            PyObject r;
            toy.vm.PyGenerator g = it instanceof toy.vm.PyGenerator pg ? pg
                    : it instanceof toy.vm.Generators.CoroutineWrapper w ? w.coro : null;
            if (g != null) {
                try {
                    r = g.send(Py.None);
                } catch (PyException e) {
                    if (a.length == 2 && e.matches(Exc.StopIteration)) return a[1];
                    throw e;
                }
                return r;
            }
            r = Ops.next(it);
            if (r == null) {
                if (a.length == 2) return a[1];
                throw Exc.stopIteration(Py.None);
            }
            return r;
        });
        m.def("round", (a, k) -> {
            PyObject[] p = Args.parse("round", a, k, new String[] {"number", "ndigits"}, 1, 2);
            return round(p[0], p[1] == null ? Py.None : p[1]);
        });
        m.defPassingOperands("divmod", (a, k) -> {
            Args.checkCount("divmod", a, 2, 2);
            return divmod(a[0], a[1]);
        });
        m.defPassingOperands("pow", (a, k) -> {
            PyObject[] p = Args.parse("pow", a, k, new String[] {"base", "exp", "mod"}, 2, 3);
            if (p[2] != null && p[2] != Py.None) {
                if (!(p[0] instanceof PyInt b && p[1] instanceof PyInt e && p[2] instanceof PyInt md)) {
                    throw Exc.typeError("pow() 3rd argument not allowed unless all arguments are integers");
                }
                return PyInt.powMod(b, e, md);
            }
            return Ops.binary(p[0], p[1], BinOp.POW);
        });
        m.def("chr", (a, k) -> {
            Args.checkCount("chr", a, 1, 1);
            PyInt i = Ops.index(a[0]);
            if (i.big != null || i.value < 0 || i.value > 0x10FFFF) throw Exc.valueError("chr() arg not in range(0x110000)");
            return PyStr.of(new String(Character.toChars((int) i.value)));
        });
        m.def("ord", (a, k) -> {
            Args.checkCount("ord", a, 1, 1);
            if (!(a[0] instanceof PyStr s)) throw Exc.typeError("ord() expected string of length 1, but " + a[0].type.name + " found");
            int n = s.value.codePointCount(0, s.value.length());
            if (n != 1) throw Exc.typeError("ord() expected a character, but string of length " + n + " found");
            return PyInt.of(s.value.codePointAt(0));
        });
        m.defPassingOperands("hex", (a, k) -> PyStr.of(radix(Ops.index(a[0]), 16, "0x")));
        m.defPassingOperands("oct", (a, k) -> PyStr.of(radix(Ops.index(a[0]), 8, "0o")));
        m.defPassingOperands("bin", (a, k) -> PyStr.of(radix(Ops.index(a[0]), 2, "0b")));
        m.def("format", (a, k) -> {
            Args.checkCount("format", a, 1, 2);
            return PyStr.of(Ops.format(a[0], a.length > 1 ? Args.strArg("format", a[1]) : ""));
        });
        m.def("getattr", (a, k) -> {
            Args.checkCount("getattr", a, 2, 3);
            if (!(a[1] instanceof PyStr n)) throw Exc.typeError("attribute name must be string, not '" + a[1].type.name + "'");
            if (a.length == 3) {
                PyObject v = Ops.getAttrOrNull(a[0], PyStr.intern(n.value));
                return v == null ? a[2] : v;
            }
            return Ops.getAttr(a[0], PyStr.intern(n.value));
        });
        m.def("setattr", (a, k) -> {
            Args.checkCount("setattr", a, 3, 3);
            if (!(a[1] instanceof PyStr n)) throw Exc.typeError("attribute name must be string, not '" + a[1].type.name + "'");
            Ops.setAttr(a[0], PyStr.intern(n.value), a[2]);
            return Py.None;
        });
        m.def("delattr", (a, k) -> {
            Args.checkCount("delattr", a, 2, 2);
            if (!(a[1] instanceof PyStr n)) throw Exc.typeError("attribute name must be string, not '" + a[1].type.name + "'");
            Ops.delAttr(a[0], PyStr.intern(n.value));
            return Py.None;
        });
        m.def("hasattr", (a, k) -> {
            Args.checkCount("hasattr", a, 2, 2);
            if (!(a[1] instanceof PyStr n)) throw Exc.typeError("attribute name must be string, not '" + a[1].type.name + "'");
            return PyBool.of(Ops.getAttrOrNull(a[0], PyStr.intern(n.value)) != null);
        });
        m.def("callable", (a, k) -> PyBool.of(isCallable(a[0])));
        m.def("any", (a, k) -> {
            PyObject it = Ops.iter(a[0]);
            for (PyObject x; (x = Ops.next(it)) != null; ) if (Ops.isTrue(x)) return PyBool.TRUE;
            return PyBool.FALSE;
        });
        m.def("all", (a, k) -> {
            PyObject it = Ops.iter(a[0]);
            for (PyObject x; (x = Ops.next(it)) != null; ) if (!Ops.isTrue(x)) return PyBool.FALSE;
            return PyBool.TRUE;
        });
        m.def("vars", (a, k) -> {
            if (a.length == 0) return locals();
            PyObject v = Ops.getAttrOrNull(a[0], PyStr.intern("__dict__"));
            if (v == null) throw Exc.typeError("vars() argument must have __dict__ attribute");
            return v;
        });
        m.def("dir", (a, k) -> {
            if (a.length == 0) {
                PyDict l = locals();
                PyList names = PyList.wrap(SeqMethods.toArray(l));
                Ops.invoke(names, "sort");
                return names;
            }
            PyObject dm = a[0].type.lookup("__dir__");
            if (a[0].type.heap && dm != null) {
                PyList r = PyList.wrap(SeqMethods.toArray(Ops.callMethod(dm, a[0])));
                Ops.invoke(r, "sort");
                return r;
            }
            return ObjectMethods.dir(a[0]);
        });
        m.def("globals", (a, k) -> ThreadState.current().frame.globals);
        m.def("locals", (a, k) -> locals());
        m.def("input", (a, k) -> {
            Args.checkCount("input", a, 0, 1);
            PyObject out = rt.sysAttr("stdout");
            if (a.length == 1) Ops.invoke(out, "write", Ops.strObj(a[0]));
            Ops.invoke(out, "flush");
            PyObject in = rt.sysAttr("stdin");
            PyObject line = Ops.invoke(in, "readline");
            String s = Ops.str(line);
            if (s.isEmpty()) throw Exc.raise(Exc.EOFError, "EOF when reading a line");
            if (s.endsWith("\n")) s = s.substring(0, s.length() - 1);
            return PyStr.of(s);
        });
        m.def("open", (a, k) -> FileOpen.open(a, k));
        m.def("exec", (a, k) -> {
            execOrEval(a, k, false);
            return Py.None;
        });
        m.def("eval", (a, k) -> execOrEval(a, k, true));
        m.def("__import__", (a, k) -> Imports.importModule(Ops.str(a[0])));
        PySuper.init();
        return m;
    }

    // ----- print -----------------------------------------------------------------------------

    static PyObject print(PyObject[] a, String[] k) {
        int npos = Args.positional(a, k);
        PyObject sep = null, end = null, file = null, flush = null;
        if (k != null) {
            for (int i = 0; i < k.length; i++) {
                PyObject v = a[npos + i];
                switch (k[i]) {
                    case "sep" -> sep = v;
                    case "end" -> end = v;
                    case "file" -> file = v;
                    case "flush" -> flush = v;
                    default -> throw Exc.typeError("'" + k[i] + "' is an invalid keyword argument for print()");
                }
            }
        }
        String sepS = sep == null || sep == Py.None ? " " : strOrError(sep, "sep");
        String endS = end == null || end == Py.None ? "\n" : strOrError(end, "end");
        if (file == null || file == Py.None) file = Runtime.get().sysAttr("stdout");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < npos; i++) {
            if (i > 0) sb.append(sepS);
            sb.append(Ops.str(a[i]));
        }
        sb.append(endS);
        if (file instanceof PyTextFile tf) tf.write(sb.toString());
        else Ops.invoke(file, "write", PyStr.of(sb.toString()));
        if (flush != null && Ops.isTrue(flush)) Ops.invoke(file, "flush");
        return Py.None;
    }

    private static String strOrError(PyObject v, String name) {
        if (v instanceof PyStr s) return s.value;
        throw Exc.typeError(name + " must be None or a string, not " + v.type.name);
    }

    // ----- helpers ---------------------------------------------------------------------------

    private static PyObject minMax(String name, PyObject[] a, String[] k, boolean isMin) {
        int npos = Args.positional(a, k);
        PyObject key = null, dflt = null;
        if (k != null) {
            for (int i = 0; i < k.length; i++) {
                if (k[i].equals("key")) key = a[npos + i];
                else if (k[i].equals("default")) dflt = a[npos + i];
                else throw Exc.typeError(name + "() got an unexpected keyword argument '" + k[i] + "'");
            }
        }
        if (key == Py.None) key = null;
        PyObject it;
        if (npos == 0) {
            throw Exc.typeError(name + " expected at least 1 argument, got 0");
        } else if (npos == 1) {
            it = Ops.iter(a[0]);
        } else {
            if (dflt != null) throw Exc.typeError("Cannot specify a default for " + name + "() with multiple positional arguments");
            PyObject[] items = new PyObject[npos];
            System.arraycopy(a, 0, items, 0, npos);
            it = PyTuple.of(items).iter();
        }
        PyObject best = null, bestKey = null;
        for (PyObject x; (x = Ops.next(it)) != null; ) {
            PyObject kx = key == null ? x : Ops.call(key, x);
            // as CPython's min_max: the new item first, item < best for min, item > best for max
            if (best == null || (isMin ? Ops.lt(kx, bestKey) : Ops.gt(kx, bestKey))) {
                best = x;
                bestKey = kx;
            }
        }
        if (best == null) {
            if (dflt != null) return dflt;
            throw Exc.valueError(name + "() arg is an empty sequence");
        }
        return best;
    }

    /** divmod(x, y): numbers directly, other objects through __divmod__ / __rdivmod__. */
    static PyObject divmod(PyObject x, PyObject y) {
        boolean xn = (x instanceof PyInt || x instanceof PyFloat) && !x.type.heap;
        boolean yn = (y instanceof PyInt || y instanceof PyFloat) && !y.type.heap;
        if (xn && yn) return PyTuple.of(Ops.binary(x, y, BinOp.FLOORDIV), Ops.binary(x, y, BinOp.MOD));
        PyObject dm = x.type.lookup("__divmod__");
        if (dm != null && x.type.heap) {
            PyObject r = Ops.callMethod(dm, x, y);
            if (r != Py.NotImplemented) return r;
        }
        PyObject rdm = y.type.lookup("__rdivmod__");
        if (rdm != null && y.type.heap) {
            PyObject r = Ops.callMethod(rdm, y, x);
            if (r != Py.NotImplemented) return r;
        }
        if ((xn || x.type.heap && (x instanceof PyInt || x instanceof PyFloat))
                && (yn || y.type.heap && (y instanceof PyInt || y instanceof PyFloat))) {
            return PyTuple.of(Ops.binary(x, y, BinOp.FLOORDIV), Ops.binary(x, y, BinOp.MOD));
        }
        throw Exc.typeError("unsupported operand type(s) for divmod(): '" + x.type.name + "' and '" + y.type.name + "'");
    }

    static boolean isInstance(PyObject obj, PyObject cls) {
        if (cls instanceof PyType t) {
            if (obj.type.isSubtypeOf(t)) return true;
            if (t.type.heap) {
                PyObject ic = t.type.lookup("__instancecheck__");
                if (ic != null && !(ic instanceof PyMethodDescr)) return Ops.isTrue(Ops.callMethod(ic, t, obj));
            }
            return false;
        }
        if (cls instanceof PyTuple tu) {
            for (PyObject c : tu.items) if (isInstance(obj, c)) return true;
            return false;
        }
        throw Exc.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
    }

    static boolean isSubclass(PyType sub, PyObject cls) {
        if (cls instanceof PyType t) return sub.isSubtypeOf(t);
        if (cls instanceof PyTuple tu) {
            for (PyObject c : tu.items) if (isSubclass(sub, c)) return true;
            return false;
        }
        throw Exc.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }

    static boolean isCallable(PyObject o) {
        if (o instanceof PyType || o instanceof PyBuiltinFunction || o instanceof PyMethod
                || o instanceof PyMethodDescr || o instanceof PyBuiltinMethod || o instanceof toy.vm.PyFunction) return true;
        if (o instanceof PyStaticMethod) return true;
        return o.type.lookup("__call__") != null;
    }

    static String radix(PyInt i, int radix, String prefix) {
        BigInteger v = i.toBig();
        String digits = v.abs().toString(radix);
        return (v.signum() < 0 ? "-" : "") + prefix + digits;
    }

    static PyObject round(PyObject x, PyObject nd) {
        if (x instanceof PyFloat f) {
            double v = f.value;
            if (nd == Py.None) {
                if (Double.isNaN(v)) throw Exc.valueError("cannot convert float NaN to integer");
                if (Double.isInfinite(v)) throw Exc.overflowError("cannot convert float infinity to integer");
                double r = Math.rint(v);
                return Ops.call(PyInt.TYPE, PyFloat.of(r));
            }
            int n = Ops.index(nd).intValue();
            try {
                return PyFloat.of(FloatFormat.round(v, n));
            } catch (ArithmeticException e) {
                throw Exc.overflowError(e.getMessage());
            }
        }
        if (x instanceof PyInt i) {
            if (nd == Py.None) return PyInt.of(i.toBig());
            int n = Ops.index(nd).intValue();
            if (n >= 0) return PyInt.of(i.toBig());
            BigInteger pow = BigInteger.TEN.pow(-n);
            BigInteger[] qr = i.toBig().divideAndRemainder(pow);
            BigInteger q = qr[0], r = qr[1];
            if (r.signum() < 0) { r = r.add(pow); q = q.subtract(BigInteger.ONE); }
            int c = r.shiftLeft(1).compareTo(pow);
            if (c > 0 || (c == 0 && q.testBit(0))) q = q.add(BigInteger.ONE);
            return PyInt.of(q.multiply(pow));
        }
        PyObject m = x.type.lookup("__round__");
        if (m == null) throw Exc.typeError("type " + x.type.name + " doesn't define __round__ method");
        return nd == Py.None ? Ops.callMethod(m, x) : Ops.callMethod(m, x, nd);
    }

    static PyDict locals() {
        Frame f = ThreadState.current().frame;
        if (f.localsDict != null) return f.localsDict;
        PyDict d = new PyDict();
        for (int i = 0; i < f.locals.length; i++) {
            if (f.locals[i] != null) d.put(f.code.varnames[i], f.locals[i]);
        }
        if (f.cells != null) {
            int nc = f.code.cellvars.length;
            for (int i = 0; i < f.cells.length; i++) {
                PyCell c = f.cells[i];
                if (c != null && c.value != null) d.put(i < nc ? f.code.cellvars[i] : f.code.freevars[i - nc], c.value);
            }
        }
        return d;
    }

    private static PyObject execOrEval(PyObject[] a, String[] k, boolean isEval) {
        String fname = isEval ? "eval" : "exec";
        Args.checkCount(fname, a, 1, 3);
        Frame f = ThreadState.current().frame;
        PyDict globals = a.length > 1 && a[1] != Py.None ? (PyDict) a[1] : f.globals;
        PyDict locals = a.length > 2 && a[2] != Py.None ? (PyDict) a[2] : (a.length > 1 && a[1] != Py.None ? globals : locals());
        if (globals.get("__builtins__") == null) globals.put("__builtins__", Runtime.get().modules.get("builtins"));
        Code code;
        if (a[0] instanceof Code c) {
            code = c;
        } else {
            String src = Args.strArg(fname, a[0]);
            try {
                code = isEval ? Compiler.compileExpression(Parser.parseExpression(src.strip(), "<string>"), "<string>")
                        : Compiler.compileModule(Parser.parse(src, "<string>"), "<string>", false);
            } catch (RuntimeException e) {
                throw SyntaxErrors.toPython(e);
            }
        }
        Frame nf = new Frame(code, globals, Runtime.get().builtinsDict, locals, null);
        return Interpreter.execute(nf, ThreadState.current());
    }

    /** iter(callable, sentinel): holds both (counted) until the sentinel or StopIteration ends it, as CPython's calliter. */
    static final class CallableIterator extends PyContainer {
        static final PyType TYPE = PyType.builtin("callable_iterator", PyType.OBJECT, null);
        private PyObject fn, sentinel;

        CallableIterator(PyObject fn, PyObject sentinel) {
            super(TYPE);
            this.fn = Refs.own(fn);
            this.sentinel = Refs.own(sentinel);
        }

        @Override public void traverse(RefVisitor v) {
            v.visit(fn);
            v.visit(sentinel);
        }

        @Override public PyObject iter() { return this; }

        @Override public PyObject next() {
            if (fn == null) return null;
            PyObject v;
            try {
                v = Ops.call(fn);
            } catch (PyException e) {
                if (!e.matches(Exc.StopIteration)) throw e;
                Refs.state().caught();
                finish();
                return null;
            }
            if (Ops.eq(sentinel, v)) {
                finish();
                return null;
            }
            return v;
        }

        private void finish() {
            PyObject f = fn, s = sentinel;
            fn = null;
            sentinel = null;
            Refs.xdecref(f);
            Refs.xdecref(s);
        }
    }
}
