package toy.object;

import java.util.function.BiConsumer;
import java.util.function.Function;

/** A computed attribute of a built-in type ({@code exc.args}, {@code func.__name__}); a data descriptor. */
public final class PyGetSet extends PyObject {
    public static final PyType TYPE = PyType.builtin("getset_descriptor", PyType.OBJECT, null);

    final String name;
    final Function<PyObject, PyObject> getter;
    final BiConsumer<PyObject, PyObject> setter;

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

    @Override public void descrSet(PyObject instance, PyObject value) {
        if (setter == null) {
            throw Exc.attributeError("attribute '" + name + "' of '" + instance.type.name + "' objects is not writable");
        }
        setter.accept(instance, value);
    }
}
