package toy.lib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import toy.object.*;

/** threading's {@code Event}, {@code Barrier} (with {@code BrokenBarrierError}) and {@code local}. */
final class ThreadingSync {
    private ThreadingSync() {}

    /** Waits on a Java monitor (held by the caller) until the deadline; false once it has passed. */
    static boolean waitOn(Object mon, long nanos, long deadline) throws InterruptedException {
        if (nanos < 0) { mon.wait(); return true; }
        long left = deadline - System.nanoTime();
        if (left <= 0) return false;
        mon.wait(left / 1_000_000, (int) (left % 1_000_000));
        return true;
    }

    // ---------------------------------------------------------------- Event

    static final PyType EVENT = PyType.builtin("Event", PyType.OBJECT, (cls, a, k) -> new PyEvent(cls));

    static final class PyEvent extends PyContainer {
        private boolean flag;

        PyEvent(PyType t) { super(t); }

        /** The attributes of an instance of a script subclass (a counted reference), made on first use. */
        PyDict dict;

        @Override public PyDict dict() {
            if (type.heap && dict == null) dict = PyDict.owned();
            return dict;
        }

        @Override public void traverse(RefVisitor v) { v.visit(dict); }

        synchronized boolean isSet() { return flag; }

        synchronized void set() { flag = true; notifyAll(); }

        synchronized void clear() { flag = false; }

        boolean await(long nanos) {
            synchronized (this) { if (flag || nanos == 0) return flag; }
            long deadline = System.nanoTime() + nanos;
            return ThreadingLocks.blockingWait(ns -> {
                synchronized (this) {
                    while (!flag) if (!waitOn(this, ns, deadline)) break;
                    return flag;
                }
            }, nanos, "Event at " + Ops.addressOf(this) + " (never set)");
        }

        @Override public String repr() {
            return "<threading.Event at " + Ops.addressOf(this) + ": " + (isSet() ? "set" : "unset") + ">";
        }
    }

    static {
        EVENT.module = "threading";
        EVENT.def("is_set", (self, a, k) -> PyBool.of(((PyEvent) self).isSet()));
        EVENT.def("isSet", (self, a, k) -> PyBool.of(((PyEvent) self).isSet()));
        EVENT.def("set", (self, a, k) -> { ((PyEvent) self).set(); return Py.None; });
        EVENT.def("clear", (self, a, k) -> { ((PyEvent) self).clear(); return Py.None; });
        EVENT.def("wait", (self, a, k) -> {
            PyObject[] p = Args.parse("wait", a, k, new String[] {"timeout"}, 0, 1);
            return PyBool.of(((PyEvent) self).await(ThreadingLocks.optTimeout(p[0])));
        });
    }

    // ---------------------------------------------------------------- Barrier

    static final PyType BROKEN_BARRIER_ERROR = PyType.builtin("BrokenBarrierError", Exc.RuntimeError, Exc.RuntimeError.newFn);
    static final PyType BARRIER = PyType.builtin("Barrier", PyType.OBJECT, (cls, a, k) -> new PyBarrier(cls));

    /** One cycle of a barrier. */
    static final class Generation { boolean broken; }

    /** A barrier: its action is a counted reference. */
    static final class PyBarrier extends PyContainer {
        int parties, count;
        boolean draining;
        Generation gen = new Generation();
        PyObject action = Py.None;
        long defaultTimeout = -1;

        PyBarrier(PyType t) { super(t); }

        /** The attributes of an instance of a script subclass (a counted reference), made on first use. */
        PyDict dict;

        @Override public PyDict dict() {
            if (type.heap && dict == null) dict = PyDict.owned();
            return dict;
        }

        @Override public void traverse(RefVisitor v) {
            v.visit(action);
            v.visit(dict);
        }

        static PyException broken() { return Exc.raise(BROKEN_BARRIER_ERROR, null); }

        int await(long nanos) {
            long deadline = System.nanoTime() + Math.max(nanos, 0);
            int[] index = {-1};
            Generation[] mine = {null};
            // arrive: wait out a draining cycle, then take an index
            int r = waitPhase(nanos, () -> {
                while (draining) if (!waitOn(this, nanos, deadline)) { breakLocked(); return 1; }
                if (gen.broken) return 1;
                index[0] = count++;
                mine[0] = gen;
                if (count == parties) { draining = true; return 2; }
                while (mine[0] == gen && !mine[0].broken) {
                    if (!waitOn(this, nanos, deadline)) { breakLocked(); return 1; }
                }
                return mine[0].broken ? 1 : 0;
            });
            if (r == 1) throw broken();
            if (r == 2) {
                try {
                    if (action != Py.None) Ops.call(action);
                } catch (PyException e) {
                    synchronized (this) { draining = false; breakLocked(); }
                    throw e;
                }
                synchronized (this) {
                    count = 0;
                    draining = false;
                    gen = new Generation();
                    notifyAll();
                }
            }
            return index[0];
        }

        interface Phase { int run() throws InterruptedException; }

        private int waitPhase(long nanos, Phase p) {
            synchronized (this) {
                // fast path: last to arrive, or already broken, needs no wait
                if (!draining && (gen.broken || count + 1 == parties)) {
                    try { return p.run(); } catch (InterruptedException e) { return 1; }
                }
            }
            int[] res = {1};
            ThreadingLocks.blockingWait(ns -> {
                synchronized (this) { res[0] = p.run(); }
                return true;
            }, nanos, "Barrier at " + Ops.addressOf(this));
            return res[0];
        }

        /** Breaks the current cycle (caller holds the monitor). */
        void breakLocked() {
            gen.broken = true;
            notifyAll();
        }

