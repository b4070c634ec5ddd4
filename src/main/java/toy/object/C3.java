package toy.object;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** C3 linearisation of a class's bases into its MRO, with CPython's error message. */
final class C3 {
    private C3() {}

    static PyType[] mro(PyType t) {
        for (int i = 0; i < t.bases.length; i++) {
            for (int j = i + 1; j < t.bases.length; j++) {
                if (t.bases[i] == t.bases[j]) throw Exc.typeError("duplicate base class " + t.bases[i].name);
            }
        }
        List<List<PyType>> seqs = new ArrayList<>();
        for (PyType b : t.bases) seqs.add(new ArrayList<>(Arrays.asList(b.mro)));
        seqs.add(new ArrayList<>(Arrays.asList(t.bases)));
        List<PyType> out = new ArrayList<>();
        out.add(t);
        while (true) {
            seqs.removeIf(List::isEmpty);
            if (seqs.isEmpty()) return out.toArray(new PyType[0]);
            PyType cand = null;
            for (List<PyType> s : seqs) {
                PyType head = s.get(0);
                boolean inTail = false;
                for (List<PyType> s2 : seqs) {
                    if (s2.indexOf(head) > 0) { inTail = true; break; }
                }
                if (!inTail) { cand = head; break; }
            }
            if (cand == null) {
                StringBuilder sb = new StringBuilder("Cannot create a consistent method resolution\norder (MRO) for bases");
                for (int i = 0; i < t.bases.length; i++) sb.append(i == 0 ? " " : ", ").append(t.bases[i].name);
                throw Exc.typeError(sb.toString());
            }
            out.add(cand);
            for (List<PyType> s : seqs) if (s.get(0) == cand) s.remove(0);
        }
    }
}
