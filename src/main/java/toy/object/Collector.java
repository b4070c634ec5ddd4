package toy.object;

import java.util.ArrayList;
import java.util.List;

/**
 * The cycle collector behind the {@code gc} module: reference counting cannot free objects
 * that refer to each other in a cycle, so this finds groups of containers that nothing
 * outside the group refers to, and frees them. It is CPython's algorithm (Modules/gcmodule.c):
 *
 * <ol>
 *   <li>Every container is tracked from birth in generation 0 (entering it through a small
 *       nursery, see {@link #NURSERY}), except an exact dict, which is tracked once it holds
 *       a container (as CPython). Collecting generation g
 *       examines the objects of generations 0..g (the "young" set).</li>
 *   <li>Copy each object's reference count into a scratch field, then subtract one for every
 *       reference that comes from another object of the set ({@link PyContainer#traverse}).
 *       What is left counts references from outside: from frames, from older or untracked
 *       objects. An object with a non-zero remainder is reachable.</li>
 *   <li>Everything reachable from a reachable object is reachable too; the rest is garbage.
 *       A container still floating (count zero, held only by Java code in progress) is
 *       treated as reachable.</li>
 *   <li>Finalizers of the garbage run once ({@code __del__}, as CPython 3.4+). If one of them
 *       stored an object of the group somewhere, the group is resurrected: the counts are
 *       checked again and any object with outside references (and what it reaches) survives.</li>
 *   <li>The remaining garbage is freed: each object drops the references it holds to objects
 *       outside the group (which may destroy those by ordinary counting) and is marked freed.</li>
 *   <li>Survivors move one generation up (generation 2 keeps its own).</li>
 * </ol>
 *
 * <p>Automatic collection follows CPython's thresholds: generation 0 is collected when
 * container births minus deaths exceed threshold 0 (700); every threshold-1 (10) collections
 * of generation 0 include generation 1, and so on; a full collection also waits until the
 * objects that would be examined for the first time are at least a quarter of those
 * examined before. An automatic collection runs at the next instruction boundary (the drain
 * of the zero-count table), never in the middle of a builtin.
 */
public final class Collector {
    private Collector() {}

    /**
     * The tracked containers of each generation, in the order they were added. A container
     * that leaves leaves a hole (null) rather than moving another object into its place: that
     * keeps untracking to one store into a young array. Holes at the end are trimmed at once;
     * the others are squeezed out when the array is full ({@link #makeRoom}).
     */
    private static final PyContainer[][] GENS = {new PyContainer[1024], new PyContainer[256], new PyContainer[256]};
    /** Per generation: the used prefix of its array, holes included. */
    private static final int[] SIZE = new int[3];
    /**
     * Generation 0's entrance: a ring of the containers tracked most recently, in tracking
     * order. Most containers die young, and one that dies in the ring never enters generation
     * 0's array: its death empties its slot. A container still alive when its slot comes round
     * again moves on into the array, so the array keeps tracking order (which decides the order
     * of finalizers in a collection, as CPython's lists do). The ring is emptied into the array
     * before a collection and before gc.get_objects. Appending each new container to the array
     * and clearing its entry at death made a loop that creates and drops an instance 15% slower
     * than with counting off, and method_calls 5 points slower, than the ring does.
     */
    private static final PyContainer[] NURSERY = new PyContainer[64];
    /** The ring's next slot: the oldest entry. */
    private static int nurseryNext;
    /** Per generation: the number of containers tracked in it. */
    private static final int[] LIVE = new int[3];
    private static final int[] COUNT = new int[3];
    private static final int[] THRESHOLD = {700, 10, 10};
    private static boolean enabled = true;
    private static boolean collecting;
    /**
     * Set when a threshold was passed: the next drain runs {@link #collectDue}. Plain, not
     * volatile: it is written and read only under the GIL.
     */
    static boolean due;
    private static long longLivedTotal, longLivedPending;
    /** Scratch marks of a collection. */
    private static final int REACHABLE = -1, UNREACHABLE = -2;

    // ----- tracking ------------------------------------------------------------------------

    /**
     * A container is born: it counts toward generation 0's threshold, and is tracked unless it
     * starts untracked (an exact dict holding no container yet, as CPython's MAINTAIN_TRACKING).
     */
    static void born(PyContainer c, boolean tracked) {
        if (tracked) enterNursery(c);
        else if (Refs.DEBUG) DebugRefs.untracked.add(c);
        // a type counts when a class statement makes it a collectable object (see trackClass)
        if (!(c instanceof PyType)) counted();
    }

