package toy.object;

/**
 * The attribute names that the instances of one script class share, CPython 3.11's shared
 * keys ({@code ht_cached_keys}): each name has a fixed index, which is where every instance of
 * the class keeps that attribute's value (see {@link PyInstance}). Names are only ever added,
 * so an index once found stays right for the life of the class, and an attribute cache that
 * remembers it needs no version check.
 *
 * <p>Names are the interned (immortal) strings, so the keys count no references. At most
 * {@link #MAX} names fit, CPython's limit: an instance that needs another name gets a real
 * dict instead.
 */
final class SharedKeys {
    /** CPython's SHARED_KEYS_MAX_SIZE. */
    static final int MAX = 30;

    /** The names in the order they were first stored on some instance; names[0..count) are set. */
    final PyStr[] names = new PyStr[MAX];
    /** How many names there are. */
    int count;
    /** A bit per name, at its hash modulo 64: a clear bit means no name has that hash (a method's name, usually). */
    private long hashBits;

    /** The index of name, or -1. */
    int indexOf(PyStr name) {
        long h = name.hash();
        if ((hashBits & (1L << h)) == 0) return -1;
        for (int i = 0; i < count; i++) if (names[i] == name) return i;
        for (int i = 0; i < count; i++) {
            PyStr k = names[i];
            if (k.hash() == h && k.value.equals(name.value)) return i;
        }
        return -1;
    }

    /** The index of name, adding it when absent; -1 when it cannot be added (keys full, or not an exact str). */
    int indexOrAdd(PyStr name) {
        int ix = indexOf(name);
        if (ix >= 0) return ix;
        if (count == MAX || name.type != PyStr.TYPE) return -1;
        names[count] = PyStr.intern(name.value);
        hashBits |= 1L << name.hash();
        return count++;
    }
}
