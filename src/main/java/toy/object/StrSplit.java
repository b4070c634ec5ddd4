package toy.object;

import static toy.object.StrChars.*;
import static toy.object.StrMethods.*;

import java.util.ArrayList;

/**
 * str.split, rsplit, splitlines, partition, rpartition and join, split out of
 * {@link StrMethods}, which registers them: one pass over the Java String per call, with
 * CPython's argument handling and its rule of returning the original string when a split
 * leaves it whole.
 */
final class StrSplit {
    private StrSplit() {}

    // =========================================================================================
    // split, splitlines, partition, join
    // =========================================================================================

    static PyObject split(PyObject self, PyObject[] a, String[] k, String fname, boolean right) {
        PyObject[] p = kwArgs(fname, a, k, new String[] {"sep", "maxsplit"});
        String s = str(self);
        long max = p[1] == null ? -1 : ssize(p[1]);
        if (max < 0) max = Long.MAX_VALUE;
        if (p[0] == null || p[0] == Py.None) {
            return right ? rsplitWhitespace(s, max) : splitWhitespace(s, max);
        }
        if (!(p[0] instanceof PyStr sepObj)) throw Exc.typeError("must be str or None, not " + p[0].type.name);
        String sep = sepObj.value;
        if (sep.isEmpty()) throw Exc.valueError("empty separator");
        return right ? rsplit(self, s, sep, max) : split(self, s, sep, max);
    }

    /** str.split(sep) for a non-empty sep. */
    static PyList split(PyObject self, String s, String sep, long max) {
        ArrayList<PyObject> out = new ArrayList<>();
        int n = sep.length();
        int i = 0;
        if (n == 1) {
            char c = sep.charAt(0);
            while (max-- > 0) {
                int j = s.indexOf(c, i);
                if (j < 0) break;
                out.add(PyStr.of(s.substring(i, j)));
                i = j + 1;
            }
        } else {
            while (max-- > 0) {
                int j = s.indexOf(sep, i);
                if (j < 0) break;
                out.add(PyStr.of(s.substring(i, j)));
                i = j + n;
            }
        }
        out.add(i == 0 && self != null && self.type == PyStr.TYPE ? self : PyStr.of(s.substring(i)));
        return PyList.wrap(out.toArray(new PyObject[0]));
    }

    static PyList rsplit(PyObject self, String s, String sep, long max) {
        ArrayList<PyObject> out = new ArrayList<>();
        int n = sep.length();
        int j = s.length();
        while (max-- > 0) {
            int pos = j - n < 0 ? -1 : s.lastIndexOf(sep, j - n);
            if (pos < 0) break;
            out.add(PyStr.of(s.substring(pos + n, j)));
            j = pos;
        }
        out.add(j == s.length() && self != null && self.type == PyStr.TYPE ? self : PyStr.of(s.substring(0, j)));
        return reversed(out);
    }

    static PyList splitWhitespace(String s, long max) {
        ArrayList<PyObject> out = new ArrayList<>();
        int len = s.length();
        int i = 0;
        while (max-- > 0) {
            while (i < len && isSpace(s.charAt(i))) i++;
            if (i == len) break;
            int j = i;
            i++;
            while (i < len && !isSpace(s.charAt(i))) i++;
            out.add(PyStr.of(s.substring(j, i)));
        }
        if (i < len) {
            while (i < len && isSpace(s.charAt(i))) i++;
            if (i != len) out.add(PyStr.of(s.substring(i)));
        }
        return PyList.wrap(out.toArray(new PyObject[0]));
    }

    static PyList rsplitWhitespace(String s, long max) {
        ArrayList<PyObject> out = new ArrayList<>();
        int i = s.length() - 1;
        while (max-- > 0) {
            while (i >= 0 && isSpace(s.charAt(i))) i--;
            if (i < 0) break;
            int j = i;
            i--;
            while (i >= 0 && !isSpace(s.charAt(i))) i--;
            out.add(PyStr.of(s.substring(i + 1, j + 1)));
        }
        if (i >= 0) {
            while (i >= 0 && isSpace(s.charAt(i))) i--;
            if (i >= 0) out.add(PyStr.of(s.substring(0, i + 1)));
        }
        return reversed(out);
    }

