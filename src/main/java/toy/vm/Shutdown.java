package toy.vm;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import toy.object.Collector;
import toy.object.PyDict;
import toy.object.PyModule;
import toy.object.PyObject;
import toy.object.PyType;
import toy.object.Refs;

/**
 * Interpreter exit, as CPython's finalization does it: the main module drops its reference
 * to its globals without clearing them, so what they held is finalized while they still
 * exist (after the script's last line and after any traceback): by counting if nothing else
 * held the dict, else by the cycle collector, which finds the dict in a cycle with the
 * module's functions and classes. Then the globals of the modules imported from .toy files
 * are dropped, and the cycle collector runs so that unreachable cycles are finalized too.
 * With {@code --debug-refs}, containers still alive afterwards that nothing reachable holds
 * are reported as leaks, grouped by type.
 */
public final class Shutdown {
    private Shutdown() {}

    /** Tears the object world down; returns the number of leaked objects found (debug mode). */
    public static int tearDown(Runtime rt, PyModule main, boolean reportLeaks) {
        if (!Refs.ENABLED) return 0;
        // as CPython's finalization: the main module lets go of its globals without clearing
        // them; if nothing else held the dict it dies now (dropping the globals in the order
        // they were defined), and if only what it reaches holds it (its functions and classes
        // refer to it), the collector finalizes all of that together while the globals are
        // still there, as CPython's collection at exit does
        PyDict globals = main.dict;
        Refs.decref(globals); // the module's reference
        Refs.drainAll();
        if (!globals.isFreed()) {
            Collector.collect(2);
            Refs.drainAll();
        }
        if (!globals.isFreed()) {
            // held from elsewhere (a daemon thread's frame): its entries are dropped one by one
            globals.clear();
            Refs.drainAll();
        }
        List<PyModule> user = new ArrayList<>();
        for (int p = rt.modules.nextEntry(0); p >= 0; p = rt.modules.nextEntry(p + 1)) {
            if (rt.modules.valueAt(p) instanceof PyModule m && m != main && m.dict.get("__file__") != null) user.add(m);
        }
        for (int i = user.size() - 1; i >= 0; i--) {
            user.get(i).dict.clear();
            Refs.drainAll();
        }
        Collector.collect(2);
        Refs.drainAll();
        if (!reportLeaks) return 0;
        return reportLeaks(rt);
    }

    /** Prints the leak summary, if any; returns the number of leaked objects. */
    static int reportLeaks(Runtime rt) {
        Map<String, Integer> byType = leaks(rt);
        int n = byType.values().stream().mapToInt(Integer::intValue).sum();
        if (n > 0) {
            StringBuilder sb = new StringBuilder("toy: --debug-refs: " + n + " leaked object" + (n == 1 ? "" : "s")
                    + " (alive, unreachable):");
            for (Map.Entry<String, Integer> e : byType.entrySet()) sb.append(' ').append(e.getValue()).append(' ').append(e.getKey()).append(',');
            sb.setLength(sb.length() - 1);
            System.err.println(sb);
        }
        return n;
    }

    /**
     * The containers alive (count above zero, not immortal) that nothing reachable from the
     * modules, the builtins and the classes of reachable objects holds, counted by type name.
     */
    public static Map<String, Integer> leaks(Runtime rt) {
        Map<PyObject, Boolean> seen = new IdentityHashMap<>();
        List<PyObject> work = new ArrayList<>();
        work.add(rt.modules);
        work.add(rt.builtinsDict);
        // threads still running at exit (daemons) hold their frames' variables
        for (ThreadState ts : ThreadState.ATTACHED) {
            work.add(ts.handled);
            for (Frame f = ts.frame; f != null; f = f.back) f.traverse(work::add);
        }
        while (!work.isEmpty()) {
            PyObject o = work.remove(work.size() - 1);
            if (o == null || seen.put(o, Boolean.TRUE) != null) continue;
            work.add(o.type);
            if (o instanceof PyModule m) work.add(m.dict);
            if (o instanceof PyType t) {
                work.addAll(t.dict.values());
                if (t.bases != null) for (PyType b : t.bases) work.add(b);
            }
            if (o instanceof toy.object.PyContainer c) c.traverseSafely(work::add);
        }
        Map<String, Integer> byType = new TreeMap<>();
        List<PyObject> alive = Collector.objects(-1);
        alive.addAll(toy.object.DebugRefs.untracked);
        for (PyObject o : alive) {
            if (seen.containsKey(o) || o.refcnt <= 0 || Refs.isImmortal(o)) continue;
            byType.merge(o.type.name, 1, Integer::sum);
        }
        return byType;
    }

    /** Objects made during start-up that nothing counts (the runtime's own tables) become immortal. */
    public static void startupDone() {
        Refs.immortalizeFloating();
    }

}
