package toy.vm;

import toy.object.*;

/**
 * {@code __build_class__(func, name, *bases, metaclass=None, **kwds)}: runs the class body
 * function in a fresh namespace dict, then calls the metaclass with (name, bases, ns).
 */
final class BuildClass {
    private BuildClass() {}

    static PyObject call(PyObject[] args, String[] kwnames) {
        int npos = Args.positional(args, kwnames);
        if (npos < 2) throw Exc.typeError("__build_class__: not enough arguments");
        PyFunction body = (PyFunction) args[0];
        String name = Ops.str(args[1]);
        PyObject[] bases = new PyObject[npos - 2];
        System.arraycopy(args, 2, bases, 0, bases.length);
        PyObject meta = null;
        java.util.List<String> kwn = new java.util.ArrayList<>();
        java.util.List<PyObject> kwv = new java.util.ArrayList<>();
        if (kwnames != null) {
            for (int i = 0; i < kwnames.length; i++) {
                if (kwnames[i].equals("metaclass")) meta = args[npos + i];
                else { kwn.add(kwnames[i]); kwv.add(args[npos + i]); }
            }
        }
        if (meta == null) meta = bases.length > 0 ? bases[0].type : PyType.TYPE;
        if (meta instanceof PyType mt) {
            for (PyObject b : bases) {
                if (b.type.isSubtypeOf(mt)) mt = b.type;
            }
            meta = mt;
        }
        PyDict ns = new PyDict();
        PyObject prepare = Ops.getAttrOrNull(meta, PyStr.intern("__prepare__"));
        if (prepare != null && meta instanceof PyType pt && pt.heap) {
            PyObject r = Ops.call(prepare, PyStr.of(name), PyTuple.of(bases));
            if (r instanceof PyDict d) ns = d;
        }
        Runtime rt = Runtime.get();
        Frame f = new Frame(body.code, body.globals, rt.builtinsDict, ns, body);
        toy.object.Refs.incref(body); // the frame's reference to its function
        ArgBinder.setupCells(body, f);
        Interpreter.execute(f, ThreadState.current());
        PyObject[] margs = new PyObject[3 + kwn.size()];
        margs[0] = PyStr.of(name);
        margs[1] = PyTuple.of(bases);
        margs[2] = ns;
        for (int i = 0; i < kwv.size(); i++) margs[3 + i] = kwv.get(i);
        return meta.call(margs, kwn.isEmpty() ? null : kwn.toArray(new String[0]));
    }
}
