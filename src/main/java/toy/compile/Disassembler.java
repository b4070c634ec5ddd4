package toy.compile;

import toy.object.Ops;
import toy.object.PyObject;

/** Renders code objects as text for {@code toy --dis}, in the spirit of CPython's dis module. */
public final class Disassembler {
    private Disassembler() {}

    /** Instructions whose argument is meaningful even when it is 0 (operator codes, counts). */
    private static final java.util.Set<Integer> TAKES_ARG = java.util.Set.of(Opcode.BINARY_OP, Opcode.INPLACE_OP,
            Opcode.UNARY_OP, Opcode.COMPARE_OP, Opcode.IS_OP, Opcode.CONTAINS_OP, Opcode.BUILD_TUPLE, Opcode.BUILD_LIST,
            Opcode.BUILD_SET, Opcode.BUILD_MAP, Opcode.CALL, Opcode.CALL_METHOD, Opcode.CALL_KW, Opcode.RAISE_VARARGS,
            Opcode.MAKE_FUNCTION, Opcode.FORMAT_VALUE, Opcode.CALL_FUNCTION_EX);

    public static String disassemble(Code code) {
        StringBuilder sb = new StringBuilder();
        dis(code, sb);
        return sb.toString();
    }

    private static void dis(Code code, StringBuilder sb) {
        sb.append("Disassembly of ").append(code.repr()).append(":\n");
        int lastLine = -1;
        for (int pc = 0; pc < code.code.length; pc++) {
            int ins = code.code[pc], op = ins & 0xFF, arg = ins >>> 8;
            int line = code.lines[pc];
            sb.append(line != lastLine ? String.format("%4d", line) : "    ");
            lastLine = line;
            sb.append(String.format(" %6d %-22s", pc, Opcode.NAMES[op]));
            String detail = detail(code, op, arg);
            if (detail != null) sb.append(String.format("%4d (%s)", arg, detail));
            else if (arg != 0 || Opcode.isJump(op) || TAKES_ARG.contains(op)) sb.append(String.format("%4d", arg));
            sb.append('\n');
        }
        for (PyObject c : code.consts) {
            if (c instanceof Code inner) {
                sb.append('\n');
                dis(inner, sb);
            }
        }
    }

    private static String detail(Code code, int op, int arg) {
        switch (op) {
            case Opcode.LOAD_CONST: {
                PyObject c = code.consts[arg];
                return c instanceof Code inner ? inner.repr() : Ops.repr(c);
            }
            case Opcode.LOAD_FAST: case Opcode.STORE_FAST: case Opcode.DELETE_FAST:
                return code.varnames[arg];
            case Opcode.LOAD_GLOBAL: case Opcode.STORE_GLOBAL: case Opcode.DELETE_GLOBAL: case Opcode.LOAD_NAME:
            case Opcode.STORE_NAME: case Opcode.DELETE_NAME: case Opcode.LOAD_ATTR: case Opcode.STORE_ATTR:
            case Opcode.DELETE_ATTR: case Opcode.LOAD_METHOD: case Opcode.IMPORT_NAME: case Opcode.IMPORT_FROM:
                return code.names[arg].value;
            case Opcode.LOAD_DEREF: case Opcode.STORE_DEREF: case Opcode.DELETE_DEREF: case Opcode.LOAD_CLOSURE:
            case Opcode.LOAD_CLASSDEREF:
                return arg < code.cellvars.length ? code.cellvars[arg] : code.freevars[arg - code.cellvars.length];
            default:
                return null;
        }
    }
}
