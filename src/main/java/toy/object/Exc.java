package toy.object;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in exception types, in CPython's hierarchy, and factories that make the Java
 * throwable for each common error ({@code throw Exc.typeError("...")}).
 */
public final class Exc {
    private Exc() {}

    /** Every built-in exception type by name, in definition order (for the builtins module). */
    public static final Map<String, PyType> ALL = new LinkedHashMap<>();

    public static final PyType BaseException = reg(PyBaseException.TYPE);
    public static final PyType SystemExit = make("SystemExit", BaseException);
    public static final PyType KeyboardInterrupt = make("KeyboardInterrupt", BaseException);
    public static final PyType GeneratorExit = make("GeneratorExit", BaseException);
    public static final PyType Exception = make("Exception", BaseException);
    public static final PyType StopIteration = make("StopIteration", Exception);
    public static final PyType StopAsyncIteration = make("StopAsyncIteration", Exception);
    public static final PyType ArithmeticError = make("ArithmeticError", Exception);
    public static final PyType FloatingPointError = make("FloatingPointError", ArithmeticError);
    public static final PyType OverflowError = make("OverflowError", ArithmeticError);
    public static final PyType ZeroDivisionError = make("ZeroDivisionError", ArithmeticError);
    public static final PyType AssertionError = make("AssertionError", Exception);
    public static final PyType AttributeError = make("AttributeError", Exception);
    public static final PyType BufferError = make("BufferError", Exception);
    public static final PyType EOFError = make("EOFError", Exception);
    public static final PyType ImportError = make("ImportError", Exception);
    public static final PyType ModuleNotFoundError = make("ModuleNotFoundError", ImportError);
    public static final PyType LookupError = make("LookupError", Exception);
    public static final PyType IndexError = make("IndexError", LookupError);
    public static final PyType KeyError = make("KeyError", LookupError);
    public static final PyType MemoryError = make("MemoryError", Exception);
    public static final PyType NameError = make("NameError", Exception);
    public static final PyType UnboundLocalError = make("UnboundLocalError", NameError);
    public static final PyType OSError = make("OSError", Exception);
    public static final PyType BlockingIOError = make("BlockingIOError", OSError);
    public static final PyType ChildProcessError = make("ChildProcessError", OSError);
    public static final PyType ConnectionError = make("ConnectionError", OSError);
    public static final PyType BrokenPipeError = make("BrokenPipeError", ConnectionError);
    public static final PyType ConnectionAbortedError = make("ConnectionAbortedError", ConnectionError);
    public static final PyType ConnectionRefusedError = make("ConnectionRefusedError", ConnectionError);
    public static final PyType ConnectionResetError = make("ConnectionResetError", ConnectionError);
    public static final PyType FileExistsError = make("FileExistsError", OSError);
    public static final PyType FileNotFoundError = make("FileNotFoundError", OSError);
    public static final PyType InterruptedError = make("InterruptedError", OSError);
    public static final PyType IsADirectoryError = make("IsADirectoryError", OSError);
    public static final PyType NotADirectoryError = make("NotADirectoryError", OSError);
    public static final PyType PermissionError = make("PermissionError", OSError);
    public static final PyType ProcessLookupError = make("ProcessLookupError", OSError);
    public static final PyType TimeoutError = make("TimeoutError", OSError);
    public static final PyType ReferenceError = make("ReferenceError", Exception);
    public static final PyType RuntimeError = make("RuntimeError", Exception);
    public static final PyType NotImplementedError = make("NotImplementedError", RuntimeError);
    public static final PyType RecursionError = make("RecursionError", RuntimeError);
    public static final PyType SyntaxError = make("SyntaxError", Exception);
    public static final PyType IndentationError = make("IndentationError", SyntaxError);
    public static final PyType TabError = make("TabError", IndentationError);
    public static final PyType SystemError = make("SystemError", Exception);
    public static final PyType TypeError = make("TypeError", Exception);
    public static final PyType ValueError = make("ValueError", Exception);
    public static final PyType UnicodeError = make("UnicodeError", ValueError);
    public static final PyType UnicodeDecodeError = make("UnicodeDecodeError", UnicodeError);
    public static final PyType UnicodeEncodeError = make("UnicodeEncodeError", UnicodeError);
    public static final PyType Warning = make("Warning", Exception);
    public static final PyType DeprecationWarning = make("DeprecationWarning", Warning);
    public static final PyType RuntimeWarning = make("RuntimeWarning", Warning);
    public static final PyType UserWarning = make("UserWarning", Warning);

    static {
        ALL.put("EnvironmentError", OSError);
        ALL.put("IOError", OSError);
        ExcMethods.init();
    }

    private static PyType reg(PyType t) {
        ALL.put(t.name, t);
        return t;
    }

    private static PyType make(String name, PyType base) {
        // BaseException's own constructor: every exception type shares its layout (see PyType.solidBase)
        return reg(PyType.builtin(name, base, PyBaseException.TYPE.newFn));
    }

    /** A new exception instance of type t with one message argument. */
    public static PyBaseException instance(PyType t, String msg) {
        return new PyBaseException(t, msg == null ? PyTuple.EMPTY : PyTuple.of(PyStr.of(msg)));
    }

    public static PyException raise(PyType t, String msg) { return new PyException(instance(t, msg)); }

    public static PyException typeError(String msg) { return raise(TypeError, msg); }

    public static PyException valueError(String msg) { return raise(ValueError, msg); }

    public static PyException indexError(String msg) { return raise(IndexError, msg); }

    public static PyException attributeError(String msg) { return raise(AttributeError, msg); }

    public static PyException runtimeError(String msg) { return raise(RuntimeError, msg); }

    public static PyException overflowError(String msg) { return raise(OverflowError, msg); }

    public static PyException zeroDivision(String msg) { return raise(ZeroDivisionError, msg); }

    public static PyException nameError(String name) {
        PyBaseException e = instance(NameError, "name '" + name + "' is not defined");
        e.dictPut("name", PyStr.of(name));
        return new PyException(e);
    }

    public static PyException memoryError() { return new PyException(new PyBaseException(MemoryError, PyTuple.EMPTY)); }

    public static PyException keyError(PyObject key) {
        return new PyException(new PyBaseException(KeyError, PyTuple.of(key)));
    }

    public static PyException stopIteration(PyObject value) {
        PyBaseException e = new PyBaseException(StopIteration, value == Py.None ? PyTuple.EMPTY : PyTuple.of(value));
        e.dictPut("value", value);
        return new PyException(e);
    }

    public static PyException unhashable(PyObject o) {
        return typeError("unhashable type: '" + o.type.name + "'");
    }

    public static PyException noAttribute(PyObject o, String name) {
        String msg = o instanceof PyType t
                ? "type object '" + t.name + "' has no attribute '" + name + "'"
                : o instanceof PyModule m
                ? "module '" + m.name + "' has no attribute '" + name + "'"
                : "'" + o.type.name + "' object has no attribute '" + name + "'";
        PyBaseException e = instance(AttributeError, msg);
        e.dictPut("name", PyStr.of(name));
        e.dictPut("obj", o);
        return new PyException(e);
    }
}
