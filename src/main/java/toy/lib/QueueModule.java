package toy.lib;

import java.util.ArrayList;
import java.util.concurrent.Semaphore;
import toy.object.*;
import toy.vm.Runtime;
import toy.vm.ThreadState;

/**
 * The queue module: {@code Queue}, {@code LifoQueue}, {@code PriorityQueue} (a heap ordered
 * with {@code <}, like heapq), {@code SimpleQueue}, and the {@code Empty} / {@code Full}
 * exceptions. Items are only touched with the GIL held; waits release it.
 */
public final class QueueModule {
    private QueueModule() {}

    static final PyType EMPTY = PyType.builtin("Empty", Exc.Exception, Exc.Exception.newFn);
    static final PyType FULL = PyType.builtin("Full", Exc.Exception, Exc.Exception.newFn);

    static final int FIFO = 0, LIFO = 1, PRIORITY = 2;

    static final PyType QUEUE = PyType.builtin("Queue", PyType.OBJECT, (cls, a, k) -> new PyQueue(cls, FIFO));
    static final PyType LIFO_QUEUE = PyType.builtin("LifoQueue", QUEUE, (cls, a, k) -> new PyQueue(cls, LIFO));
    static final PyType PRIORITY_QUEUE = PyType.builtin("PriorityQueue", QUEUE, (cls, a, k) -> new PyQueue(cls, PRIORITY));
    static final PyType SIMPLE_QUEUE = PyType.builtin("SimpleQueue", PyType.OBJECT, (cls, a, k) -> {
        if (a.length > 0) throw Exc.typeError("SimpleQueue() takes no arguments");
        return new PyQueue(cls, FIFO);
    });

    /**
     * A queue. As CPython's queue.Queue, the items (a ring for FIFO, a stack for LIFO, a heap
     * for priority) are only touched by a thread holding both the GIL and the queue's mutex;
     * the mutex is taken with the GIL released when another thread holds it, so that a
     * priority queue's {@code __lt__}, which may switch threads, never deadlocks with another
     * thread waiting for the queue. The queue holds a counted reference to each item.
     * {@link #count} and {@link #unfinished} are guarded by the object's monitor, on which
     * waiters sleep (without the GIL) until an item or a free slot is there.
     */
    static final class PyQueue extends PyContainer {
        final int kind;
        /** SimpleQueue (a list in CPython: dropped last to first) rather than Queue (a deque). */
        final boolean simple;
        final ArrayList<PyObject> items = new ArrayList<>();
        int head; // FIFO: index of the first live item
        volatile int maxsize;
        /** The number of items (guarded by the monitor). */
        int count;
        int unfinished;
        private final Semaphore mutex = new Semaphore(1);

        PyQueue(PyType t, int kind) {
            super(t);
            this.kind = kind;
            this.simple = t.isSubtypeOf(SIMPLE_QUEUE);
        }

        /** The attributes of an instance of a script subclass (a counted reference), made on first use. */
        PyDict dict;

        @Override public PyDict dict() {
            if (type.heap && dict == null) dict = PyDict.owned();
            return dict;
        }

        synchronized int size() { return count; }

        /** Full (the monitor held). */
        boolean isFull() { return maxsize > 0 && count >= maxsize; }

        /** Takes the queue's mutex (the GIL held; released while another thread has the mutex). */
        private void lock() {
            if (mutex.tryAcquire()) return;
            try (toy.gil.Gil.Blocking released = ThreadState.blocking()) {
                mutex.acquireUninterruptibly();
            }
        }

        private void unlock() { mutex.release(); }

        /** Publishes the number of items after a change (the mutex held) and wakes the waiters. */
        private void changed(boolean newTask) {
            synchronized (this) {
                count = items.size() - head;
                if (newTask) unfinished++;
                notifyAll();
            }
        }

        /** Adds an item, counting it (GIL and mutex held). A failing __lt__ leaves it in the heap, as heappush. */
        private void add(PyObject item) {
            items.add(Refs.own(item));
            boolean ok = false;
            try {
                if (kind == PRIORITY) siftDown(0, items.size() - 1);
                ok = true;
            } finally {
                changed(ok);
            }
        }

