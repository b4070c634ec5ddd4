package toy.lib;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import toy.object.*;
import toy.vm.ThreadState;

/**
 * threading's locks: {@code Lock}, {@code RLock}, {@code Condition}, {@code Semaphore},
 * {@code BoundedSemaphore}. Every blocking wait releases the GIL; Python objects are only
 * touched with the GIL held.
 */
final class ThreadingLocks {
    private ThreadingLocks() {}

    /** A wait that may time out: nanos < 0 waits forever; returns whether it succeeded. */
    interface TimedWait {
        boolean await(long nanos) throws InterruptedException;
    }

    /** Runs a wait with the GIL released. */
    static boolean blockingWait(TimedWait w, long nanos) {
        return blockingWait(w, nanos, "a lock, condition, event, barrier or queue");
    }

    /** Runs a wait with the GIL released; a wait without timeout is watched for deadlock as what. */
    static boolean blockingWait(TimedWait w, long nanos, String what) {
        if (nanos < 0) Deadlock.enter(what != null ? what : "a lock, condition, event, barrier or queue");
        try (toy.gil.Gil.Blocking released = ThreadState.blocking()) {
            return w.await(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (nanos < 0) Deadlock.exit();
            toy.vm.Interrupts.check();
        }
    }

    /** Acquires a java Semaphore permit: try first with the GIL held, then wait without it. */
    static boolean acquirePermits(Semaphore s, int n, boolean blocking, long nanos) {
        return acquirePermits(s, n, blocking, nanos, null);
    }

    /** As above; what describes the wait for the deadlock report (asked only when it would block). */
    static boolean acquirePermits(Semaphore s, int n, boolean blocking, long nanos, java.util.function.Supplier<String> what) {
        if (s.tryAcquire(n)) return true;
        if (!blocking || nanos == 0) return false;
        TimedWait w = ns -> {
            if (ns < 0) { s.acquire(n); return true; }
            return s.tryAcquire(n, ns, TimeUnit.NANOSECONDS);
        };
        return what == null ? blockingWait(w, nanos) : blockingWait(w, nanos, nanos < 0 ? what.get() : null);
    }

    /** Parses (blocking=True, timeout=-1) as CPython's lock acquire: nanos, or -2 for "don't block". */
    static long lockTimeout(String fname, PyObject[] a, String[] k) {
        PyObject[] p = Args.parse(fname, a, k, new String[] {"blocking", "timeout"}, 0, 2);
        boolean blocking = p[0] == null || Ops.isTrue(p[0]);
        double timeout = p[1] == null ? -1 : ThreadingModule.FloatArg.of(p[1]);
        if (!blocking && timeout != -1) throw Exc.valueError("can't specify a timeout for a non-blocking call");
        if (timeout < 0 && timeout != -1) throw Exc.valueError("timeout value must be a non-negative number");
        if (!blocking) return -2;
        return timeout < 0 ? -1 : seconds(timeout);
    }

    static long seconds(double s) {
        if (s <= 0) return 0;
        double ns = s * 1e9;
        return ns >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) ns;
    }

    /** Optional timeout argument (None = forever): nanos, -1 for forever. */
    static long optTimeout(PyObject o) {
        if (o == null || o == Py.None) return -1;
        double d = ThreadingModule.FloatArg.of(o);
        return d < 0 ? 0 : seconds(d);
    }

    static PyObject enterAcquire(PyObject self) { return Ops.invoke(self, "acquire"); }

    // ---------------------------------------------------------------- Lock

    static final PyType LOCK = PyType.builtin("lock", PyType.OBJECT, null);

    /** _thread.lock: not owned; any thread may release it. */
    static final class PyLock extends PyObject {
        final Semaphore sem = new Semaphore(1);
        /** The name of the thread that acquired it last (for the deadlock report), or null. */
        volatile String holder;

        PyLock() { super(LOCK); }

        boolean acquire(long nanos) {
            boolean got = acquirePermits(sem, 1, nanos != -2, nanos == -2 ? 0 : nanos,
                    () -> "Lock at " + Ops.addressOf(this) + (holder == null ? "" : " held by thread '" + holder + "'"));
            if (got) holder = toy.vm.ThreadState.current().name;
            return got;
        }

