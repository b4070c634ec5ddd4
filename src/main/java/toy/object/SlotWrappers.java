package toy.object;

/**
 * Puts the dunder methods of a built-in type into its dict, each a thin wrapper around the
 * Java protocol method ({@code list.__len__} calls {@link PyObject#length}). These make the
 * built-in behaviour visible to lookup, so script subclasses and explicit calls such as
 * {@code int.__add__(1, 2)} or {@code super().__getitem__(k)} work.
 */
public final class SlotWrappers {
    private SlotWrappers() {}

    static void addNumberSlots(PyType t) {
        for (int op = 0; op < BinOp.NAME.length; op++) {
            final int o = op;
            t.def(BinOp.NAME[op], (self, a, k) -> orNotImpl(self.binaryOp(o, a[0], false)));
            t.def(BinOp.RNAME[op], (self, a, k) -> orNotImpl(self.binaryOp(o, a[0], true)));
        }
        for (int op = 0; op < BinOp.UNAME.length; op++) {
            final int o = op;
            t.def(BinOp.UNAME[op], (self, a, k) -> Ops.unary(self, o));
        }
        addCompare(t);
        add(t, "__repr__", "__hash__", "__bool__", "__format__");
    }

    static void addCompare(PyType t) {
        for (int op = 0; op < Compare.NAME.length; op++) {
            final int o = op;
            t.def(Compare.NAME[op], (self, a, k) -> orNotImpl(self.richCompare(a[0], o)));
        }
    }

    static PyObject orNotImpl(PyObject r) { return r == null ? Py.NotImplemented : r; }

    /** Adds the named protocol wrappers. */
    public static void add(PyType t, String... names) {
        for (String n : names) {
            PyBuiltinMethod.Impl impl = switch (n) {
                case "__repr__" -> (self, a, k) -> PyStr.of(self.repr());
                case "__str__" -> (self, a, k) -> PyStr.of(self.str());
                case "__hash__" -> (self, a, k) -> PyInt.of(self.hash());
                case "__bool__" -> (self, a, k) -> PyBool.of(self.isTrue());
                case "__len__" -> (self, a, k) -> PyInt.of(self.length());
                case "__iter__" -> (self, a, k) -> self.iter();
                case "__next__" -> (self, a, k) -> {
                    PyObject r = self.next();
                    if (r == null) throw Exc.stopIteration(Py.None);
                    return r;
                };
                case "__getitem__" -> (self, a, k) -> self.getItem(a[0]);
                case "__setitem__" -> (self, a, k) -> { self.setItem(a[0], a[1]); return Py.None; };
                case "__delitem__" -> (self, a, k) -> { self.delItem(a[0]); return Py.None; };
                case "__contains__" -> (self, a, k) -> {
                    int r = self.contains(a[0]);
                    if (r >= 0) return PyBool.of(r == 1);
                    PyObject it = self.iter();
                    if (it == null) throw Exc.typeError("argument of type '" + self.type.name + "' is not iterable");
                    for (PyObject x; (x = Ops.next(it)) != null; ) if (x == a[0] || Ops.eq(x, a[0])) return PyBool.TRUE;
                    return PyBool.FALSE;
                };
                case "__format__" -> (self, a, k) -> PyStr.of(self.format(Args.strArg("format", a[0])));
                case "__add__", "__mul__", "__mod__", "__or__", "__and__", "__sub__", "__xor__" -> {
                    int op = indexOf(BinOp.NAME, n);
                    yield (self, a, k) -> orNotImpl(self.binaryOp(op, a[0], false));
                }
                case "__radd__", "__rmul__", "__rmod__", "__ror__", "__rand__", "__rsub__", "__rxor__" -> {
                    int op = indexOf(BinOp.RNAME, n);
                    yield (self, a, k) -> orNotImpl(self.binaryOp(op, a[0], true));
                }
                case "__iadd__", "__imul__", "__ior__", "__iand__", "__isub__", "__ixor__" -> {
                    int op = indexOf(BinOp.INAME, n);
                    yield (self, a, k) -> orNotImpl(self.inplaceOp(op, a[0]));
                }
                case "compare" -> null;
                default -> throw new IllegalArgumentException(n);
            };
            if (impl == null) addCompare(t); else t.def(n, impl);
        }
    }

    private static int indexOf(String[] a, String n) {
        for (int i = 0; i < a.length; i++) if (a[i].equals(n)) return i;
        throw new IllegalArgumentException(n);
    }
}