        /** Removes the next item and drops the queue's reference to it (GIL and mutex held; not empty). */
        private PyObject take() {
            PyObject r;
            if (kind == LIFO) {
                r = items.remove(items.size() - 1);
            } else if (kind == PRIORITY) {
                // heappop: the last item moves to the root and sifts up; a failing __lt__ loses the root, as in CPython
                PyObject last = items.remove(items.size() - 1);
                if (items.isEmpty()) {
                    r = last;
                } else {
                    r = items.get(0);
                    items.set(0, last);
                    try {
                        siftUp(0);
                    } catch (PyException e) {
                        changed(false);
                        Refs.decref(r);
                        throw e;
                    }
                }
            } else {
                r = items.get(head);
                items.set(head++, null);
                if (head == items.size()) { items.clear(); head = 0; }
                else if (head > 32 && head * 2 > items.size()) { items.subList(0, head).clear(); head = 0; }
            }
            changed(false);
            Refs.decref(r);
            return r;
        }

        // _heapq's siftdown / siftup: items move by swaps, so the heap holds each item exactly
        // once whenever __lt__ runs (or raises)
        private void siftDown(int start, int pos) {
            while (pos > start) {
                int parent = (pos - 1) >> 1;
                if (!Ops.lt(items.get(pos), items.get(parent))) break;
                swap(pos, parent);
                pos = parent;
            }
        }

        private void siftUp(int pos) {
            int end = items.size(), start = pos, limit = end >> 1;
            while (pos < limit) {
                int child = 2 * pos + 1;
                if (child + 1 < end && !Ops.lt(items.get(child), items.get(child + 1))) child++;
                swap(pos, child);
                pos = child;
            }
            siftDown(start, pos);
        }

        private void swap(int i, int j) {
            PyObject t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }

        /** Takes an item if there is one (GIL held), else null. */
        private PyObject tryTake() {
            lock();
            try {
                synchronized (this) {
                    if (count == 0) return null;
                }
                return take();
            } finally {
                unlock();
            }
        }

        /** Adds the item unless the queue is full (GIL held); false when full. */
        private boolean tryAdd(PyObject item) {
            lock();
            try {
                synchronized (this) {
                    if (isFull()) return false;
                }
                add(item);
                return true;
            } finally {
                unlock();
            }
        }

        PyObject get(boolean block, long nanos) {
            long deadline = System.nanoTime() + Math.max(nanos, 0);
            while (true) {
                PyObject r = tryTake();
                if (r != null) return r;
                if (!block || nanos == 0) throw Exc.raise(EMPTY, null);
                boolean ok = ThreadingLocks.blockingWait(ns -> {
                    synchronized (this) {
                        while (count == 0) if (!ThreadingSync.waitOn(this, ns, deadline)) return false;
                        return true;
                    }
                }, nanos, "get() on an empty " + type.name + " at " + Ops.addressOf(this));
                if (!ok) {
                    r = tryTake();
                    if (r != null) return r;
                    throw Exc.raise(EMPTY, null);
                }
            }
        }

        void put(PyObject item, boolean block, long nanos) {
            long deadline = System.nanoTime() + Math.max(nanos, 0);
            while (true) {
                if (tryAdd(item)) return;
                if (!block || nanos == 0) throw Exc.raise(FULL, null);
                boolean ok = ThreadingLocks.blockingWait(ns -> {
                    synchronized (this) {
                        while (isFull()) if (!ThreadingSync.waitOn(this, ns, deadline)) return false;
                        return true;
                    }
                }, nanos, "put() on a full " + type.name + " at " + Ops.addressOf(this));
                if (!ok) {
                    if (tryAdd(item)) return;
                    throw Exc.raise(FULL, null);
                }
            }
        }

        synchronized void taskDone() {
            if (unfinished <= 0) throw Exc.valueError("task_done() called too many times");
            if (--unfinished == 0) notifyAll();
        }

        void join() {
            synchronized (this) { if (unfinished == 0) return; }
            ThreadingLocks.blockingWait(ns -> {
                synchronized (this) {
                    while (unfinished > 0) wait();
                    return true;
                }
            }, -1, "join() of a " + type.name + " with " + unfinished + " unfinished task(s)");
        }

        /** The items (a deque, Queue's, drops them first to last, a list last to first), then a subclass's attributes. */
        @Override public void traverse(RefVisitor v) {
            if (kind == FIFO && !simple) {
                for (int i = head; i < items.size(); i++) v.visit(items.get(i));
            } else {
                for (int i = items.size() - 1; i >= head; i--) v.visit(items.get(i));
            }
            v.visit(dict);
        }

        @Override protected void cleared() {
            items.clear();
            head = 0;
            synchronized (this) { count = 0; }
        }
    }

    /** The timeout of put/get: nanos, -1 for none; ValueError when negative. */
    private static long timeout(PyObject o) {
        if (o == null || o == Py.None) return -1;
        double d = ThreadingModule.FloatArg.of(o);
        if (d < 0) throw Exc.valueError("'timeout' must be a non-negative number");
        return ThreadingLocks.seconds(d);
    }

