package toy.lib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import toy.object.*;
import toy.vm.Runtime;
import toy.vm.ThreadState;

/**
 * The threading module's core: {@code Thread} (real Java platform threads that take the GIL
 * to run bytecode), {@code current_thread}, {@code main_thread}, {@code get_ident},
 * {@code active_count}, {@code enumerate}. Waiting in {@code join} releases the GIL.
 */
public final class ThreadingModule {
    private ThreadingModule() {}

    /** Java stack size of script threads: deep enough that the recursion limit trips first. */
    static final long STACK_SIZE = 1L << 29;

    public static final PyType THREAD = PyType.builtin("Thread", PyType.OBJECT, (cls, a, k) -> new PyThread(cls));
    public static final PyType TIMER = PyType.builtin("Timer", THREAD, (cls, a, k) -> new PyThread(cls));
    /** threading.excepthook's default, and the module (read at each uncaught exception: scripts may replace the hook). */
    private static PyObject defaultHook;
    private static volatile PyModule module;

    private static int counter;
    /** Started threads that have not finished, in start order (guarded by the class lock). */
    private static final Map<Long, PyThread> ACTIVE = new LinkedHashMap<>();
    /**
     * threading._active: the same threads by ident, as a dict of the module (only touched under
     * the GIL). It makes the objects of threads still running at exit (daemon threads) reachable
     * from the module, as in CPython.
     */
    private static PyDict activeDict;
    private static PyThread mainThread;

    /**
     * A threading.Thread object. It holds counted references to its target, args and kwargs
     * (dropped when run() finishes, as CPython's {@code del self._target, self._args,
     * self._kwargs}), a Timer's function, arguments and event, and a script subclass's dict.
     */
    static final class PyThread extends PyContainer {
        PyObject target = Py.None, args = PyTuple.EMPTY, kwargs = Py.None;
        String name;
        boolean daemon, started, finished, isMain;
        long ident = -1;
        Thread javaThread;
        PyDict dict;
        /** Timer only: the delay, the function and its arguments, the cancel event. */
        double interval;
        PyObject function, fargs, fkwargs;
        ThreadingSync.PyEvent timerDone;

        PyThread(PyType t) { super(t); }

        @Override public PyDict dict() {
            if (type.heap && dict == null) dict = PyDict.owned();
            return dict;
        }

        /** Sets target, args and kwargs (counted), dropping the previous values. */
        void setTarget(PyObject target, PyObject args, PyObject kwargs) {
            PyObject t0 = this.target, a0 = this.args, k0 = this.kwargs;
            this.target = Refs.own(target);
            this.args = Refs.own(args);
            this.kwargs = Refs.own(kwargs);
            Refs.xdecref(t0);
            Refs.xdecref(a0);
            Refs.xdecref(k0);
        }

        /** Sets a Timer's function, arguments and event (counted), dropping the previous values. */
        void setTimer(PyObject function, PyObject fargs, PyObject fkwargs, ThreadingSync.PyEvent done) {
            PyObject f0 = this.function, a0 = this.fargs, k0 = this.fkwargs, d0 = this.timerDone;
            this.function = Refs.own(function);
            this.fargs = Refs.own(fargs);
            this.fkwargs = Refs.own(fkwargs);
            this.timerDone = Refs.own(done);
            Refs.xdecref(f0);
            Refs.xdecref(a0);
            Refs.xdecref(k0);
            Refs.xdecref(d0);
        }

        /** The order of the attributes in CPython's instance dict: Thread's, then Timer's, then a subclass's. */
        @Override public void traverse(RefVisitor v) {
            v.visit(target);
            v.visit(args);
            v.visit(kwargs);
            v.visit(function);
            v.visit(fargs);
            v.visit(fkwargs);
            v.visit(timerDone);
            v.visit(dict);
        }

        @Override public String repr() {
            String state = !started ? "initial" : finished ? "stopped" : "started";
            if (daemon) state += " daemon";
            if (ident >= 0) state += " " + ident;
            return "<" + type.name + "(" + name + ", " + state + ")>";
        }
    }

