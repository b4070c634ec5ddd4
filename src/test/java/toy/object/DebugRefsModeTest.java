package toy.object;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * --debug-refs mode: runs in its own JVM with -Dtoy.debugRefs=true (a separate surefire
 * execution in the pom), because the mode is fixed when the counting code loads.
 */
class DebugRefsModeTest {
    @Test
    void theModeIsOnInThisJvm() {
        assertTrue(Refs.DEBUG, "this class must run in the surefire execution with -Dtoy.debugRefs=true");
    }

    @Test
    void usingADestroyedObjectIsAFatalErrorNamingTheType() {
        int base = Refs.state().mark();
        PyList l = new PyList();
        Refs.drain(Refs.state(), base);
        assertTrue(l.isFreed());
        DebugRefs.RefError e = assertThrows(DebugRefs.RefError.class, () -> Refs.incref(l));
        assertTrue(e.getMessage().startsWith("use after free of list object (incref"), e.getMessage());
    }

    @Test
    void aDeadStringIsMarkedToo() {
        int base = Refs.state().mark();
        PyStr s = Refs.own(PyStr.of("temporary " + System.nanoTime()));
        Refs.decref(s);
        Refs.drain(Refs.state(), base);
        DebugRefs.RefError e = assertThrows(DebugRefs.RefError.class, () -> Refs.decref(s));
        assertTrue(e.getMessage().startsWith("use after free of str object (decref"), e.getMessage());
    }

    @Test
    void droppingAReferenceNobodyCountedIsAFatalError() {
        PyTuple t = PyTuple.of(PyStr.of("x"));
        DebugRefs.RefError e = assertThrows(DebugRefs.RefError.class, () -> Refs.decref(t));
        assertTrue(e.getMessage().startsWith("reference count of tuple object going below zero"), e.getMessage());
    }
}