    private static PyQueue q(PyObject self) { return (PyQueue) self; }

    static {
        EMPTY.module = "_queue";
        FULL.module = "queue";
        for (PyType t : new PyType[] {QUEUE, LIFO_QUEUE, PRIORITY_QUEUE}) t.module = "queue";
        SIMPLE_QUEUE.module = "_queue";
        QUEUE.def("__init__", (self, a, k) -> {
            PyObject[] p = Args.parse("__init__", a, k, new String[] {"maxsize"}, 0, 1);
            q(self).maxsize = p[0] == null ? 0 : Ops.index(p[0]).intValue();
            return Py.None;
        });
        QUEUE.def("put", (self, a, k) -> {
            PyObject[] p = Args.parse("put", a, k, new String[] {"item", "block", "timeout"}, 1, 3);
            boolean block = p[1] == null || Ops.isTrue(p[1]);
            q(self).put(p[0], block, block ? timeout(p[2]) : 0);
            return Py.None;
        });
        QUEUE.def("put_nowait", (self, a, k) -> {
            PyObject[] p = Args.parse("put_nowait", a, k, new String[] {"item"}, 1, 1);
            q(self).put(p[0], false, 0);
            return Py.None;
        });
        QUEUE.def("get", (self, a, k) -> {
            PyObject[] p = Args.parse("get", a, k, new String[] {"block", "timeout"}, 0, 2);
            boolean block = p[0] == null || Ops.isTrue(p[0]);
            return q(self).get(block, block ? timeout(p[1]) : 0);
        });
        QUEUE.def("get_nowait", (self, a, k) -> {
            Args.checkCount("get_nowait", a, 0, 0);
            return q(self).get(false, 0);
        });
        QUEUE.def("task_done", (self, a, k) -> { q(self).taskDone(); return Py.None; });
        QUEUE.def("join", (self, a, k) -> { q(self).join(); return Py.None; });
        QUEUE.def("qsize", (self, a, k) -> PyInt.of(q(self).size()));
        QUEUE.def("empty", (self, a, k) -> PyBool.of(q(self).size() == 0));
        QUEUE.def("full", (self, a, k) -> {
            PyQueue qu = q(self);
            synchronized (qu) { return PyBool.of(qu.isFull()); }
        });
        QUEUE.dict.put("maxsize", new PyGetSet("maxsize", o -> PyInt.of(q(o).maxsize),
                (o, v) -> q(o).maxsize = Ops.index(v).intValue()));
        QUEUE.dict.put("unfinished_tasks", new PyGetSet("unfinished_tasks", o -> {
            synchronized (o) { return PyInt.of(q(o).unfinished); }
        }, null));

        SIMPLE_QUEUE.def("put", (self, a, k) -> {
            PyObject[] p = Args.parse("put", a, k, new String[] {"item", "block", "timeout"}, 1, 3);
            q(self).put(p[0], true, -1);
            return Py.None;
        });
        SIMPLE_QUEUE.def("put_nowait", (self, a, k) -> {
            PyObject[] p = Args.parse("put_nowait", a, k, new String[] {"item"}, 1, 1);
            q(self).put(p[0], true, -1);
            return Py.None;
        });
        SIMPLE_QUEUE.def("get", (self, a, k) -> {
            PyObject[] p = Args.parse("get", a, k, new String[] {"block", "timeout"}, 0, 2);
            boolean block = p[0] == null || Ops.isTrue(p[0]);
            return q(self).get(block, block ? timeout(p[1]) : 0);
        });
        SIMPLE_QUEUE.def("get_nowait", (self, a, k) -> {
            Args.checkCount("get_nowait", a, 0, 0);
            return q(self).get(false, 0);
        });
        SIMPLE_QUEUE.def("qsize", (self, a, k) -> PyInt.of(q(self).size()));
        SIMPLE_QUEUE.def("empty", (self, a, k) -> PyBool.of(q(self).size() == 0));
    }

    public static PyModule create(Runtime rt) {
        PyModule m = new PyModule("queue");
        m.dict.put("Empty", EMPTY);
        m.dict.put("Full", FULL);
        m.dict.put("Queue", QUEUE);
        m.dict.put("LifoQueue", LIFO_QUEUE);
        m.dict.put("PriorityQueue", PRIORITY_QUEUE);
        m.dict.put("SimpleQueue", SIMPLE_QUEUE);
        return m;
    }
}
