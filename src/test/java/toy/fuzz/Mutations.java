package toy.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Applies the mutation operations listed in fuzz-mutations.txt, exactly as {@code apply_ops} in
 * the conformance folder's regen script does (which ran CPython on the result): every index is
 * taken modulo the current length, lines are the pieces of {@code text.split("\n")} (keeping
 * empty pieces), characters are code points.
 */
final class Mutations {
    private Mutations() {}

    static final String REPLACEMENT_CHARS = "()[]{}:;'\"\n\t #=+-*/%<>.,\\0189_ax";

    /** Applies ops such as {@code "dl,12,7"} in order. */
    static String apply(String text, List<String> ops) {
        for (String op : ops) {
            String[] f = op.split(",");
            String name = f[0];
            long a = Long.parseLong(f[1]), b = f.length > 2 ? Long.parseLong(f[2]) : 0;
            switch (name) {
                case "dl", "du", "sw", "in", "de" -> text = lineOp(text, name, a, b);
                case "dc", "dd", "sc", "rc" -> text = charOp(text, name, a, b);
                default -> throw new IllegalArgumentException("unknown mutation " + op);
            }
        }
        return text;
    }

    private static String lineOp(String text, String name, long a, long b) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int n = lines.size();
        int i = (int) (a % n);
        switch (name) {
            case "dl" -> lines.remove(i);
            case "du" -> lines.add(i, lines.get(i));
            case "sw" -> {
                int j = (int) (b % n);
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
            case "in" -> lines.set(i, "    " + lines.get(i));
            case "de" -> {
                String l = lines.get(i);
                int k = 0;
                while (k < 4 && k < l.length() && l.charAt(k) == ' ') k++;
                lines.set(i, l.substring(k));
            }
            default -> throw new IllegalArgumentException(name);
        }
        return String.join("\n", lines);
    }

    private static String charOp(String text, String name, long a, long b) {
        int[] cps = text.codePoints().toArray();
        if (cps.length == 0) return text;
        List<Integer> l = new ArrayList<>(cps.length + 1);
        for (int c : cps) l.add(c);
        int n = l.size();
        int i = (int) (a % n);
        switch (name) {
            case "dc" -> l.remove(i);
            case "dd" -> l.add(i, l.get(i));
            case "sc" -> {
                int j = (int) (b % n);
                int t = l.get(i);
                l.set(i, l.get(j));
                l.set(j, t);
            }
            case "rc" -> l.set(i, (int) REPLACEMENT_CHARS.charAt((int) (b % REPLACEMENT_CHARS.length())));
            default -> throw new IllegalArgumentException(name);
        }
        StringBuilder sb = new StringBuilder();
        for (int c : l) sb.appendCodePoint(c);
        return sb.toString();
    }
}
