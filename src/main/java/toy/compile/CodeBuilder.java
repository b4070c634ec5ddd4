package toy.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import toy.object.PyObject;
import toy.object.PyStr;

/**
 * Accumulates the instructions, constants and names of one code object while the compiler
 * walks a scope, resolves labels, and computes the maximum stack depth.
 */
final class CodeBuilder {
    final Scope scope;
    final String name, qualname, filename;
    final int firstLine;
    private int[] ops = new int[64];
    private int[] args = new int[64];
    private int[] lineOf = new int[64];
    /** Per instruction: start column, end line and end column (exclusive) of its source expression. */
    private int[] colOf = new int[64], endLineOf = new int[64], endColOf = new int[64];
    int size;
    /** The line of the statement being compiled, stamped on each instruction. */
    int line;
    /** The column span of the node being compiled (stamped with line on each instruction). */
    int col = -1, endLine, endCol = -1;
    private final List<PyObject> consts = new ArrayList<>();
    private final Map<Object, Integer> constIndex = new HashMap<>();
    private final List<PyStr> names = new ArrayList<>();
    private final Map<String, Integer> nameIndex = new HashMap<>();
    final List<String> varnames = new ArrayList<>();
    final List<String> cellvars = new ArrayList<>();
    final List<String> freevars = new ArrayList<>();
    /** Label positions (-1 while unresolved). */
    private int[] labels = new int[16];
    private int nlabels;
    /** The compile-time block stack (loops, try, with, handlers) for break/continue/return. */
    final Deque<Compiler.FBlock> fblocks = new ArrayDeque<>();
    int argcount, posonlyargcount, kwonlyargcount, flags;

    CodeBuilder(Scope scope, String name, String qualname, String filename, int firstLine) {
        this.scope = scope;
        this.name = name;
        this.qualname = qualname;
        this.filename = filename;
        this.firstLine = firstLine;
        this.line = firstLine;
    }

    int newLabel() {
        if (nlabels == labels.length) labels = Arrays.copyOf(labels, nlabels * 2);
        labels[nlabels] = -1;
        return nlabels++;
    }

    void mark(int label) { labels[label] = size; }

    int emit(int op, int arg) {
        if (size == ops.length) {
            ops = Arrays.copyOf(ops, size * 2);
            args = Arrays.copyOf(args, size * 2);
            lineOf = Arrays.copyOf(lineOf, size * 2);
            colOf = Arrays.copyOf(colOf, size * 2);
            endLineOf = Arrays.copyOf(endLineOf, size * 2);
            endColOf = Arrays.copyOf(endColOf, size * 2);
        }
        ops[size] = op;
        args[size] = arg;
        lineOf[size] = line;
        colOf[size] = col;
        endLineOf[size] = endLine;
        endColOf[size] = endCol;
        return size++;
    }

    int emit(int op) { return emit(op, 0); }

    /** Emits a jump to a label (resolved in {@link #build}). */
    void jump(int op, int label) { emit(op, label); }

    int lastOp() { return size == 0 ? -1 : ops[size - 1]; }

    int addConst(PyObject v, Object key) {
        Integer i = key == null ? null : constIndex.get(key);
        if (i != null) return i;
        consts.add(v);
        if (key != null) constIndex.put(key, consts.size() - 1);
        return consts.size() - 1;
    }

    int addName(String n) {
        Integer i = nameIndex.get(n);
        if (i != null) return i;
        names.add(PyStr.intern(n));
        nameIndex.put(n, names.size() - 1);
        return names.size() - 1;
    }

    int varIndex(String n) {
        int i = varnames.indexOf(n);
        if (i >= 0) return i;
        varnames.add(n);
        return varnames.size() - 1;
    }

    /** Index of a cell or free variable in the frame's cell array. */
    int derefIndex(String n) {
        int i = cellvars.indexOf(n);
        if (i >= 0) return i;
        i = freevars.indexOf(n);
        if (i >= 0) return cellvars.size() + i;
        throw new IllegalStateException("no cell for " + n);
    }

    Code build() {
        int[] code = new int[size];
        int[] lines = Arrays.copyOf(lineOf, size);
        int[][] spans = {Arrays.copyOf(colOf, size), Arrays.copyOf(endLineOf, size), Arrays.copyOf(endColOf, size)};
        for (int i = 0; i < size; i++) {
            int a = args[i];
            if (Opcode.isJump(ops[i])) {
                a = labels[a];
                if (a < 0) throw new IllegalStateException("unresolved label in " + qualname);
            }
            code[i] = ops[i] | (a << 8);
        }
        int[] cell2arg = new int[cellvars.size()];
        for (int i = 0; i < cell2arg.length; i++) {
            int idx = scope.params.indexOf(cellvars.get(i));
            cell2arg[i] = idx;
        }
        int depth = StackDepth.compute(code);
        return new Code(name, qualname, filename, firstLine, code, lines, consts.toArray(new PyObject[0]),
                names.toArray(new PyStr[0]), varnames.toArray(new String[0]), cellvars.toArray(new String[0]),
                freevars.toArray(new String[0]), cell2arg, argcount, posonlyargcount, kwonlyargcount, flags, depth, spans);
    }
}
