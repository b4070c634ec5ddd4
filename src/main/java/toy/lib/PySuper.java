package toy.lib;

import toy.object.*;
import toy.vm.Frame;
import toy.vm.ThreadState;

/**
 * {@code super()} and {@code super(type, obj)}: attribute lookup that starts after type in
 * the MRO of obj's class. The zero-argument form reads the {@code __class__} cell and the first
 * argument of the calling frame, as CPython does.
 */
public final class PySuper extends PyContainer {
    public static final PyType TYPE = PyType.builtin("super", PyType.OBJECT, PySuper::create);

    final PyType thisType;
    final PyObject obj;
    final PyType objType;

    private PySuper(PyType thisType, PyObject obj, PyType objType) {
        super(TYPE);
        this.thisType = Refs.own(thisType);
        this.obj = obj == null ? null : Refs.own(obj);
        this.objType = objType == null ? null : Refs.own(objType);
    }

    /** super_dealloc's order: the object, the type, the object's type (all counted). */
    @Override public void traverse(RefVisitor v) {
        v.visit(obj);
        v.visit(thisType);
        v.visit(objType);
    }

    static void init() {}

    private static PyObject create(PyType cls, PyObject[] a, String[] k) {
        Args.noKeywords("super", k);
        PyType thisType;
        PyObject obj;
        if (a.length == 0) {
            Frame f = ThreadState.current().frame;
            if (f == null || f.func == null) throw Exc.runtimeError("super(): no arguments");
            int idx = -1;
            String[] free = f.code.freevars;
            for (int i = 0; i < free.length; i++) if (free[i].equals("__class__")) idx = f.code.cellvars.length + i;
            if (idx < 0) throw Exc.runtimeError("super(): __class__ cell not found");
            PyObject c = f.cells[idx].value;
            if (!(c instanceof PyType t)) throw Exc.runtimeError("super(): empty __class__ cell");
            thisType = t;
            if (f.code.argcount == 0 && (f.code.flags & toy.compile.Code.VARARGS) == 0) {
                throw Exc.runtimeError("super(): no arguments");
            }
            obj = f.locals.length > 0 ? f.locals[0] : null;
            if (obj == null && f.code.cell2arg.length > 0) {
                for (int i = 0; i < f.code.cell2arg.length; i++) {
                    if (f.code.cell2arg[i] == 0) obj = f.cells[i].value;
                }
            }
            if (obj == null) throw Exc.runtimeError("super(): arg[0] deleted");
        } else {
            Args.checkCount("super", a, 1, 2);
            if (!(a[0] instanceof PyType t)) throw Exc.typeError("super() argument 1 must be a type, not " + a[0].type.name);
            thisType = t;
            obj = a.length > 1 ? a[1] : null;
        }
        PyType objType = null;
        if (obj != null) {
            if (obj instanceof PyType ot && ot.isSubtypeOf(thisType)) objType = ot;
            else if (obj.type.isSubtypeOf(thisType)) objType = obj.type;
            else throw Exc.typeError("super(type, obj): obj must be an instance or subtype of type");
        }
        return new PySuper(thisType, obj, objType);
    }

    @Override public PyObject getAttr(PyStr name) {
        if (objType != null && !name.value.equals("__class__")) {
            PyType[] mro = objType.mro;
            int i = 0;
            while (i < mro.length && mro[i] != thisType) i++;
            for (i++; i < mro.length; i++) {
                PyObject v = mro[i].dict.get(name.value);
                if (v != null) {
                    PyObject r = v.descrGet(obj == objType ? null : obj, objType);
                    return r != null ? r : v;
                }
            }
        }
        return super.getAttr(name);
    }

    @Override public String repr() {
        return "<super: <class '" + thisType.name + "'>, " + (objType == null ? "NULL" : "<" + objType.name + " object>") + ">";
    }
}
