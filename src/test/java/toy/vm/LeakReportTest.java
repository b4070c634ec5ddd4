package toy.vm;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import toy.object.PyDict;
import toy.object.PyList;
import toy.object.PyStr;
import toy.object.Refs;

/** The --debug-refs leak report: counted but unreachable containers are listed by type. */
class LeakReportTest {
    @Test
    void aCountedContainerNothingReachableHoldsIsALeak() {
        Runtime rt = Runtime.get();
        Map<String, Integer> before = Shutdown.leaks(rt);
        PyList leaked = Refs.own(new PyList());
        PyDict reachable = new PyDict();
        rt.builtinsDict.put(PyStr.of("_leak_test_" + System.nanoTime()), reachable);
        Map<String, Integer> after = Shutdown.leaks(rt);
        assertEquals(before.getOrDefault("list", 0) + 1, after.getOrDefault("list", 0));
        assertEquals(before.getOrDefault("dict", 0), after.getOrDefault("dict", 0), "reachable from builtins");
        Refs.decref(leaked);
    }
}