    /** One more container toward generation 0's threshold. */
    private static void counted() {
        if (++COUNT[0] > THRESHOLD[0] && enabled && THRESHOLD[0] > 0 && !collecting) due = true;
    }

    /** Tracks a class made by a class statement: from here on it is an object like any other. */
    static void trackClass(PyType t) {
        trackLate(t);
        counted();
    }

    /** Tracks a container born untracked: a dict once it holds something that may be in a cycle. */
    static void trackLate(PyContainer c) {
        if (c.tracked()) return;
        if (Refs.DEBUG) DebugRefs.untracked.remove(c);
        enterNursery(c);
    }

    /**
     * Tracks c in generation 0 by way of the nursery: c takes the nursery's next slot, and the
     * container that held the slot, tracking-order NURSERY.length places earlier, moves on into
     * generation 0's array if it is still alive (most have died by then).
     */
    private static void enterNursery(PyContainer c) {
        int slot = nurseryNext;
        nurseryNext = (slot + 1) & (NURSERY.length - 1);
        PyContainer old = NURSERY[slot];
        if (old != null) add(old, 0);
        c.gcIndex = PyContainer.IN_NURSERY - slot;
        NURSERY[slot] = c;
    }

    /**
     * The nursery slot of a container in the nursery. The mask never changes the value; it lets
     * the JVM drop the bounds check of an index read from the object, which measurably slowed
     * every death.
     */
    private static int nurserySlot(PyContainer c) {
        return (PyContainer.IN_NURSERY - c.gcIndex) & (NURSERY.length - 1);
    }

    /** Moves the whole nursery into generation 0, oldest first: before anything looks at the generations. */
    private static void flushNursery() {
        int n = NURSERY.length;
        for (int k = 0; k < n; k++) {
            int slot = (nurseryNext + k) & (n - 1);
            PyContainer c = NURSERY[slot];
            NURSERY[slot] = null;
            if (c != null) add(c, 0);
        }
    }

    /** A container is destroyed: it leaves the nursery or its generation's list, and generation 0's count. */
    static void died(PyContainer c) {
        if (c.gcIndex >= 0) remove(c);
        // (a container in the nursery is in the slot its gcIndex names: enterNursery moves the
        // previous holder of a slot out before it gives the slot to another)
        else if (c.gcIndex <= PyContainer.IN_NURSERY) NURSERY[nurserySlot(c)] = null;
        else if (Refs.DEBUG) DebugRefs.untracked.remove(c);
        if (COUNT[0] > 0) COUNT[0]--;
    }

    private static void add(PyContainer c, int gen) {
        PyContainer[] a = GENS[gen];
        int n = SIZE[gen];
        if (n == a.length) {
            a = makeRoom(gen);
            n = SIZE[gen];
        }
        a[n] = c;
        c.gcIndex = n;
        c.gcGen = (byte) gen;
        SIZE[gen] = n + 1;
        LIVE[gen]++;
    }

    /** A full generation array: squeezes the holes out, and doubles it if still half full. */
    private static PyContainer[] makeRoom(int gen) {
        PyContainer[] a = GENS[gen];
        int n = 0;
        for (int i = 0; i < SIZE[gen]; i++) {
            PyContainer c = a[i];
            if (c == null) continue;
            c.gcIndex = n;
            a[n++] = c;
        }
        java.util.Arrays.fill(a, n, SIZE[gen], null);
        SIZE[gen] = n;
        if (n >= a.length / 2) GENS[gen] = a = java.util.Arrays.copyOf(a, a.length * 2);
        return a;
    }

    private static void remove(PyContainer c) {
        int gen = c.gcGen, i = c.gcIndex;
        PyContainer[] a = GENS[gen];
        int n = SIZE[gen];
        if (i >= n || a[i] != c) return; // defensive: never corrupt the lists
        a[i] = null;
        c.gcIndex = PyContainer.UNTRACKED;
        LIVE[gen]--;
        if (i == n - 1) {
            while (n > 0 && a[n - 1] == null) n--;
            SIZE[gen] = n;
        }
    }

    // ----- the gc module's knobs -------------------------------------------------------------

    public static boolean isEnabled() { return enabled; }

    public static void setEnabled(boolean on) { enabled = on; }

    public static int[] counts() { return COUNT.clone(); }

    public static int[] thresholds() { return THRESHOLD.clone(); }

    public static void setThresholds(int t0, Integer t1, Integer t2) {
        THRESHOLD[0] = t0;
        if (t1 != null) THRESHOLD[1] = t1;
        if (t2 != null) THRESHOLD[2] = t2;
    }