    static {
        THREAD.module = "threading";
        THREAD.def("__init__", (self, a, k) -> {
            PyObject[] p = Args.parse("Thread", a, k, new String[] {"group", "target", "name", "args", "kwargs", "daemon"}, 0, 5);
            PyThread t = (PyThread) self;
            t.setTarget(p[1] == null ? Py.None : p[1], p[3] == null ? PyTuple.EMPTY : p[3], p[4] == null ? Py.None : p[4]);
            if (p[2] != null && p[2] != Py.None) {
                t.name = Ops.str(p[2]);
            } else {
                t.name = "Thread-" + nextNumber();
                PyObject tn = t.target == Py.None ? null : LibSupport.attrOrNull(t.target, PyStr.intern("__name__"));
                if (tn instanceof PyStr s) t.name += " (" + s.value + ")";
            }
            if (p[5] != null && p[5] != Py.None) t.daemon = Ops.isTrue(p[5]);
            else t.daemon = currentThread().daemon;
            return Py.None;
        });
        THREAD.def("run", (self, a, k) -> {
            PyThread t = (PyThread) self;
            try {
                if (t.target != Py.None) callWith(t.target, t.args, t.kwargs);
            } finally {
                // as CPython's Thread.run: del self._target, self._args, self._kwargs
                PyObject t0 = t.target, a0 = t.args, k0 = t.kwargs;
                t.target = Py.None;
                t.args = PyTuple.EMPTY;
                t.kwargs = Py.None;
                Refs.decref(t0);
                Refs.decref(a0);
                Refs.decref(k0);
            }
            return Py.None;
        });
        THREAD.def("start", (self, a, k) -> {
            start((PyThread) self);
            return Py.None;
        });
        THREAD.def("join", (self, a, k) -> {
            PyObject[] p = Args.parse("join", a, k, new String[] {"timeout"}, 0, 1);
            join((PyThread) self, p[0] == null || p[0] == Py.None ? -1 : FloatArg.of(p[0]));
            return Py.None;
        });
        THREAD.def("is_alive", (self, a, k) -> {
            PyThread t = (PyThread) self;
            return PyBool.of(t.started && !t.finished);
        });
        THREAD.def("getName", (self, a, k) -> PyStr.of(((PyThread) self).name));
        THREAD.def("setName", (self, a, k) -> { ((PyThread) self).name = Ops.str(a[0]); return Py.None; });
        THREAD.def("isDaemon", (self, a, k) -> PyBool.of(((PyThread) self).daemon));
        THREAD.def("setDaemon", (self, a, k) -> { setDaemon((PyThread) self, a[0]); return Py.None; });
        THREAD.dict.put("name", new PyGetSet("name", o -> PyStr.of(((PyThread) o).name),
                (o, v) -> ((PyThread) o).name = Ops.str(v)));
        THREAD.dict.put("ident", new PyGetSet("ident", o -> identOf((PyThread) o), null));
        THREAD.dict.put("native_id", new PyGetSet("native_id", o -> identOf((PyThread) o), null));
        THREAD.dict.put("daemon", new PyGetSet("daemon", o -> PyBool.of(((PyThread) o).daemon),
                (o, v) -> setDaemon((PyThread) o, v)));
    }

    static {
        TIMER.module = "threading";
        TIMER.def("__init__", (self, a, k) -> {
            PyObject[] p = Args.parse("Timer", a, k, new String[] {"interval", "function", "args", "kwargs"}, 2, 4);
            THREAD.dict.get("__init__").call(new PyObject[] {self}, null);
            PyThread t = (PyThread) self;
            t.interval = FloatArg.of(p[0]);
            t.setTimer(p[1], p[2] == null || p[2] == Py.None ? PyTuple.EMPTY : p[2],
                    p[3] == null || p[3] == Py.None ? new PyDict() : p[3], new ThreadingSync.PyEvent(ThreadingSync.EVENT));
            return Py.None;
        });
        TIMER.def("cancel", (self, a, k) -> { ((PyThread) self).timerDone.set(); return Py.None; });
        TIMER.def("run", (self, a, k) -> {
            PyThread t = (PyThread) self;
            t.timerDone.await(ThreadingLocks.seconds(t.interval));
            if (!t.timerDone.isSet()) callWith(t.function, t.fargs, t.fkwargs);
            t.timerDone.set();
            return Py.None;
        });
        TIMER.dict.put("finished", new PyGetSet("finished", o -> ((PyThread) o).timerDone, null));
    }

