package toy.object;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * The reference-counting machinery on its own (no eval loop): containers count what they
 * hold, drops go through the zero-count table, a drain destroys in drop order and depth first,
 * the trashcan keeps long chains off the Java stack, floating objects are safe until drained.
 */
class RefCountingTest {
    /** Drains what this test added to the calling thread's table. */
    private static void drain(int base) { Refs.drain(Refs.state(), base); }

    @Test
    void containersCountTheirItemsAndDropThemWhenCleared() {
        int base = Refs.state().mark();
        PyStr s = PyStr.of("not interned " + System.nanoTime());
        PyList l = Refs.own(new PyList());
        l.append(s);
        l.append(s);
        PyTuple t = Refs.own(PyTuple.of(s, s, s));
        PyDict d = Refs.own(new PyDict());
        d.put(s, s);
        assertEquals(7, Refs.count(s));
        l.clear();
        assertEquals(5, Refs.count(s));
        d.remove(s);
        assertEquals(3, Refs.count(s));
        Refs.decref(t);
        drain(base);
        assertTrue(t.isFreed(), "the tuple died when its count reached zero");
        assertEquals(0, Refs.count(s));
        Refs.decref(l);
        Refs.decref(d);
        drain(base);
    }

    @Test
    void aFloatingContainerDiesAtTheDrainUnlessSomethingStoredIt() {
        int base = Refs.state().mark();
        PyList kept = new PyList();
        PyList dropped = new PyList();
        PyList holder = Refs.own(new PyList());
        holder.append(kept);
        drain(base);
        assertFalse(kept.isFreed());
        assertTrue(dropped.isFreed());
        assertEquals(1, Refs.count(kept));
        Refs.decref(holder);
        drain(base);
        assertTrue(kept.isFreed(), "dropping the holder cascades to what it holds");
    }

    @Test
    void aValueRemovedFromAContainerSurvivesUntilTheDrainSoItCanBeReturned() {
        int base = Refs.state().mark();
        PyList outer = Refs.own(new PyList());
        PyList inner = new PyList();
        outer.append(inner);
        PyObject popped = outer.removeAt(0);
        assertSame(inner, popped);
        assertEquals(0, Refs.count(inner));
        assertFalse(inner.isFreed(), "still usable by the code that popped it");
        Refs.incref(popped); // the eval loop pushes it
        drain(base);
        assertFalse(inner.isFreed());
        Refs.decref(popped);
        Refs.decref(outer);
        drain(base);
        assertTrue(inner.isFreed());
    }

    @Test
    void aMillionNodeChainIsDestroyedWithoutOverflowingTheJavaStack() {
        int base = Refs.state().mark();
        PyList head = Refs.own(new PyList());
        PyList cur = head;
        for (int i = 0; i < 1_000_000; i++) {
            PyList next = new PyList();
            cur.append(next);
            cur = next;
        }
        drain(base);
        Refs.decref(head);
        assertDoesNotThrow(() -> drain(base));
        assertTrue(cur.isFreed(), "the last node died too");
    }

    @Test
    void immortalsAreNeverDestroyed() {
        int base = Refs.state().mark();
        PyObject none = Py.None;
        int before = none.refcnt;
        PyList l = new PyList();
        l.append(none);
        l.append(PyInt.of(5));
        drain(base);
        assertTrue(l.isFreed());
        assertEquals(before, none.refcnt);
        assertTrue(Refs.isImmortal(PyInt.of(256)) && Refs.isImmortal(PyTuple.EMPTY) && Refs.isImmortal(PyStr.intern("x")));
    }

    @Test
    void theCollectorFreesACycleAndLeavesReachableObjectsAlone() {
        int base = Refs.state().mark();
        PyList a = new PyList();
        PyList b = new PyList();
        a.append(b);
        b.append(a);
        PyList live = Refs.own(new PyList());
        PyList child = new PyList();
        live.append(child);
        child.append(live);
        drain(base); // a and b each hold the other: both stay alive
        assertFalse(a.isFreed());
        assertTrue(Collector.collect(2) >= 2);
        assertTrue(a.isFreed() && b.isFreed());
        assertFalse(live.isFreed() || child.isFreed(), "live is referenced from outside the cycle");
        Refs.decref(live);
        drain(base);
        Collector.collect(2);
        assertTrue(live.isFreed() && child.isFreed());
    }

    @Test
    void theCollectorTreatsFloatingObjectsAsReachable() {
        int base = Refs.state().mark();
        PyList floating = new PyList(); // held only by this Java frame
        PyList inCycle = new PyList();
        floating.append(inCycle);
        inCycle.append(inCycle);
        Collector.collect(2);
        assertFalse(floating.isFreed());
        assertFalse(inCycle.isFreed(), "reachable from a floating object");
        drain(base);
        Collector.collect(2);
        assertTrue(inCycle.isFreed());
    }
}
