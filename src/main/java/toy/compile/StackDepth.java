package toy.compile;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Computes the maximum value-stack depth of a code object by walking every path through the
 * bytecode, as CPython's stackdepth(): each instruction's effect comes from {@link #effect}.
 * Exception handlers are entered with the depth recorded at their SETUP plus the pushed
 * exception.
 */
public final class StackDepth {
    private StackDepth() {}

    /** The maximum depth, with room for the two extra slots the VM may use. */
    static int compute(int[] code) {
        int[] depthAt = new int[code.length + 1];
        return walk(code, depthAt) + 2;
    }

    /**
     * The depth before each instruction (-1 for instructions no path reaches); the JIT compiles
     * each instruction with its depth as a constant.
     */
    public static int[] depths(int[] code) {
        int[] depthAt = new int[code.length + 1];
        walk(code, depthAt);
        return depthAt;
    }

    private static int walk(int[] code, int[] depthAt) {
        int n = code.length;
        Arrays.fill(depthAt, -1);
        ArrayDeque<int[]> work = new ArrayDeque<>();
        int max = 0;
        work.push(new int[] {0, 0});
        while (!work.isEmpty()) {
            int[] w = work.pop();
            int pc = w[0], depth = w[1];
            while (pc < n) {
                if (depthAt[pc] >= depth) break;
                depthAt[pc] = depth;
                int op = code[pc] & 0xFF, arg = code[pc] >>> 8;
                if (op == Opcode.SETUP_FINALLY || op == Opcode.SETUP_WITH || op == Opcode.SETUP_ASYNC_WITH) {
                    // handler entered with the block's depth (+ the with's exit and value) plus the exception,
                    // and PUSH_EXC_INFO adds one more
                    int base = depth;
                    work.push(new int[] {arg, base + 1});
                    max = Math.max(max, base + 3);
                }
                int after = depth + effect(op, arg, false);
                max = Math.max(max, Math.max(after, depth + 1));
                if (Opcode.isJump(op) && op != Opcode.SETUP_FINALLY && op != Opcode.SETUP_WITH && op != Opcode.SETUP_ASYNC_WITH) {
                    int jd = depth + effect(op, arg, true);
                    work.push(new int[] {arg, jd});
                    if (op == Opcode.JUMP || op == Opcode.JUMP_BACKWARD) break;
                }
                if (op == Opcode.RETURN_VALUE || op == Opcode.RAISE_VARARGS || op == Opcode.RERAISE) break;
                depth = after;
                pc++;
            }
        }
        return max;
    }

    /** The net stack effect of an instruction; jump is true for the branch-taken path. */
    public static int effect(int op, int arg, boolean jump) {
        switch (op) {
            case Opcode.NOP: case Opcode.ROT_TWO: case Opcode.ROT_THREE: case Opcode.ROT_FOUR:
            case Opcode.DELETE_FAST: case Opcode.DELETE_DEREF: case Opcode.DELETE_GLOBAL: case Opcode.DELETE_NAME:
            case Opcode.LOAD_ATTR: case Opcode.UNARY_OP: case Opcode.UNARY_NOT: case Opcode.GET_ITER:
            case Opcode.JUMP: case Opcode.JUMP_BACKWARD: case Opcode.LIST_TO_TUPLE: case Opcode.GET_YIELD_FROM_ITER:
            case Opcode.GET_AWAITABLE: case Opcode.YIELD_VALUE: case Opcode.POP_BLOCK: case Opcode.SETUP_FINALLY:
            case Opcode.SETUP_ASYNC_WITH: case Opcode.GET_AITER: case Opcode.SETUP_ANNOTATIONS:
                return 0;
            case Opcode.POP_TOP: case Opcode.STORE_FAST: case Opcode.STORE_DEREF: case Opcode.STORE_GLOBAL:
            case Opcode.STORE_NAME: case Opcode.DELETE_ATTR: case Opcode.BINARY_SUBSCR: case Opcode.BINARY_OP:
            case Opcode.INPLACE_OP: case Opcode.COMPARE_OP: case Opcode.IS_OP: case Opcode.CONTAINS_OP:
            case Opcode.POP_JUMP_IF_FALSE: case Opcode.POP_JUMP_IF_TRUE: case Opcode.LIST_APPEND: case Opcode.SET_ADD:
            case Opcode.LIST_EXTEND: case Opcode.SET_UPDATE: case Opcode.DICT_UPDATE: case Opcode.DICT_MERGE:
            case Opcode.RETURN_VALUE: case Opcode.YIELD_FROM: case Opcode.RERAISE: case Opcode.POP_EXCEPT:
            case Opcode.JUMP_IF_NOT_EXC_MATCH: case Opcode.IMPORT_NAME: case Opcode.IMPORT_STAR: case Opcode.PRINT_EXPR:
            case Opcode.POP_JUMP_IF_NONE: case Opcode.POP_JUMP_IF_NOT_NONE:
                return -1;
            case Opcode.DUP_TOP: case Opcode.LOAD_CONST: case Opcode.LOAD_FAST: case Opcode.LOAD_DEREF:
            case Opcode.LOAD_CLOSURE: case Opcode.LOAD_GLOBAL: case Opcode.LOAD_NAME: case Opcode.LOAD_CLASSDEREF:
            case Opcode.LOAD_METHOD: case Opcode.PUSH_EXC_INFO: case Opcode.SETUP_WITH: case Opcode.LOAD_BUILD_CLASS:
            case Opcode.IMPORT_FROM: case Opcode.LOAD_ASSERTION_ERROR: case Opcode.BEFORE_ASYNC_WITH: case Opcode.GET_ANEXT:
            case Opcode.COPY: case Opcode.WITH_EXCEPT_START:
                return 1;
            case Opcode.DUP_TOP_TWO: return 2;
            case Opcode.STORE_ATTR: case Opcode.DELETE_SUBSCR: case Opcode.MAP_ADD: return -2;
            case Opcode.STORE_SUBSCR: return -3;
            case Opcode.JUMP_IF_FALSE_OR_POP: case Opcode.JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
            case Opcode.FOR_ITER: return jump ? -1 : 1;
            case Opcode.BUILD_TUPLE: case Opcode.BUILD_LIST: case Opcode.BUILD_SET: case Opcode.BUILD_STRING:
                return 1 - arg;
            case Opcode.BUILD_MAP: return 1 - 2 * arg;
            case Opcode.BUILD_SLICE: return 1 - arg;
            case Opcode.UNPACK_SEQUENCE: return arg - 1;
            case Opcode.UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
            case Opcode.FORMAT_VALUE: return (arg & 4) != 0 ? -1 : 0;
            case Opcode.CALL: return -arg;
            case Opcode.CALL_KW: return -arg - 1;
            case Opcode.CALL_METHOD: return -arg - 1;
            case Opcode.CALL_FUNCTION_EX: return -1 - (arg & 1);
            case Opcode.MAKE_FUNCTION: return -Integer.bitCount(arg & 0xB);
            case Opcode.RAISE_VARARGS: return -arg;
            case Opcode.END_ASYNC_FOR: return -3;
            default: throw new IllegalArgumentException("no stack effect for opcode " + op);
        }
    }
}
