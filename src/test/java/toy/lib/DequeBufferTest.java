package toy.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import toy.object.PyException;
import toy.object.PyInt;
import toy.object.PyObject;

/**
 * The circular buffer behind collections.deque against a plain list model: random sequences
 * of appends, pops, rotations, inserts and deletions at both ends, bounded and unbounded,
 * across growth, wrap-around and shrinking.
 */
class DequeBufferTest {
    private static List<Long> contents(Deque d) {
        List<Long> r = new ArrayList<>();
        for (PyObject o : d.toArray()) r.add(((PyInt) o).longValue());
        return r;
    }

    private static void run(long seed, int maxlen) {
        Random rnd = new Random(seed);
        Deque d = new Deque(Deque.TYPE);
        d.maxlen = maxlen;
        List<Long> model = new ArrayList<>();
        long next = 0;
        for (int step = 0; step < 5000; step++) {
            int op = rnd.nextInt(8);
            switch (op) {
                case 0, 1 -> {
                    d.append(PyInt.of(next));
                    model.add(next++);
                    if (maxlen >= 0 && model.size() > maxlen) model.remove(0);
                }
                case 2 -> {
                    d.appendLeft(PyInt.of(next));
                    model.add(0, next++);
                    if (maxlen >= 0 && model.size() > maxlen) model.remove(model.size() - 1);
                }
                case 3 -> {
                    if (model.isEmpty()) {
                        assertThrows(PyException.class, d::pop);
                    } else {
                        assertEquals((long) model.remove(model.size() - 1), ((PyInt) d.pop()).longValue());
                    }
                }
                case 4 -> {
                    if (model.isEmpty()) {
                        assertThrows(PyException.class, d::popLeft);
                    } else {
                        assertEquals((long) model.remove(0), ((PyInt) d.popLeft()).longValue());
                    }
                }
                case 5 -> {
                    long n = rnd.nextInt(41) - 20;
                    d.rotate(n);
                    int size = model.size();
                    if (size > 1) {
                        int m = (int) (((n % size) + size) % size);
                        List<Long> rotated = new ArrayList<>(model.subList(size - m, size));
                        rotated.addAll(model.subList(0, size - m));
                        model = rotated;
                    }
                }
                case 6 -> {
                    if (!model.isEmpty()) {
                        int i = rnd.nextInt(model.size());
                        d.delItem(PyInt.of(i));
                        model.remove(i);
                    }
                }
                default -> {
                    if (!model.isEmpty()) {
                        int i = rnd.nextInt(model.size());
                        assertEquals((long) model.get(i), ((PyInt) d.getItem(PyInt.of(i))).longValue());
                        assertEquals((long) model.get(model.size() - 1 - i), ((PyInt) d.getItem(PyInt.of(-1 - i))).longValue());
                    }
                }
            }
            assertEquals(model.size(), d.size(), "size after step " + step);
        }
        assertEquals(model, contents(d));
    }

    @Test
    void unboundedDequeMatchesListModel() {
        for (long seed = 1; seed <= 20; seed++) run(seed, -1);
    }

    @Test
    void boundedDequeDropsFromTheOtherEnd() {
        for (long seed = 1; seed <= 20; seed++) run(seed, (int) (seed % 7));
    }

    @Test
    void growsThroughManyWrapArounds() {
        Deque d = new Deque(Deque.TYPE);
        for (int i = 0; i < 10000; i++) {
            d.appendLeft(PyInt.of(i));
            if (i % 3 == 0) d.pop();
        }
        assertEquals(6666, d.size());
        assertEquals(9999, ((PyInt) d.get(0)).longValue());
        for (int i = 0; i < 6600; i++) d.popLeft();
        assertEquals(66, d.size());
        assertEquals(contents(d).get(65) + 65, (long) contents(d).get(0));
    }
}