        synchronized void abort() { breakLocked(); }

        synchronized void reset() {
            if (count > 0) {
                breakLocked();
                gen = new Generation();
            } else if (gen.broken) {
                gen = new Generation();
            }
            count = 0;
            notifyAll();
        }

        @Override public String repr() {
            synchronized (this) {
                if (gen.broken) return "<threading.Barrier at " + Ops.addressOf(this) + ": broken>";
                return "<threading.Barrier at " + Ops.addressOf(this) + ": waiters=" + count + "/" + parties + ">";
            }
        }
    }

    static {
        BROKEN_BARRIER_ERROR.module = "threading";
        BARRIER.module = "threading";
        BARRIER.def("__init__", (self, a, k) -> {
            PyObject[] p = Args.parse("Barrier", a, k, new String[] {"parties", "action", "timeout"}, 1, 3);
            PyBarrier b = (PyBarrier) self;
            int n = Ops.index(p[0]).intValue();
            if (n < 1) throw Exc.valueError("parties must be > 0");
            b.parties = n;
            PyObject old = b.action;
            b.action = Refs.own(p[1] == null ? Py.None : p[1]);
            Refs.decref(old);
            b.defaultTimeout = ThreadingLocks.optTimeout(p[2]);
            return Py.None;
        });
        BARRIER.def("wait", (self, a, k) -> {
            PyObject[] p = Args.parse("wait", a, k, new String[] {"timeout"}, 0, 1);
            PyBarrier b = (PyBarrier) self;
            long nanos = p[0] == null || p[0] == Py.None ? b.defaultTimeout : ThreadingLocks.optTimeout(p[0]);
            return PyInt.of(b.await(nanos));
        });
        BARRIER.def("abort", (self, a, k) -> { ((PyBarrier) self).abort(); return Py.None; });
        BARRIER.def("reset", (self, a, k) -> { ((PyBarrier) self).reset(); return Py.None; });
        BARRIER.dict.put("parties", new PyGetSet("parties", o -> PyInt.of(((PyBarrier) o).parties), null));
        BARRIER.dict.put("n_waiting", new PyGetSet("n_waiting", o -> {
            PyBarrier b = (PyBarrier) o;
            synchronized (b) { return PyInt.of(b.draining ? 0 : b.count); }
        }, null));
        BARRIER.dict.put("broken", new PyGetSet("broken", o -> {
            PyBarrier b = (PyBarrier) o;
            synchronized (b) { return PyBool.of(b.gen.broken); }
        }, null));
    }

    // ---------------------------------------------------------------- local

    static final PyType LOCAL = PyType.builtin("local", PyType.OBJECT, (cls, a, k) -> new PyLocal(cls, a, k));

    /**
     * threading.local: attributes live in a dict per thread. The object holds counted
     * references to its constructor arguments and to each thread's dict; a thread's dict is
     * dropped when the thread ends (CPython clears the thread state's dict then) or when the
     * local object dies, whichever comes first. Neither keeps the other alive.
     */
    static final class PyLocal extends PyContainer {
        /** Each thread's dict, in the order the threads first used the object (under the GIL). */
        private final Map<Thread, PyDict> dicts = new LinkedHashMap<>();
        private PyObject[] initArgs;
        private final String[] initKw;

        PyLocal(PyType t, PyObject[] a, String[] k) {
            super(t);
            if ((a.length > 0) && t == LOCAL) throw Exc.typeError("Initialization arguments are not supported");
            initArgs = a.clone();
            for (PyObject x : initArgs) Refs.incref(x);
            initKw = k;
            addDict(Thread.currentThread(), new PyDict());
        }

        private void addDict(Thread th, PyDict d) {
            dicts.put(th, Refs.own(d));
            registerWith(this);
        }

        @Override public PyDict dict() {
            Thread me = Thread.currentThread();
            PyDict d = dicts.get(me);
            if (d != null) return d;
            d = new PyDict();
            addDict(me, d);
            if (type.heap) {
                PyObject init = LibSupport.attrOrNull(this, PyStr.intern("__init__"));
                if (init != null) init.call(initArgs, initKw);
            }
            return d;
        }

        /** The calling thread ends: drop its dict. */
        void dropDictOf(Thread th) {
            PyDict d = dicts.remove(th);
            Refs.xdecref(d);
        }

        /** CPython's local_clear: the arguments first, then every thread's dict. */
        @Override public void traverse(RefVisitor v) {
            for (PyObject x : initArgs) v.visit(x);
            for (PyDict d : dicts.values()) v.visit(d);
        }

        @Override protected void cleared() {
            initArgs = new PyObject[0];
            dicts.clear();
        }
    }

    /** The local objects holding a dict for the calling thread (not counted: the thread does not keep them alive). */
    private static final ThreadLocal<ArrayList<PyLocal>> LOCALS_OF_THREAD = ThreadLocal.withInitial(ArrayList::new);

    private static void registerWith(PyLocal l) {
        ArrayList<PyLocal> mine = LOCALS_OF_THREAD.get();
        mine.removeIf(PyContainer::isFreed);
        mine.add(l);
    }

    /** The calling thread ends (under the GIL): each local object still alive drops the thread's dict. */
    static void threadEnded() {
        ArrayList<PyLocal> mine = LOCALS_OF_THREAD.get();
        LOCALS_OF_THREAD.remove();
        Thread me = Thread.currentThread();
        for (PyLocal l : mine) {
            if (!l.isFreed()) l.dropDictOf(me);
        }
    }

    static {
        LOCAL.module = "_thread";
        LOCAL.def("__init__", (self, a, k) -> Py.None);
    }
}
