package toy.vm;

import toy.compile.Code;
import toy.object.Py;
import toy.object.PyCell;
import toy.object.PyDict;
import toy.object.PyGetSet;
import toy.object.PyMethod;
import toy.object.PyObject;
import toy.object.PyStr;
import toy.object.PyTuple;
import toy.object.PyType;
import toy.object.PyContainer;
import toy.object.RefVisitor;
import toy.object.Refs;

/**
 * A function defined by a script: code plus the globals, defaults and closure it was made with.
 * Every PyObject field is a counted reference; assign defaults, kwdefaults, doc and module
 * through the setters.
 */
public final class PyFunction extends PyContainer {
    public static final PyType TYPE = PyType.builtin("function", PyType.OBJECT, null);

    public final Code code;
    /** The module globals the function runs in. */
    public final PyDict globals;
    /** Defaults of the last positional parameters, or null. */
    public PyObject[] defaults;
    /** Defaults of keyword-only parameters by name, or null. */
    public PyDict kwdefaults;
    /** The cells of the free variables, in code.freevars order, or null. */
    public final PyCell[] closure;
    public String name;
    public String qualname;
    /**
     * True when a call with exactly argcount positional arguments can bind them by copying:
     * no *args, **kwargs, keyword-only parameters or cells, and not a generator.
     */
    final boolean simpleArgs;
    /** Attributes set on the function (__wrapped__, user attributes), created on demand. */
    PyDict dict;
    PyObject doc;
    PyObject module;

    static {
        TYPE.baseType = false;
        TYPE.dict.put("__name__", new PyGetSet("__name__", o -> PyStr.of(((PyFunction) o).name),
                (o, v) -> ((PyFunction) o).name = toy.object.Ops.str(v)));
        TYPE.dict.put("__qualname__", new PyGetSet("__qualname__", o -> PyStr.of(((PyFunction) o).qualname),
                (o, v) -> ((PyFunction) o).qualname = toy.object.Ops.str(v)));
        TYPE.dict.put("__doc__", new PyGetSet("__doc__", o -> ((PyFunction) o).doc, (o, v) -> ((PyFunction) o).setDoc(v)));
        TYPE.dict.put("__module__", new PyGetSet("__module__", o -> ((PyFunction) o).module,
                (o, v) -> ((PyFunction) o).setModule(v)));
        TYPE.dict.put("__code__", new PyGetSet("__code__", o -> ((PyFunction) o).code, null));
        TYPE.dict.put("__globals__", new PyGetSet("__globals__", o -> ((PyFunction) o).globals, null));
        TYPE.dict.put("__defaults__", new PyGetSet("__defaults__", o -> {
            PyObject[] d = ((PyFunction) o).defaults;
            return d == null ? Py.None : PyTuple.of(d.clone());
        }, (o, v) -> ((PyFunction) o).setDefaults(v == Py.None ? null : ((PyTuple) v).items.clone())));
        TYPE.dict.put("__kwdefaults__", new PyGetSet("__kwdefaults__", o -> {
            PyDict d = ((PyFunction) o).kwdefaults;
            return d == null ? Py.None : d;
        }, (o, v) -> ((PyFunction) o).setKwdefaults(v == Py.None ? null : (PyDict) v)));
        TYPE.dict.put("__closure__", new PyGetSet("__closure__", o -> {
            PyCell[] c = ((PyFunction) o).closure;
            return c == null ? Py.None : PyTuple.of(c.clone());
        }, null));
        TYPE.dict.put("__annotations__", new PyGetSet("__annotations__", o -> new PyDict(), null));
        TYPE.dict.put("__dict__", new PyGetSet("__dict__", o -> o.dict(), null));
    }

    public PyFunction(Code code, PyDict globals, PyObject[] defaults, PyDict kwdefaults, PyCell[] closure) {
        super(TYPE);
        this.code = code;
        this.simpleArgs = !code.isGenerator() && code.kwonlyargcount == 0 && code.cellvars.length == 0
                && (code.flags & (Code.VARARGS | Code.VARKEYWORDS)) == 0;
        this.globals = Refs.own(globals);
        this.defaults = defaults;
        if (defaults != null) for (PyObject d : defaults) Refs.incref(d);
        this.kwdefaults = kwdefaults;
        Refs.xincref(kwdefaults);
        this.closure = closure;
        if (closure != null) for (PyCell c : closure) Refs.incref(c);
        this.name = code.name;
        this.qualname = code.qualname;
        this.doc = Refs.own(code.consts.length > 0 && code.consts[0] instanceof PyStr ? code.consts[0] : Py.None);
        PyObject m = globals.get("__name__");
        this.module = Refs.own(m == null ? Py.None : m);
    }

    public void setDefaults(PyObject[] d) {
        PyObject[] old = defaults;
        if (d != null) for (PyObject x : d) Refs.incref(x);
        defaults = d;
        if (old != null) for (PyObject x : old) Refs.decref(x);
    }

    public void setKwdefaults(PyDict d) {
        PyDict old = kwdefaults;
        kwdefaults = d;
        Refs.swap(old, d);
    }

    public void setDoc(PyObject v) {
        PyObject old = doc;
        doc = v;
        Refs.swap(old, v);
    }

    public void setModule(PyObject v) {
        PyObject old = module;
        module = v;
        Refs.swap(old, v);
    }

    /** In func_clear's order: globals, module, defaults, kwdefaults, doc, dict, closure. */
    @Override public void traverse(RefVisitor v) {
        v.visit(globals);
        v.visit(module);
        if (defaults != null) for (PyObject d : defaults) v.visit(d);
        v.visit(kwdefaults);
        v.visit(doc);
        v.visit(dict);
        if (closure != null) for (PyCell c : closure) v.visit(c);
    }

    @Override public PyDict dict() {
        if (dict == null) dict = PyDict.owned();
        return dict;
    }

    @Override public PyObject call(PyObject[] args, String[] kwnames) {
        return Interpreter.callFunction(this, args, 0, args.length - (kwnames == null ? 0 : kwnames.length), kwnames, null);
    }

    @Override public PyObject descrGet(PyObject instance, PyType owner) {
        return instance == null ? this : new PyMethod(this, instance);
    }

    @Override public String repr() { return "<function " + qualname + " at " + toy.object.Ops.addressOf(this) + ">"; }
}
