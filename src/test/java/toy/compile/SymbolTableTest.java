package toy.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import toy.ast.Module;
import toy.ast.Stmt;
import toy.parse.Parser;

class SymbolTableTest {
    private static SymbolTable table(String src) {
        return new SymbolTable(Parser.parse(src, "t.toy"), "t.toy", false);
    }

    private static Scope function(SymbolTable st, Module m, int index) {
        return st.scopeOf(m.body().get(index));
    }

    @Test
    void assignedNamesInFunctionsAreLocalAndOthersGlobal() {
        Module m = Parser.parse("def f(a):\n    b = a\n    return c\n", "t.toy");
        SymbolTable st = new SymbolTable(m, "t.toy", false);
        Scope f = function(st, m, 0);
        assertEquals(Scope.Access.LOCAL, f.get("a"));
        assertEquals(Scope.Access.LOCAL, f.get("b"));
        assertEquals(Scope.Access.GLOBAL_IMPLICIT, f.get("c"));
    }

    @Test
    void capturedVariableIsCellOuterAndFreeInner() {
        Module m = Parser.parse("def f():\n    x = 1\n    def g():\n        return x\n    return g\n", "t.toy");
        SymbolTable st = new SymbolTable(m, "t.toy", false);
        Scope f = function(st, m, 0);
        Scope g = st.scopeOf(((Stmt.FunctionDef) m.body().get(0)).body().get(1));
        assertEquals(Scope.Access.CELL, f.get("x"));
        assertEquals(Scope.Access.FREE, g.get("x"));
    }

    @Test
    void classBodyBindingsAreNotVisibleToMethods() {
        Module m = Parser.parse("class C:\n    x = 1\n    def m(self):\n        return x\n", "t.toy");
        SymbolTable st = new SymbolTable(m, "t.toy", false);
        Scope method = st.scopeOf(((Stmt.ClassDef) m.body().get(0)).body().get(1));
        assertEquals(Scope.Access.GLOBAL_IMPLICIT, method.get("x"));
    }

    @Test
    void superInMethodMakesClassProvideClassCell() {
        Module m = Parser.parse("class C:\n    def m(self):\n        return super().m()\n", "t.toy");
        SymbolTable st = new SymbolTable(m, "t.toy", false);
        Scope cls = function(st, m, 0);
        Scope method = st.scopeOf(((Stmt.ClassDef) m.body().get(0)).body().get(0));
        assertTrue(cls.providesClassCell);
        assertTrue(method.frees.contains("__class__"));
    }

    @Test
    void nonlocalWithoutBindingIsASyntaxError() {
        CompileError e = assertThrows(CompileError.class, () -> table("def f():\n    nonlocal q\n"));
        assertEquals("no binding for nonlocal 'q' found", e.getMessage());
    }

    @Test
    void returnOutsideFunctionIsASyntaxError() {
        CompileError e = assertThrows(CompileError.class, () -> table("return 1\n"));
        assertEquals("'return' outside function", e.getMessage());
    }

    @Test
    void yieldMakesAFunctionAGenerator() {
        Module m = Parser.parse("def f():\n    yield 1\n", "t.toy");
        SymbolTable st = new SymbolTable(m, "t.toy", false);
        assertTrue(function(st, m, 0).isGenerator);
    }
}