        boolean locked() { return sem.availablePermits() == 0; }

        void release() {
            if (!locked()) throw Exc.runtimeError("release unlocked lock");
            holder = null;
            sem.release();
        }

        @Override public String repr() {
            return "<" + (locked() ? "locked" : "unlocked") + " _thread.lock object at " + Ops.addressOf(this) + ">";
        }
    }

    static {
        LOCK.module = "_thread";
        LOCK.def("acquire", (self, a, k) -> PyBool.of(((PyLock) self).acquire(lockTimeout("acquire", a, k))));
        LOCK.def("acquire_lock", (self, a, k) -> PyBool.of(((PyLock) self).acquire(lockTimeout("acquire_lock", a, k))));
        LOCK.def("__enter__", (self, a, k) -> PyBool.of(((PyLock) self).acquire(-1)));
        LOCK.def("release", (self, a, k) -> { ((PyLock) self).release(); return Py.None; });
        LOCK.def("release_lock", (self, a, k) -> { ((PyLock) self).release(); return Py.None; });
        LOCK.def("__exit__", (self, a, k) -> { ((PyLock) self).release(); return Py.None; });
        LOCK.def("locked", (self, a, k) -> PyBool.of(((PyLock) self).locked()));
        LOCK.def("locked_lock", (self, a, k) -> PyBool.of(((PyLock) self).locked()));
    }

    // ---------------------------------------------------------------- RLock

    static final PyType RLOCK = PyType.builtin("RLock", PyType.OBJECT, (cls, a, k) -> new PyRLock(cls));

    /** _thread.RLock: owned by the acquiring thread, reentrant. */
    static final class PyRLock extends PyContainer {
        final Semaphore sem = new Semaphore(1);
        volatile Thread owner;
        int count;

        PyRLock(PyType t) { super(t); }

        /** The attributes of an instance of a script subclass (a counted reference), made on first use. */
        PyDict dict;

        @Override public PyDict dict() {
            if (type.heap && dict == null) dict = PyDict.owned();
            return dict;
        }

        @Override public void traverse(RefVisitor v) { v.visit(dict); }

        boolean acquire(long nanos) {
            Thread me = Thread.currentThread();
            if (owner == me) { count++; return true; }
            if (!acquirePermits(sem, 1, nanos != -2, nanos == -2 ? 0 : nanos,
                    () -> "RLock at " + Ops.addressOf(this) + (owner == null ? "" : " held by thread '" + owner.getName() + "'"))) {
                return false;
            }
            owner = me;
            count = 1;
            return true;
        }

        void release() {
            if (owner != Thread.currentThread()) throw Exc.runtimeError("cannot release un-acquired lock");
            if (--count == 0) { owner = null; sem.release(); }
        }

        boolean isOwned() { return owner == Thread.currentThread(); }

        /** Releases completely (for Condition.wait): returns the saved count. */
        int releaseSave() {
            int c = count;
            count = 0;
            owner = null;
            sem.release();
            return c;
        }

        void acquireRestore(int c) {
            acquire(-1);
            count = c;
        }

        @Override public String repr() {
            Thread o = owner;
            return "<" + (o != null ? "locked" : "unlocked") + " _thread.RLock object owner=" + (o == null ? 0 : o.getId())
                    + " count=" + (o == null ? 0 : count) + " at " + Ops.addressOf(this) + ">";
        }
    }

    static {
        RLOCK.module = "_thread";
        RLOCK.def("acquire", (self, a, k) -> PyBool.of(((PyRLock) self).acquire(lockTimeout("acquire", a, k))));
        RLOCK.def("__enter__", (self, a, k) -> PyBool.of(((PyRLock) self).acquire(-1)));
        RLOCK.def("release", (self, a, k) -> { ((PyRLock) self).release(); return Py.None; });
        RLOCK.def("__exit__", (self, a, k) -> { ((PyRLock) self).release(); return Py.None; });
        RLOCK.def("_is_owned", (self, a, k) -> PyBool.of(((PyRLock) self).isOwned()));
    }

    // ---------------------------------------------------------------- Condition

    static final PyType CONDITION = PyType.builtin("Condition", PyType.OBJECT, (cls, a, k) -> new PyCondition(cls));

