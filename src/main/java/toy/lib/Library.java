package toy.lib;

import toy.object.DictMethods;
import toy.object.ObjectMethods;
import toy.object.SeqMethods;
import toy.object.StrMethods;
import toy.vm.Runtime;

/** Registers the built-in modules with the runtime; called once at start-up. */
public final class Library {
    private Library() {}

    private static boolean done;

    public static synchronized void init(Runtime rt) {
        if (done) return;
        done = true;
        ObjectMethods.init();
        SeqMethods.init();
        DictMethods.init();
        StrMethods.init();
        rt.builtinModules.put("builtins", BuiltinsModule::create);
        rt.builtinModules.put("sys", SysModule::create);
        rt.builtinModules.put("threading", ThreadingModule::create);
        rt.builtinModules.put("queue", QueueModule::create);
        rt.builtinModules.put("gil", GilModule::create);
        rt.builtinModules.put("gc", GcModule::create);
        rt.builtinModules.put("itertools", ItertoolsModule::create);
        rt.builtinModules.put("functools", FunctoolsModule::create);
        rt.builtinModules.put("collections", CollectionsModule::create);
        rt.builtinModules.put("operator", OperatorModule::create);
        rt.builtinModules.put("math", MathModule::create);
        rt.builtinModules.put("time", TimeModule::create);
        rt.builtinModules.put("os", OsModule::create);
        rt.builtinModules.put("os.path", OsModule::pathModule);
        rt.builtinModules.put("random", RandomModule::create);
        // "Exception ignored in: ..." with the traceback (no chained exceptions), as CPython
        // reports a failing __del__
        toy.object.Refs.unraisableHook = (what, e) -> {
            StdStreams.flushAll();
            StdStreams.stderr().write("Exception ignored in: " + what + "\n" + TracebackPrinter.formatAlone(e.value));
            StdStreams.flushAll();
        };
        // containers allocated, freed, freed by the collector, peak alive: in gil.stats() and --gil-stats-json
        toy.gil.GilStats.addSection("refcount", toy.object.Refs::statsMap);
        rt.modules.put("builtins", BuiltinsModule.create(rt));
        rt.modules.put("sys", SysModule.create(rt));
    }
}
