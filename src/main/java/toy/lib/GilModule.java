package toy.lib;

import java.util.List;
import java.util.Map;
import toy.gil.Gil;
import toy.object.*;
import toy.vm.Runtime;

/**
 * The toy-only {@code gil} module: the lock's statistics as a dict (the same figures as
 * {@code --gil-stats-json}), resetting them, and the scheduling policy.
 */
public final class GilModule {
    private GilModule() {}

    public static PyModule create(Runtime rt) {
        PyModule m = new PyModule("gil");
        Gil gil = rt.gil;
        m.def("stats", (a, k) -> {
            Args.checkCount("stats", a, 0, 0);
            return toPython(gil.stats().toMap());
        });
        m.def("reset_stats", (a, k) -> {
            Args.checkCount("reset_stats", a, 0, 0);
            gil.resetStats();
            return Py.None;
        });
        m.def("policy", (a, k) -> PyStr.of(gil.getPolicy().label()));
        m.def("set_policy", (a, k) -> {
            Args.checkCount("set_policy", a, 1, 1);
            try {
                gil.setPolicy(Gil.Policy.fromName(Args.strArg("set_policy", a[0])));
            } catch (IllegalArgumentException e) {
                throw Exc.valueError(e.getMessage());
            }
            return Py.None;
        });
        m.def("switch_every_instruction", (a, k) -> PyBool.of(gil.switchEveryInstruction()));
        return m;
    }

    /** Converts the statistics tree (maps, lists, strings, numbers, booleans) into Python objects. */
    static PyObject toPython(Object o) {
        if (o == null) return Py.None;
        if (o instanceof Map<?, ?> map) {
            PyDict d = new PyDict();
            for (Map.Entry<?, ?> e : map.entrySet()) d.put(PyStr.of(String.valueOf(e.getKey())), toPython(e.getValue()));
            return d;
        }
        if (o instanceof List<?> list) {
            PyList l = new PyList();
            for (Object x : list) l.append(toPython(x));
            return l;
        }
        if (o instanceof Boolean b) return PyBool.of(b);
        if (o instanceof Long || o instanceof Integer) return PyInt.of(((Number) o).longValue());
        if (o instanceof Number n) return PyFloat.of(n.doubleValue());
        return PyStr.of(String.valueOf(o));
    }
}
