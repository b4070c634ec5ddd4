package toy.lib;

import java.util.List;
import toy.object.*;
import toy.vm.Runtime;

/**
 * The {@code gc} module: the cycle collector's switch, thresholds and counts, and explicit
 * collection ({@link Collector} holds the algorithm). Objects are freed by reference counting
 * whatever the collector's state; it only matters for cycles.
 */
public final class GcModule {
    private GcModule() {}

    public static PyModule create(Runtime rt) {
        PyModule m = new PyModule("gc");
        m.def("collect", (a, k) -> {
            PyObject[] p = Args.parse("collect", a, k, new String[] {"generation"}, 0, 1);
            int gen = p[0] == null ? 2 : Args.intArg(p[0]);
            if (gen < 0 || gen > 2) throw Exc.valueError("invalid generation");
            return PyInt.of(Collector.collect(gen));
        });
        m.def("enable", (a, k) -> {
            noArgs("gc.enable", a, k);
            Collector.setEnabled(true);
            return Py.None;
        });
        m.def("disable", (a, k) -> {
            noArgs("gc.disable", a, k);
            Collector.setEnabled(false);
            return Py.None;
        });
        m.def("isenabled", (a, k) -> {
            noArgs("gc.isenabled", a, k);
            return PyBool.of(Collector.isEnabled());
        });
        m.def("get_count", (a, k) -> {
            noArgs("gc.get_count", a, k);
            return ints(Collector.counts());
        });
        m.def("get_threshold", (a, k) -> {
            noArgs("gc.get_threshold", a, k);
            return ints(Collector.thresholds());
        });
        m.def("set_threshold", (a, k) -> {
            Args.noKeywords("set_threshold", k);
            if (a.length == 0) throw Exc.typeError("set_threshold() takes at least 1 argument (0 given)");
            if (a.length > 3) throw Exc.typeError("set_threshold() takes at most 3 arguments (" + a.length + " given)");
            Collector.setThresholds(Args.intArg(a[0]), a.length > 1 ? Args.intArg(a[1]) : null,
                    a.length > 2 ? Args.intArg(a[2]) : null);
            return Py.None;
        });
        m.def("is_tracked", (a, k) -> {
            Args.noKeywords("gc.is_tracked", k);
            if (a.length != 1) throw Exc.typeError("gc.is_tracked() takes exactly one argument (" + a.length + " given)");
            return PyBool.of(Collector.isTracked(a[0]));
        });
        m.def("get_objects", (a, k) -> {
            PyObject[] p = Args.parse("get_objects", a, k, new String[] {"generation"}, 0, 1);
            int gen = -1;
            if (p[0] != null && p[0] != Py.None) {
                gen = Args.intArg(p[0]);
                if (gen >= 3) {
                    throw Exc.valueError("generation parameter must be less than the number of available generations (3)");
                }
                if (gen < 0) throw Exc.valueError("generation parameter cannot be negative");
            }
            List<PyObject> objs = Collector.objects(gen);
            return PyList.wrap(objs.toArray(new PyObject[0]));
        });
        m.dict.put("garbage", new PyList());
        PyList callbacks = new PyList();
        m.dict.put("callbacks", callbacks);
        Collector.observer = (phase, gen, collected, uncollectable) -> runCallbacks(callbacks, phase, gen, collected, uncollectable);
        return m;
    }

    /**
     * gc.callbacks, before and after every collection, automatic ones included: each is called
     * with the phase and a dict of the generation and the counts, as CPython's
     * invoke_gc_callback; what one raises is reported ("Exception ignored in: ...") and the
     * others still run. The list is the one the module was made with (rebinding
     * {@code gc.callbacks} changes nothing, as in CPython).
     */
    private static void runCallbacks(PyList callbacks, String phase, int gen, int collected, int uncollectable) {
        if (callbacks.length() == 0) return;
        PyDict info = new PyDict();
        info.put("generation", PyInt.of(gen));
        info.put("collected", PyInt.of(collected));
        info.put("uncollectable", PyInt.of(uncollectable));
        PyObject[] args = {PyStr.of(phase), info};
        for (int i = 0; i < callbacks.length(); i++) {
            PyObject cb = callbacks.get(i);
            Refs.incref(cb); // a callback that empties the list keeps itself alive until it returns
            try {
                cb.call(args, null);
            } catch (PyException e) {
                Refs.unraisableHook.accept(Ops.repr(cb), e);
            } finally {
                Refs.decref(cb);
            }
        }
    }

    private static void noArgs(String name, PyObject[] a, String[] k) {
        int n = a.length;
        if (n != 0) throw Exc.typeError(name + "() takes no arguments (" + n + " given)");
    }

    private static PyTuple ints(int[] v) {
        PyObject[] r = new PyObject[v.length];
        for (int i = 0; i < v.length; i++) r[i] = PyInt.of(v[i]);
        return PyTuple.of(r);
    }
}
