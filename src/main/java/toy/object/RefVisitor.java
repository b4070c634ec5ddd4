package toy.object;

/** Receives each reference an object owns (see {@link PyContainer#traverse}); null is allowed and ignored. */
@FunctionalInterface
public interface RefVisitor {
    void visit(PyObject o);
}
