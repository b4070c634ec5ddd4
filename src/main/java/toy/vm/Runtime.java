package toy.vm;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import toy.object.*;

/**
 * The interpreter-wide state shared by all threads: the builtins namespace, the module table
 * (sys.modules), the registry of built-in modules, and where scripts' sibling modules are
 * found. One per process.
 */
public final class Runtime {
    private static final Runtime INSTANCE = new Runtime();

    /** The builtins module's dict, consulted when a global lookup misses. */
    public final PyDict builtinsDict = new PyDict();
    /** sys.modules. */
    public final PyDict modules = new PyDict();
    /** Factories of the built-in modules by name (filled by the library at start-up). */
    public final Map<String, Function<Runtime, PyModule>> builtinModules = new HashMap<>();
    /** The folder of the main script: imports of other .toy files are looked up there. */
    public Path scriptDir = Path.of(".");
    /** The global interpreter lock. */
    public final toy.gil.Gil gil = new toy.gil.Gil();
    /** __build_class__. */
    public final PyObject buildClass = new PyBuiltinFunction("__build_class__", BuildClass::call);

    private Runtime() {}

    public static Runtime get() { return INSTANCE; }

    /** sys.stdout / sys.stderr as currently set in the sys module. */
    public PyObject sysAttr(String name) {
        PyObject sys = modules.get("sys");
        if (sys == null) return null;
        return ((PyModule) sys).dict.get(name);
    }

    /** Writes text to sys.stdout. */
    public void writeStdout(String s) {
        PyObject out = sysAttr("stdout");
        if (out != null) Ops.invoke(out, "write", PyStr.of(s));
        else System.out.print(s);
    }
}