    /** The tracked containers of one generation, or of all when gen is -1 (gc.get_objects). */
    public static List<PyObject> objects(int gen) {
        flushNursery();
        List<PyObject> r = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            if (gen >= 0 && g != gen) continue;
            for (int i = 0; i < SIZE[g]; i++) if (GENS[g][i] != null) r.add(GENS[g][i]);
        }
        return r;
    }

    public static boolean isTracked(PyObject o) { return o instanceof PyContainer c && c.tracked(); }

    /** Runs the collection that the thresholds call for (CPython's collect_generations). */
    static void collectDue() {
        due = false;
        if (!enabled || collecting) return;
        for (int g = 2; g >= 0; g--) {
            if (COUNT[g] > THRESHOLD[g]) {
                if (g == 2 && longLivedPending < longLivedTotal / 4) continue;
                collect(g);
                return;
            }
        }
    }

    // ----- collection ----------------------------------------------------------------------

    /** Told of each collection before and after it: the gc module runs {@code gc.callbacks}. */
    public interface Observer {
        /** phase "start" (collected and uncollectable 0) or "stop"; generation collected. */
        void collection(String phase, int generation, int collected, int uncollectable);
    }

    /** Set by the gc module; called with the collection in progress (a gc.collect() inside returns 0). */
    public static volatile Observer observer;

    /** Collects generations 0..gen; returns the number of unreachable objects found. */
    public static int collect(int gen) {
        if (collecting || !Refs.ENABLED) return 0;
        collecting = true;
        try {
            Observer o = observer;
            if (o != null) o.collection("start", gen, 0, 0);
            int n = doCollect(gen);
            if (o != null) o.collection("stop", gen, n, 0);
            return n;
        } finally {
            collecting = false;
        }
    }

    /** How many collections have run (explicit and automatic). */
    public static long collections;

    private static int doCollect(int gen) {
        flushNursery();
        collections++;
        if (gen + 1 < 3) COUNT[gen + 1]++;
        for (int g = 0; g <= gen; g++) COUNT[g] = 0;
        // the young set: generations 0..gen in CPython's order, the collected generation first
        // and the younger ones appended after it (gc_list_merge), so that finalizers run in
        // the same order as CPython's
        List<PyContainer> young = new ArrayList<>();
        for (int k = -1; k < gen; k++) {
            int g = k < 0 ? gen : k;
            for (int i = 0; i < SIZE[g]; i++) if (GENS[g][i] != null) young.add(GENS[g][i]);
        }
        if (gen == 2) longLivedPending = 0;
        int n = young.size();
        // (1) counts, minus references from inside the set
        for (PyContainer c : young) c.gcRefs = c.refcnt == 0 ? Integer.MAX_VALUE / 2 : c.refcnt;
        for (PyContainer c : young) {
            traverseWithType(c, o -> {
                if (o instanceof PyContainer d && d.gcIndex >= 0 && d.gcGen <= gen && d.gcRefs > 0) d.gcRefs--;
            });
        }
        // (2) mark what the externally referenced objects reach
        List<PyContainer> unreachable = markUnreachable(young, gen);
        // survivors move up a generation, except tuples (and, in a full collection, dicts) that
        // hold nothing that could be in a cycle: those stop being tracked, as in CPython
        int to = Math.min(gen + 1, 2);
        for (PyContainer c : young) {
            if (c.gcRefs != REACHABLE || c.gcIndex < 0) continue;
            if (holdsNothingTrackable(c, gen == 2)) {
                remove(c);
                if (Refs.DEBUG) DebugRefs.untracked.add(c);
            } else if (c.gcGen != to) {
                remove(c);
                add(c, to);
            }
        }
        if (to == 2 && gen < 2) {
            longLivedPending += n - unreachable.size();
        }
        if (unreachable.isEmpty()) {
            if (gen == 2) longLivedTotal = LIVE[2];
            return 0;
        }
        // (3) finalizers, once each; the objects stay alive meanwhile
        for (PyContainer c : unreachable) Refs.incref(c);
        for (PyContainer c : unreachable) {
            if (!c.isFreed() && (c.gcFlags & PyContainer.FINALIZED) == 0 && c.hasFinalizer()) {
                c.gcFlags |= PyContainer.FINALIZED;
                c.runFinalizer();
            }
        }
        for (PyContainer c : unreachable) c.refcnt--;
        // (4) resurrection: anything referenced from outside the group now survives with what it reaches
        List<PyContainer> garbage = new ArrayList<>();
        for (PyContainer c : unreachable) if (!c.isFreed() && c.gcIndex >= 0) garbage.add(c);
        for (PyContainer c : garbage) c.gcRefs = c.refcnt;
        for (PyContainer c : garbage) {
            traverseWithType(c, o -> {
                if (o instanceof PyContainer d && d.gcRefs > 0 && d.gcIndex >= 0 && d.gcRefs != REACHABLE) d.gcRefs--;
            });
        }
        // mark membership so that the walk stays inside the group
        for (PyContainer c : garbage) c.gcFlags |= IN_GROUP;
        List<PyContainer> alive = new ArrayList<>();
        for (PyContainer c : garbage) if (c.gcRefs > 0) alive.add(c);
        for (int i = 0; i < alive.size(); i++) {
            PyContainer c = alive.get(i);
            c.gcRefs = REACHABLE;
            traverseWithType(c, o -> {
                if (o instanceof PyContainer d && (d.gcFlags & IN_GROUP) != 0 && d.gcRefs != REACHABLE) {
                    d.gcRefs = REACHABLE;
                    alive.add(d);
                }
            });
        }
        List<PyContainer> doomed = new ArrayList<>();
        for (PyContainer c : garbage) {
            c.gcFlags &= ~IN_GROUP;
            if (c.gcRefs != REACHABLE) {
                doomed.add(c);
                c.gcFlags |= IN_GROUP;
            }
        }
        // (5) free: every doomed object is dead before any drops its references, so that
        // references inside the group are never followed; references leaving it are dropped
        RefState rs = Refs.state();
        for (PyContainer c : doomed) {
            c.refcnt = Refs.FREED;
            died(c);
            Refs.freed++;
            Refs.freedByGc++;
            if (Refs.DEBUG) DebugRefs.markFreed(c);
        }
        RefVisitor dropOutside = o -> {
            if (o != null && !(o instanceof PyContainer d && (d.gcFlags & IN_GROUP) != 0)) Refs.decrefNow(rs, o);
        };
        for (PyContainer c : doomed) traverseWithType(c, dropOutside);
        for (PyContainer c : doomed) {
            c.gcFlags &= ~IN_GROUP;
            c.cleared();
        }
        if (gen == 2) longLivedTotal = LIVE[2];
        // what was freed here, as CPython counts: not what the finalizers resurrected
        return doomed.size();
    }

    /**
     * An exact tuple (any collection) or exact dict (full collections only) none of whose
     * items may be part of a cycle: CPython's _PyTuple_MaybeUntrack and untrack_dicts.
     */
    private static boolean holdsNothingTrackable(PyContainer c, boolean full) {
        // (null arrays: a container half built when a StackOverflowError struck, see traverseSafely)
        if (c.getClass() == PyTuple.class && c.type == PyTuple.TYPE) {
            PyObject[] items = ((PyTuple) c).items;
            if (items == null) return false;
            for (PyObject o : items) if (PyDict.mayBeTracked(o)) return false;
            return true;
        }
        if (full && c.getClass() == PyDict.class && c.type == PyDict.TYPE) {
            PyDict d = (PyDict) c;
            if (d.keys == null) return false;
            for (int j = 0; j < d.next; j++) {
                if (d.keys[j] != null && (PyDict.mayBeTracked(d.keys[j]) || PyDict.mayBeTracked(d.values[j]))) return false;
            }
            return true;
        }
        return false;
    }

    /**
     * What the collector follows from c: what c holds, and the class of an instance of a
     * script class, which it keeps alive (CPython's subtype_traverse visits the type too). So a
     * class referenced only by unreachable instances is freed in the same collection.
     */
    private static void traverseWithType(PyContainer c, RefVisitor v) {
        c.traverseSafely(v);
        if (c.type.heap) v.visit(c.type);
    }

    /** gcFlags bit: member of the group being freed. */
    private static final byte IN_GROUP = 2;

    /** Marks every object of the set REACHABLE or UNREACHABLE; returns the unreachable ones. */
    private static List<PyContainer> markUnreachable(List<PyContainer> young, int gen) {
        List<PyContainer> work = new ArrayList<>();
        for (PyContainer c : young) {
            if (c.gcRefs > 0) {
                c.gcRefs = REACHABLE;
                work.add(c);
            }
        }
        while (!work.isEmpty()) {
            PyContainer c = work.remove(work.size() - 1);
            traverseWithType(c, o -> {
                if (o instanceof PyContainer d && d.gcIndex >= 0 && d.gcGen <= gen && d.gcRefs != REACHABLE) {
                    d.gcRefs = REACHABLE;
                    work.add(d);
                }
            });
        }
        List<PyContainer> unreachable = new ArrayList<>();
        for (PyContainer c : young) {
            if (c.gcRefs != REACHABLE) {
                c.gcRefs = UNREACHABLE;
                unreachable.add(c);
            }
        }
        return unreachable;
    }
}
