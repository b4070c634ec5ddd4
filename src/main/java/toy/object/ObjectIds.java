package toy.object;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;

/**
 * id(): CPython returns an address; Toy hands out increasing numbers, shaped like aligned
 * addresses, the first time an object's id is asked for. The table is keyed by identity and
 * holds objects weakly, so asking for an id neither keeps an object alive nor costs a field
 * in every object.
 */
final class ObjectIds {
    private static final class Ref extends WeakReference<PyObject> {
        final int hash;
        final long id;
        Ref next;

        Ref(PyObject o, long id, ReferenceQueue<PyObject> q) {
            super(o, q);
            this.hash = System.identityHashCode(o);
            this.id = id;
        }
    }

    private static final HashMap<Integer, Ref> TABLE = new HashMap<>();
    private static final ReferenceQueue<PyObject> QUEUE = new ReferenceQueue<>();
    private static long next = 0x7f3a5c001000L;

    private ObjectIds() {}

    static synchronized long id(PyObject o) {
        purge();
        int h = System.identityHashCode(o);
        for (Ref r = TABLE.get(h); r != null; r = r.next) {
            if (r.get() == o) return r.id;
        }
        long id = next;
        next += 48;
        Ref r = new Ref(o, id, QUEUE);
        r.next = TABLE.get(h);
        TABLE.put(h, r);
        return id;
    }

    private static void purge() {
        for (Object x; (x = QUEUE.poll()) != null; ) {
            Ref dead = (Ref) x;
            Ref head = TABLE.get(dead.hash), prev = null;
            for (Ref r = head; r != null; prev = r, r = r.next) {
                if (r == dead) {
                    if (prev == null) {
                        if (r.next == null) TABLE.remove(dead.hash); else TABLE.put(dead.hash, r.next);
                    } else {
                        prev.next = r.next;
                    }
                    break;
                }
            }
        }
    }
}
