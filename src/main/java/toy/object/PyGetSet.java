package toy.object;

import java.util.function.BiConsumer;
import java.util.function.Function;

/** A computed attribute of a built-in type ({@code exc.args}, {@code func.__name__}); a data descriptor. */
public final class PyGetSet extends PyObject {
    public static final PyType TYPE = PyType.builtin("getset_descriptor", PyType.OBJECT, null);

    final String name;
    final Function<PyObject, PyObject> getter;
    final BiConsumer<PyObject, PyObject> setter;
    /** The type whose dict holds it (set when it is stored there), for its repr and __objclass__. */
    PyType owner;

    public PyGetSet(String name, Function<PyObject, PyObject> getter, BiConsumer<PyObject, PyObject> setter) {
        super(TYPE);
        this.name = name;
        this.getter = getter;
        this.setter = setter;
    }

    @Override public PyObject descrGet(PyObject instance, PyType owner) {
        return instance == null ? this : getter.apply(instance);
    }

    @Override public boolean isDataDescriptor() { return true; }

    @Override public String repr() {
        return owner == null ? super.repr() : "<attribute '" + name + "' of '" + owner.shortName() + "' objects>";
    }

    @Override public PyObject getAttr(PyStr n) {
        switch (n.value) {
            case "__name__": return PyStr.of(name);
            case "__qualname__": return PyStr.of(owner == null ? name : owner.shortQualname() + "." + name);
            case "__objclass__": if (owner != null) return owner; break;
            default: break;
        }
        return super.getAttr(n);
    }

    @Override public void descrSet(PyObject instance, PyObject value) {
        if (setter == null) {
            throw Exc.attributeError("attribute '" + name + "' of '" + (owner != null ? owner : instance.type).name
                    + "' objects is not writable");
        }
        setter.accept(instance, value);
    }
}
