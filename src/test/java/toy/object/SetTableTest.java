package toy.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Invariants of the set table (the CPython-order comparisons are in {@link SetScriptTest}):
 * membership after random adds and removals, the fill/used bookkeeping, the load limit that
 * guarantees an empty slot, order independence of the frozenset hash, and the Java API the
 * VM uses (add, addAll, size).
 */
class SetTableTest {
    private static List<Long> items(PySet s) {
        List<Long> r = new ArrayList<>();
        PyObject it = s.iter();
        for (PyObject x; (x = it.next()) != null; ) r.add(((PyInt) x).longValue());
        return r;
    }

    private static void checkInvariants(PySet s) {
        int live = 0, dummies = 0;
        for (int i = 0; i <= s.mask; i++) {
            if (s.keys[i] == PySet.DUMMY) {
                dummies++;
                assertEquals(-1, s.hashes[i]);
            } else if (s.keys[i] != null) {
                live++;
                assertEquals(PySet.hashOf(s.keys[i]), s.hashes[i]);
            } else {
                assertEquals(0, s.hashes[i]);
            }
        }
        assertEquals(s.used, live);
        assertEquals(s.fill, live + dummies);
        assertEquals(s.keys.length, s.mask + 1);
        assertEquals(0, (s.mask + 1) & s.mask, "table size is a power of two");
        assertTrue(s.fill < s.mask + 1, "at least one never-used slot ends every failed search");
    }

    @Test
    void randomAddsAndDiscardsKeepMembershipAndBookkeeping() {
        Random r = new Random(42);
        PySet s = new PySet();
        Set<Long> model = new HashSet<>();
        for (int step = 0; step < 20000; step++) {
            long v = r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(600) - 300;
            if (r.nextInt(3) == 0) {
                assertEquals(model.remove(v), s.discardKey(PyInt.of(v)));
            } else {
                s.add(PyInt.of(v));
                model.add(v);
            }
            if (step % 997 == 0) checkInvariants(s);
        }
        checkInvariants(s);
        assertEquals(model.size(), s.size());
        assertEquals(model, new HashSet<>(items(s)));
        for (long v : model) assertEquals(1, s.contains(PyInt.of(v)));
        while (s.size() > 0) assertTrue(model.remove(((PyInt) s.pop()).longValue()));
        assertTrue(model.isEmpty());
        checkInvariants(s);
    }

    @Test
    void addAllAcceptsSetsDictsAndIterables() {
        PySet s = new PySet();
        s.addAll(PyList.wrap(new PyObject[] {PyInt.of(1), PyInt.of(2), PyInt.of(2)}));
        PySet other = new PySet();
        for (int i = 0; i < 100; i++) other.add(PyInt.of(i * 3));
        s.addAll(other);
        PyDict d = new PyDict();
        d.put(PyInt.of(1000), Py.None);
        s.addAll(d);
        assertEquals(2 + 100 + 1, s.size());
        checkInvariants(s);
        assertThrows(PyException.class, () -> s.addAll(PyInt.of(5)));
    }

    @Test
    void mergeIntoEmptySetCopiesTheTable() {
        PySet src = new PySet();
        for (int i = 0; i < 40; i++) src.add(PyInt.of(i * 37 % 101));
        PySet copy = src.copySet();
        assertEquals(items(src), items(copy));
        assertNotSame(src.keys, copy.keys);
        checkInvariants(copy);
    }

    @Test
    void frozensetHashIgnoresInsertionOrderAndDummies() {
        PySet a = new PySet(PySet.FROZEN_TYPE);
        PySet b = new PySet(PySet.FROZEN_TYPE);
        for (int i = 0; i < 50; i++) a.add(PyInt.of(i));
        for (int i = 200; i >= 0; i--) b.add(PyInt.of(i));
        for (int i = 50; i <= 200; i++) b.discardKey(PyInt.of(i));
        assertEquals(a.size(), b.size());
        assertEquals(a.hash(), b.hash());
        assertTrue(Ops.eq(a, b));
        assertThrows(PyException.class, () -> new PySet().hash());
    }

    @Test
    void swapBodiesExchangesContents() {
        PySet a = new PySet(), b = new PySet();
        for (int i = 0; i < 30; i++) a.add(PyInt.of(i));
        b.add(PyInt.of(-5));
        List<Long> ia = items(a), ib = items(b);
        PySet.swapBodies(a, b);
        assertEquals(ib, items(a));
        assertEquals(ia, items(b));
        checkInvariants(a);
        checkInvariants(b);
    }

    @Test
    void iteratorDetectsSizeChange() {
        PySet s = new PySet();
        s.add(PyInt.of(1));
        s.add(PyInt.of(2));
        PyObject it = s.iter();
        assertSame(it, it.iter());
        it.next();
        s.add(PyInt.of(3));
        PyException e = assertThrows(PyException.class, it::next);
        assertTrue(e.matches(Exc.RuntimeError));
        assertThrows(PyException.class, it::next);
        PyObject it2 = s.iter();
        int n = 0;
        while (it2.next() != null) n++;
        assertEquals(3, n);
        assertEquals(null, it2.next());
        assertFalse(s.isFrozen());
    }
}
