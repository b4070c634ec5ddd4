package toy.lib;

import java.util.ArrayList;
import toy.object.*;
import toy.vm.Runtime;

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

    /** A queue: the items (a ring for FIFO, a stack for LIFO, a heap for priority), guarded by its monitor. */
    static final class PyQueue extends PyObject {
        final int kind;
        final ArrayList<PyObject> items = new ArrayList<>();
        int head; // FIFO: index of the first live item
        int maxsize;
        int unfinished;

        PyQueue(PyType t, int kind) {
            super(t);
            this.kind = kind;
        }

        synchronized int size() { return items.size() - head; }

        boolean isFull() { return maxsize > 0 && size() >= maxsize; }

        /** Adds an item (GIL and monitor held). */
        void add(PyObject item) {
            items.add(item);
            if (kind == PRIORITY) siftDown(0, items.size() - 1);
            unfinished++;
            notifyAll();
        }

        /** Removes the next item (GIL and monitor held; the queue is not empty). */
        PyObject take() {
            PyObject r;
            if (kind == LIFO) {
                r = items.remove(items.size() - 1);
            } else if (kind == PRIORITY) {
                PyObject last = items.remove(items.size() - 1);
                if (items.isEmpty()) {
                    r = last;
                } else {
                    r = items.get(0);
                    items.set(0, last);
                    siftUp(0);
                }
            } else {
                r = items.get(head);
                items.set(head++, null);
                if (head == items.size()) { items.clear(); head = 0; }
                else if (head > 32 && head * 2 > items.size()) { items.subList(0, head).clear(); head = 0; }
            }
            notifyAll();
            return r;
        }

        // heapq's _siftdown / _siftup
        private void siftDown(int start, int pos) {
            PyObject item = items.get(pos);
            while (pos > start) {
                int parent = (pos - 1) >> 1;
                PyObject p = items.get(parent);
                if (Ops.lt(item, p)) { items.set(pos, p); pos = parent; continue; }
                break;
            }
            items.set(pos, item);
        }

        private void siftUp(int pos) {
            int end = items.size(), start = pos;
            PyObject item = items.get(pos);
            int child = 2 * pos + 1;
            while (child < end) {
                int right = child + 1;
                if (right < end && !Ops.lt(items.get(child), items.get(right))) child = right;
                items.set(pos, items.get(child));
                pos = child;
                child = 2 * pos + 1;
            }
            items.set(pos, item);
            siftDown(start, pos);
        }

        PyObject get(boolean block, long nanos) {
            long deadline = System.nanoTime() + Math.max(nanos, 0);
            while (true) {
                synchronized (this) {
                    if (size() > 0) return take();
                }
                if (!block || nanos == 0) throw Exc.raise(EMPTY, null);
                boolean ok = ThreadingLocks.blockingWait(ns -> {
                    synchronized (this) {
                        while (size() == 0) if (!ThreadingSync.waitOn(this, ns, deadline)) return false;
                        return true;
                    }
                }, nanos, "get() on an empty " + type.name + " at " + Ops.addressOf(this));
                if (!ok) {
                    synchronized (this) {
                        if (size() > 0) return take();
                    }
                    throw Exc.raise(EMPTY, null);
                }
            }
        }

        void put(PyObject item, boolean block, long nanos) {
            long deadline = System.nanoTime() + Math.max(nanos, 0);
            while (true) {
                synchronized (this) {
                    if (!isFull()) { add(item); return; }
                }
                if (!block || nanos == 0) throw Exc.raise(FULL, null);
                boolean ok = ThreadingLocks.blockingWait(ns -> {
                    synchronized (this) {
                        while (isFull()) if (!ThreadingSync.waitOn(this, ns, deadline)) return false;
                        return true;
                    }
                }, nanos, "put() on a full " + type.name + " at " + Ops.addressOf(this));
                if (!ok) {
                    synchronized (this) {
                        if (!isFull()) { add(item); return; }
                    }
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