    /** A condition: its lock is a counted reference. */
    static final class PyCondition extends PyContainer {
        PyObject lock;
        final ConcurrentLinkedDeque<Semaphore> waiters = new ConcurrentLinkedDeque<>();

        PyCondition(PyType t) { super(t); }

        /** The attributes of an instance of a script subclass (a counted reference), made on first use. */
        PyDict dict;

        @Override public PyDict dict() {
            if (type.heap && dict == null) dict = PyDict.owned();
            return dict;
        }

        /** In CPython's instance dict order: the lock first. */
        @Override public void traverse(RefVisitor v) {
            v.visit(lock);
            v.visit(dict);
        }

        boolean isOwned() {
            if (lock instanceof PyRLock r) return r.isOwned();
            if (lock instanceof PyLock l) return l.locked();
            if (Ops.isTrue(Ops.invoke(lock, "acquire", PyBool.FALSE))) {
                Ops.invoke(lock, "release");
                return false;
            }
            return true;
        }

        /** Waits for a notification; returns false on timeout. Requires the lock. */
        boolean await(long nanos) {
            if (!isOwned()) throw Exc.runtimeError("cannot wait on un-acquired lock");
            Semaphore waiter = new Semaphore(0);
            waiters.add(waiter);
            int saved = 0;
            if (lock instanceof PyRLock r) saved = r.releaseSave();
            else Ops.invoke(lock, "release");
            boolean got = false;
            try {
                got = nanos == 0 ? waiter.tryAcquire() : blockingWait(ns -> {
                    if (ns < 0) { waiter.acquire(); return true; }
                    return waiter.tryAcquire(ns, TimeUnit.NANOSECONDS);
                }, nanos);
            } finally {
                if (lock instanceof PyRLock r) r.acquireRestore(saved);
                else if (lock instanceof PyLock l) l.acquire(-1);
                else Ops.invoke(lock, "acquire");
                if (!got) waiters.remove(waiter);
            }
            return got;
        }

        void notify(int n) {
            if (!isOwned()) throw Exc.runtimeError("cannot notify on un-acquired lock");
            for (int i = 0; i < n; i++) {
                Semaphore w = waiters.poll();
                if (w == null) break;
                w.release();
            }
        }

        @Override public String repr() { return "<Condition(" + Ops.repr(lock) + ", " + waiters.size() + ")>"; }
    }

    static {
        CONDITION.module = "threading";
        CONDITION.def("__init__", (self, a, k) -> {
            PyObject[] p = Args.parse("Condition", a, k, new String[] {"lock"}, 0, 1);
            PyCondition c = (PyCondition) self;
            PyObject old = c.lock;
            c.lock = Refs.own(p[0] == null || p[0] == Py.None ? new PyRLock(RLOCK) : p[0]);
            Refs.xdecref(old);
            return Py.None;
        });
        CONDITION.def("acquire", (self, a, k) -> Ops.getAttr(((PyCondition) self).lock, PyStr.intern("acquire")).call(a, k));
        CONDITION.def("__enter__", (self, a, k) -> Ops.invoke(((PyCondition) self).lock, "__enter__"));
        CONDITION.def("release", (self, a, k) -> Ops.invoke(((PyCondition) self).lock, "release"));
        CONDITION.def("__exit__", (self, a, k) -> Ops.invoke(((PyCondition) self).lock, "release"));
        CONDITION.def("_is_owned", (self, a, k) -> PyBool.of(((PyCondition) self).isOwned()));
        CONDITION.def("wait", (self, a, k) -> {
            PyObject[] p = Args.parse("wait", a, k, new String[] {"timeout"}, 0, 1);
            return PyBool.of(((PyCondition) self).await(optTimeout(p[0])));
        });
        CONDITION.def("wait_for", (self, a, k) -> {
            PyObject[] p = Args.parse("wait_for", a, k, new String[] {"predicate", "timeout"}, 1, 2);
            PyCondition c = (PyCondition) self;
            long nanos = optTimeout(p[1]);
            long deadline = System.nanoTime() + Math.max(nanos, 0);
            PyObject result = Ops.call(p[0]);
            while (!Ops.isTrue(result)) {
                long wait = -1;
                if (nanos >= 0) {
                    wait = deadline - System.nanoTime();
                    if (wait <= 0) break;
                }
                c.await(wait);
                result = Ops.call(p[0]);
            }
            return result;
        });
        CONDITION.def("notify", (self, a, k) -> {
            PyObject[] p = Args.parse("notify", a, k, new String[] {"n"}, 0, 1);
            ((PyCondition) self).notify(p[0] == null ? 1 : Ops.index(p[0]).intValue());
            return Py.None;
        });
        CONDITION.def("notify_all", (self, a, k) -> { ((PyCondition) self).notify(Integer.MAX_VALUE); return Py.None; });
        CONDITION.def("notifyAll", (self, a, k) -> { ((PyCondition) self).notify(Integer.MAX_VALUE); return Py.None; });
    }

