package toy.compile;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import toy.object.PyObject;
import toy.parse.Parser;

class StackDepthTest {
    private static Code compile(String src) {
        return Compiler.compileModule(Parser.parse(src, "t.toy"), "t.toy", false);
    }

    @Test
    void everyOpcodeHasAStackEffect() {
        for (int op = 0; op < Opcode.NAMES.length; op++) {
            if (Opcode.NAMES[op] == null) continue;
            final int o = op;
            assertDoesNotThrow(() -> StackDepth.effect(o, 1, false), Opcode.NAMES[op]);
            assertDoesNotThrow(() -> StackDepth.effect(o, 1, true), Opcode.NAMES[op]);
        }
    }

    @Test
    void depthCoversNestedCallArguments() {
        Code c = compile("f(1, g(2, 3, h(4, 5, 6)), 7)\n");
        // f 1 g 2 3 h 4 5 6 are live at once
        assertTrue(c.stackSize >= 9, "stack size " + c.stackSize);
    }

    @Test
    void depthCoversExceptionHandlers() {
        Code c = compile("try:\n    x = [1, 2, 3]\nexcept E as e:\n    pass\nfinally:\n    y = 1\n");
        assertTrue(c.stackSize >= 3, "stack size " + c.stackSize);
    }

    @Test
    void functionBodiesGetTheirOwnDepth() {
        Code c = compile("def f(a):\n    return (a, a, a, a, a, a)\n");
        Code f = null;
        for (PyObject k : c.consts) if (k instanceof Code inner) f = inner;
        assertTrue(f != null && f.stackSize >= 6, "stack size " + (f == null ? -1 : f.stackSize));
    }
}