    /** Calls f(*args, **kwargs). */
    static PyObject callWith(PyObject f, PyObject args, PyObject kwargs) {
        PyObject[] pos = SeqMethods.toArray(args);
        if (kwargs instanceof PyDict kw && kw.size() > 0) {
            PyObject[] all = new PyObject[pos.length + kw.size()];
            System.arraycopy(pos, 0, all, 0, pos.length);
            String[] names = new String[kw.size()];
            int i = 0;
            for (int e = kw.nextEntry(0); e >= 0; e = kw.nextEntry(e + 1), i++) {
                names[i] = Ops.str(kw.keyAt(e));
                all[pos.length + i] = kw.valueAt(e);
            }
            return f.call(all, names);
        }
        return f.call(pos, null);
    }

    private static PyObject identOf(PyThread t) { return t.ident < 0 ? Py.None : PyInt.of(t.ident); }

    private static void setDaemon(PyThread t, PyObject v) {
        if (t.started) throw Exc.runtimeError("cannot set daemon status of active thread");
        t.daemon = Ops.isTrue(v);
    }

    private static synchronized int nextNumber() { return ++counter; }

    /** The thread object of the calling thread (the main thread's is made on first use). */
    static synchronized PyThread currentThread() {
        ThreadState ts = ThreadState.current();
        if (ts.pyThread instanceof PyThread t) return t;
        return mainThread();
    }

    public static synchronized PyObject mainThreadObject() { return mainThread(); }

    static synchronized PyThread mainThread() {
        if (mainThread == null) {
            mainThread = new PyThread(THREAD);
            mainThread.name = "MainThread";
            mainThread.started = true;
            mainThread.isMain = true;
            mainThread.ident = Thread.currentThread().getId();
            mainThread.javaThread = Thread.currentThread();
            // the main thread's object lives as long as the interpreter (threading._active holds it in CPython)
            Refs.immortal(mainThread);
            ACTIVE.put(mainThread.ident, mainThread);
        }
        return mainThread;
    }

    private static void start(PyThread t) {
        if (t.name == null) throw Exc.runtimeError("thread.__init__() not called");
        if (t.started) throw Exc.runtimeError("threads can only be started once");
        mainThread();
        Thread jt = new toy.object.ToyThread(() -> body(t), t.name, STACK_SIZE);
        jt.setDaemon(true);
        t.javaThread = jt;
        t.ident = jt.getId();
        t.started = true;
        // the registry of running threads holds a counted reference (CPython's threading._active):
        // a thread object nobody else holds stays alive until its thread ends
        Refs.incref(t);
        synchronized (ThreadingModule.class) {
            ACTIVE.put(t.ident, t);
        }
        if (activeDict != null) activeDict.put(PyInt.of(t.ident), t);
        jt.start();
    }

    /**
     * What a script thread runs: take the GIL, call run(), report an uncaught exception, leave.
     * As in CPython, what run() dropped dies first (before the excepthook reports an uncaught
     * exception), then the thread leaves the registry of running threads (its object dies
     * if nothing else holds it), then the thread's threading.local values are dropped; all
     * of it on this thread, under the GIL.
     */
    private static void body(PyThread t) {
        ThreadState ts = ThreadState.attach(t.name, t.ident);
        ts.pyThread = t;
        try {
            try {
                Ops.invoke(t, "run");
                Refs.drainAll();
            } catch (PyException e) {
                // the objects run() dropped die first; the exception lives until the excepthook is done
                PyBaseException v = e.value;
                Refs.incref(v);
                try {
                    Refs.drainAll();
                    if (!e.matches(Exc.SystemExit)) uncaught(t, e);
                } finally {
                    Refs.decref(v);
                }
            }
        } catch (PyException e) {
            // raised outside run() (finalizers report their own exceptions): report it as uncaught
            uncaught(t, e);
        } catch (StackOverflowError e) {
            StdStreams.stderr().write("Exception in thread " + t.name + ":\nRecursionError: maximum recursion depth exceeded\n");
        } finally {
            try {
                // objects the thread's last instruction dropped die on this thread, under the GIL
                Refs.drainAll();
                t.finished = true;
                synchronized (ThreadingModule.class) {
                    ACTIVE.remove(t.ident);
                }
                PyDict active = activeDict;
                if (active != null) {
                    PyObject key = PyInt.of(t.ident);
                    if (active.get(key) == t) active.remove(key);
                }
                ts.pyThread = null;
                Refs.decref(t);
                Refs.drainAll();
                ThreadingSync.threadEnded();
                Refs.drainAll();
            } catch (PyException e) {
                uncaught(t, e);
            } finally {
                ts.detach();
            }
        }
    }