    // ---------------------------------------------------------------- Semaphore

    static final PyType SEMAPHORE = PyType.builtin("Semaphore", PyType.OBJECT, (cls, a, k) -> new PySemaphore(cls));
    static final PyType BOUNDED_SEMAPHORE = PyType.builtin("BoundedSemaphore", SEMAPHORE, (cls, a, k) -> new PySemaphore(cls));

    static final class PySemaphore extends PyContainer {
        Semaphore sem;
        int initial;
        boolean bounded;

        PySemaphore(PyType t) { super(t); }

        /** The attributes of an instance of a script subclass (a counted reference), made on first use. */
        PyDict dict;

        @Override public PyDict dict() {
            if (type.heap && dict == null) dict = PyDict.owned();
            return dict;
        }

        @Override public void traverse(RefVisitor v) { v.visit(dict); }

        @Override public String repr() {
            String v = "value=" + sem.availablePermits() + (bounded ? "/" + initial : "");
            return "<" + type.module + "." + type.name + " at " + Ops.addressOf(this) + ": " + v + ">";
        }
    }

    static {
        SEMAPHORE.module = "threading";
        BOUNDED_SEMAPHORE.module = "threading";
        SEMAPHORE.def("__init__", (self, a, k) -> {
            PyObject[] p = Args.parse("Semaphore", a, k, new String[] {"value"}, 0, 1);
            int v = p[0] == null ? 1 : Ops.index(p[0]).intValue();
            if (v < 0) throw Exc.valueError("semaphore initial value must be >= 0");
            PySemaphore s = (PySemaphore) self;
            s.sem = new Semaphore(v, true);
            s.initial = v;
            s.bounded = self.type.isSubtypeOf(BOUNDED_SEMAPHORE);
            return Py.None;
        });
        SEMAPHORE.def("acquire", (self, a, k) -> {
            PyObject[] p = Args.parse("acquire", a, k, new String[] {"blocking", "timeout"}, 0, 2);
            boolean blocking = p[0] == null || Ops.isTrue(p[0]);
            if (!blocking && p[1] != null && p[1] != Py.None) throw Exc.valueError("can't specify timeout for non-blocking acquire");
            long nanos = optTimeout(p[1]);
            return PyBool.of(acquirePermits(((PySemaphore) self).sem, 1, blocking, nanos));
        });
        SEMAPHORE.def("__enter__", (self, a, k) -> PyBool.of(acquirePermits(((PySemaphore) self).sem, 1, true, -1)));
        SEMAPHORE.def("release", (self, a, k) -> {
            PyObject[] p = Args.parse("release", a, k, new String[] {"n"}, 0, 1);
            int n = p[0] == null ? 1 : Ops.index(p[0]).intValue();
            if (n < 1) throw Exc.valueError("n must be one or more");
            release((PySemaphore) self, n);
            return Py.None;
        });
        SEMAPHORE.def("__exit__", (self, a, k) -> { release((PySemaphore) self, 1); return Py.None; });
        SEMAPHORE.dict.put("_value", new PyGetSet("_value", o -> PyInt.of(((PySemaphore) o).sem.availablePermits()), null));
    }

    private static void release(PySemaphore s, int n) {
        if (s.bounded && s.sem.availablePermits() + n > s.initial) throw Exc.valueError("Semaphore released too many times");
        s.sem.release(n);
    }
}