    private static PyList reversed(ArrayList<PyObject> out) {
        int n = out.size();
        PyObject[] a = new PyObject[n];
        for (int i = 0; i < n; i++) a[i] = out.get(n - 1 - i);
        return PyList.wrap(a);
    }

    static PyList splitlines(String s, boolean keepends) {
        ArrayList<PyObject> out = new ArrayList<>();
        int len = s.length();
        int i = 0, j = 0;
        while (i < len) {
            while (i < len && !isLineBreak(s.charAt(i))) i++;
            int eol = i;
            if (i < len) {
                if (s.charAt(i) == '\r' && i + 1 < len && s.charAt(i + 1) == '\n') i += 2;
                else i++;
                if (keepends) eol = i;
            }
            out.add(PyStr.of(s.substring(j, eol)));
            j = i;
        }
        return PyList.wrap(out.toArray(new PyObject[0]));
    }

    static PyObject partition(PyObject self, PyObject[] a, String[] k, String qname, boolean right) {
        Args.noKeywords(qname, k);
        Args.checkCount(qname, a, 1, 1);
        String s = str(self);
        String sep = subArg(a[0]);
        if (sep.isEmpty()) throw Exc.valueError("empty separator");
        int i = right ? s.lastIndexOf(sep) : s.indexOf(sep);
        PyObject whole = self.type == PyStr.TYPE ? self : PyStr.of(s);
        if (i < 0) {
            return right ? PyTuple.of(PyStr.EMPTY, PyStr.EMPTY, whole) : PyTuple.of(whole, PyStr.EMPTY, PyStr.EMPTY);
        }
        return PyTuple.of(PyStr.of(s.substring(0, i)), a[0].type == PyStr.TYPE ? a[0] : PyStr.of(sep),
                PyStr.of(s.substring(i + sep.length())));
    }

    /**
     * sep.join(iterable): one pass over a list or tuple into a StringBuilder. Anything else (a
     * list or tuple subclass too, whose __iter__ may differ) is iterated first, as CPython's
     * PySequence_Fast does: list(iter(iterable)).
     */
    static PyObject join(String sep, PyObject iterable) {
        PyObject[] items;
        int n;
        if (iterable.type == PyList.TYPE) {
            items = ((PyList) iterable).items;
            n = ((PyList) iterable).size;
        } else if (iterable.type == PyTuple.TYPE) {
            items = ((PyTuple) iterable).items;
            n = items.length;
        } else {
            PyObject it;
            try {
                it = Ops.iter(iterable);
            } catch (PyException e) {
                if (e.matches(Exc.TypeError)) throw Exc.typeError("can only join an iterable");
                throw e;
            }
            items = SeqMethods.toArray(it);
            n = items.length;
        }
        if (n == 0) return PyStr.EMPTY;
        if (n == 1 && items[0].type == PyStr.TYPE) return items[0];
        long total = (long) sep.length() * (n - 1);
        for (int i = 0; i < n; i++) {
            if (!(items[i] instanceof PyStr p)) {
                throw Exc.typeError("sequence item " + i + ": expected str instance, " + items[i].type.name + " found");
            }
            total += p.value.length();
        }
        if (total > Integer.MAX_VALUE - 16) throw Exc.overflowError("join() result is too long for a Python string");
        StringBuilder sb = new StringBuilder((int) total);
        if (sep.isEmpty()) {
            for (int i = 0; i < n; i++) sb.append(((PyStr) items[i]).value);
        } else {
            sb.append(((PyStr) items[0]).value);
            for (int i = 1; i < n; i++) sb.append(sep).append(((PyStr) items[i]).value);
        }
        return PyStr.of(sb.toString());
    }
}