    static final PyType EXCEPTHOOK_ARGS = PyType.builtin("_ExceptHookArgs", PyType.OBJECT, null);

    /** The argument of threading.excepthook: exc_type, exc_value, exc_traceback, thread (counted). */
    static final class HookArgs extends PyContainer {
        final PyObject excType, excValue, excTb, thread;

        HookArgs(PyObject type, PyObject value, PyObject tb, PyObject thread) {
            super(EXCEPTHOOK_ARGS);
            excType = Refs.own(type);
            excValue = Refs.own(value);
            excTb = Refs.own(tb);
            this.thread = Refs.own(thread);
        }

        /** A struct sequence drops its fields first to last. */
        @Override public void traverse(RefVisitor v) {
            v.visit(excType);
            v.visit(excValue);
            v.visit(excTb);
            v.visit(thread);
        }
    }

    static {
        EXCEPTHOOK_ARGS.module = "threading";
        EXCEPTHOOK_ARGS.dict.put("exc_type", new PyGetSet("exc_type", o -> ((HookArgs) o).excType, null));
        EXCEPTHOOK_ARGS.dict.put("exc_value", new PyGetSet("exc_value", o -> ((HookArgs) o).excValue, null));
        EXCEPTHOOK_ARGS.dict.put("exc_traceback", new PyGetSet("exc_traceback", o -> ((HookArgs) o).excTb, null));
        EXCEPTHOOK_ARGS.dict.put("thread", new PyGetSet("thread", o -> ((HookArgs) o).thread, null));
    }

    /** An exception escaped a thread's run(): threading.excepthook decides what happens. */
    private static void uncaught(PyThread t, PyException e) {
        PyModule m = module;
        PyObject hook = m == null ? null : m.dict.get(PyStr.intern("excepthook"));
        if (hook == null || hook == defaultHook) {
            printDefault(t.name, e.value);
            return;
        }
        PyObject tb = LibSupport.attrOrNull(e.value, PyStr.intern("__traceback__"));
        try {
            Ops.call(hook, new HookArgs(e.value.type, e.value, tb == null ? Py.None : tb, t));
        } catch (PyException e2) {
            StdStreams.stdout().flush();
            StdStreams.stderr().write("Exception in threading.excepthook:\n" + TracebackPrinter.format(e2.value));
            Refs.state().caught();
        }
    }

    private static void printDefault(String name, PyBaseException v) {
        StdStreams.stdout().flush();
        StdStreams.stderr().write("Exception in thread " + name + ":\n" + TracebackPrinter.format(v));
    }

