package toy.object;

/**
 * The Java throwable that carries a raised Python exception through the interpreter. It has
 * no Java stack trace (filling one in costs more than the rest of raising); the Python
 * traceback is kept on the exception value.
 */
public final class PyException extends RuntimeException {
    public final PyBaseException value;

    public PyException(PyBaseException value) {
        super(null, null, false, false);
        this.value = value;
        Refs.raising(value);
    }

    /** True when the exception is an instance of t (or a subclass). */
    public boolean matches(PyType t) { return value.type.isSubtypeOf(t); }

    @Override public String getMessage() { return value.type.name + ": " + value.str(); }
}
