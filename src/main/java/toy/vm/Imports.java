package toy.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import toy.compile.Code;
import toy.compile.Compiler;
import toy.object.*;
import toy.parse.Parser;

/**
 * The import system: sys.modules first, then the built-in modules, then NAME.toy beside the
 * main script. A module is entered in sys.modules before its body runs, so circular imports
 * see the partly initialised module as in CPython.
 */
public final class Imports {
    private Imports() {}

    static PyObject importName(String name, PyObject fromlist, int level, Frame f) {
        if (level > 0) {
            throw Exc.raise(Exc.ImportError, "attempted relative import with no known parent package");
        }
        String top = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        PyObject m = importModule(name);
        if (fromlist == Py.None || (fromlist instanceof PyTuple t && t.size() == 0)) {
            return name.equals(top) ? m : importModule(top);
        }
        return m;
    }

    /** Imports a module by (possibly dotted) name. */
    public static PyObject importModule(String name) {
        Runtime rt = Runtime.get();
        PyObject m = rt.modules.get(name);
        if (m != null) return m;
        Function<Runtime, PyModule> factory = rt.builtinModules.get(name);
        if (factory != null) {
            PyModule mod = factory.apply(rt);
            rt.modules.put(name, mod);
            return mod;
        }
        if (!name.contains(".")) {
            Path file = rt.scriptDir.resolve(name + ".toy");
            if (Files.isRegularFile(file)) return loadFile(name, file);
        }
        PyBaseException e = Exc.instance(Exc.ModuleNotFoundError, "No module named '" + name + "'");
        e.dictPut("name", PyStr.of(name));
        throw new PyException(e);
    }

    private static PyObject loadFile(String name, Path file) {
        Runtime rt = Runtime.get();
        String src;
        try {
            src = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw Exc.raise(Exc.ImportError, "cannot read " + file + ": " + ex.getMessage());
        }
        String filename = file.toString();
        PyModule mod = new PyModule(name);
        mod.dict.put("__file__", PyStr.of(filename));
        mod.dict.put("__builtins__", rt.modules.get("builtins") != null ? rt.modules.get("builtins") : Py.None);
        rt.modules.put(name, mod);
        try {
            Code code = Compiler.compileModule(Parser.parse(src, filename), filename, false);
            runModule(code, mod.dict);
        } catch (PyException ex) {
            rt.modules.remove(PyStr.of(name));
            throw ex;
        } catch (RuntimeException ex) {
            rt.modules.remove(PyStr.of(name));
            throw SyntaxErrors.toPython(ex);
        }
        return mod;
    }

    /** Runs a module body with the given globals. */
    public static PyObject runModule(Code code, PyDict globals) {
        Runtime rt = Runtime.get();
        Frame f = new Frame(code, globals, rt.builtinsDict, globals, null);
        return Interpreter.execute(f, ThreadState.current());
    }

    static PyObject importFrom(PyObject module, String name) {
        PyObject v = Ops.getAttrOrNull(module, PyStr.intern(name));
        if (v != null) return v;
        String modName = module instanceof PyModule m ? m.name : "?";
        PyObject sub = Runtime.get().modules.get(modName + "." + name);
        if (sub != null) return sub;
        PyBaseException e = Exc.instance(Exc.ImportError, "cannot import name '" + name + "' from '" + modName + "'"
                + (module instanceof PyModule m && m.dict.get("__file__") instanceof PyStr fs ? " (" + fs.value + ")" : " (unknown location)"));
        e.dictPut("name", PyStr.of(modName));
        throw new PyException(e);
    }

    static void importStar(PyObject module, Frame f) {
        PyDict target = f.localsDict != null ? f.localsDict : f.globals;
        PyObject all = Ops.getAttrOrNull(module, PyStr.intern("__all__"));
        if (all != null) {
            PyObject it = Ops.iter(all);
            for (PyObject n; (n = Ops.next(it)) != null; ) target.put(n, Ops.getAttr(module, Ops.strObj(n)));
            return;
        }
        PyDict d = module.dict();
        for (int p = d.nextEntry(0); p >= 0; p = d.nextEntry(p + 1)) {
            PyObject k = d.keyAt(p);
            if (k instanceof PyStr s && !s.value.startsWith("_")) target.put(k, d.valueAt(p));
        }
    }
}