    private static void join(PyThread t, double timeout) {
        if (!t.started) throw Exc.runtimeError("cannot join thread before it is started");
        if (t == currentThread()) throw Exc.runtimeError("cannot join current thread");
        if (t.isMain) {
            joinMain(timeout);
            return;
        }
        if (timeout < 0) Deadlock.enter("join of thread '" + t.name + "'");
        try (toy.gil.Gil.Blocking released = ThreadState.blocking()) {
            if (timeout < 0) t.javaThread.join();
            else t.javaThread.join((long) (timeout * 1000), (int) ((timeout * 1e9) % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (timeout < 0) Deadlock.exit();
            toy.vm.Interrupts.check();
        }
    }

    /** Counted down when the main module's code has finished (joining the main thread waits for it). */
    private static final java.util.concurrent.CountDownLatch MAIN_DONE = new java.util.concurrent.CountDownLatch(1);

    /** Marks the main thread finished: its code ended and the interpreter is shutting down. */
    public static void mainFinished() {
        MAIN_DONE.countDown();
        PyThread m = mainThread;
        if (m != null) m.finished = true;
    }

    private static void joinMain(double timeout) {
        if (timeout < 0) Deadlock.enter("join of thread 'MainThread'");
        try (toy.gil.Gil.Blocking released = ThreadState.blocking()) {
            if (timeout < 0) MAIN_DONE.await();
            else MAIN_DONE.await((long) (timeout * 1e9), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (timeout < 0) Deadlock.exit();
            toy.vm.Interrupts.check();
        }
    }

    /** Interpreter exit: waits (without the GIL) for every started non-daemon thread. */
    public static void joinNonDaemonThreads() {
        while (true) {
            PyThread next = null;
            synchronized (ThreadingModule.class) {
                for (PyThread t : ACTIVE.values()) {
                    if (!t.isMain && !t.daemon && !t.finished) { next = t; break; }
                }
            }
            if (next == null) return;
            join(next, -1);
        }
    }

    public static PyModule create(Runtime rt) {
        // a script that imports threading will probably start a thread: let the JIT see the
        // eval-breaker checks taken before then (see EvalBreaker.startWarmupTicks)
        toy.vm.EvalBreaker.startWarmupTicks(rt.gil, false);
        // and let a thread that waits for the GIL run when its wait is over (see JvmScheduling)
        toy.gil.JvmScheduling.prepareForThreads();
        PyModule m = new PyModule("threading");
        m.dict.put("Thread", THREAD);
        m.dict.put("Timer", TIMER);
        m.def("Lock", (a, k) -> { Args.checkCount("Lock", a, 0, 0); return new ThreadingLocks.PyLock(); });
        m.dict.put("RLock", ThreadingLocks.RLOCK);
        m.dict.put("Condition", ThreadingLocks.CONDITION);
        m.dict.put("Semaphore", ThreadingLocks.SEMAPHORE);
        m.dict.put("BoundedSemaphore", ThreadingLocks.BOUNDED_SEMAPHORE);
        m.dict.put("Event", ThreadingSync.EVENT);
        m.dict.put("Barrier", ThreadingSync.BARRIER);
        m.dict.put("BrokenBarrierError", ThreadingSync.BROKEN_BARRIER_ERROR);
        m.dict.put("local", ThreadingSync.LOCAL);
        m.def("excepthook", (a, k) -> {
            Args.checkCount("excepthook", a, 1, 1);
            PyObject args = a[0];
            PyObject thread = Ops.getAttr(args, PyStr.intern("thread"));
            PyObject value = Ops.getAttr(args, PyStr.intern("exc_value"));
            String name = thread == Py.None ? String.valueOf(Thread.currentThread().getId()) : Ops.str(Ops.getAttr(thread, PyStr.intern("name")));
            if (value instanceof PyBaseException v) printDefault(name, v);
            return Py.None;
        });
        defaultHook = m.dict.get(PyStr.intern("excepthook"));
        m.dict.put("__excepthook__", defaultHook);
        module = m;
        PyDict active = new PyDict();
        synchronized (ThreadingModule.class) {
            for (PyThread t : ACTIVE.values()) active.put(PyInt.of(t.ident), t);
        }
        m.dict.put("_active", active);
        activeDict = active;
        m.def("current_thread", (a, k) -> currentThread());
        m.def("currentThread", (a, k) -> currentThread());
        m.def("main_thread", (a, k) -> mainThread());
        m.def("get_ident", (a, k) -> PyInt.of(currentThread().ident));
        m.def("get_native_id", (a, k) -> PyInt.of(currentThread().ident));
        m.def("active_count", (a, k) -> {
            mainThread();
            synchronized (ThreadingModule.class) {
                return PyInt.of(ACTIVE.size());
            }
        });
        m.def("enumerate", (a, k) -> {
            mainThread();
            List<PyObject> l = new ArrayList<>();
            synchronized (ThreadingModule.class) {
                l.addAll(ACTIVE.values());
            }
            return PyList.wrap(l.toArray(new PyObject[0]));
        });
        return m;
    }

    /** A float argument in seconds. */
    static final class FloatArg {
        private FloatArg() {}

        static double of(PyObject o) {
            if (o instanceof PyFloat f) return f.value;
            if (o instanceof PyInt i) return i.doubleValue();
            throw Exc.typeError("'" + o.type.name + "' object cannot be interpreted as a number");
        }
    }
}
