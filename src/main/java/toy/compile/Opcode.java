package toy.compile;

/**
 * The instruction set, in one place: each opcode with a one-line description and its stack
 * effect ({@code before -- after}, top of stack rightmost). An instruction is one int:
 * {@code opcode | (arg << 8)}. Jump arguments are absolute instruction indexes.
 */
public final class Opcode {
    private Opcode() {}

    /** Does nothing. ( -- ) */
    public static final int NOP = 0;
    /** Discards the top of stack. ( v -- ) */
    public static final int POP_TOP = 1;
    /** Duplicates the top of stack. ( v -- v v ) */
    public static final int DUP_TOP = 2;
    /** Duplicates the two top items. ( a b -- a b a b ) */
    public static final int DUP_TOP_TWO = 3;
    /** Swaps the two top items. ( a b -- b a ) */
    public static final int ROT_TWO = 4;
    /** Lifts the second and third items up one, moves the top down to third. ( a b c -- c a b ) */
    public static final int ROT_THREE = 5;
    /** ( a b c d -- d a b c ) */
    public static final int ROT_FOUR = 6;
    /** Pushes constant [arg]. ( -- v ) */
    public static final int LOAD_CONST = 7;
    /** Pushes local slot [arg]; UnboundLocalError when unset. ( -- v ) */
    public static final int LOAD_FAST = 8;
    /** Stores into local slot [arg]. ( v -- ) */
    public static final int STORE_FAST = 9;
    /** Unbinds local slot [arg]. ( -- ) */
    public static final int DELETE_FAST = 10;
    /** Pushes the value of cell [arg] (cellvars, then freevars). ( -- v ) */
    public static final int LOAD_DEREF = 11;
    /** Stores into cell [arg]. ( v -- ) */
    public static final int STORE_DEREF = 12;
    /** Unbinds cell [arg]. ( -- ) */
    public static final int DELETE_DEREF = 13;
    /** Pushes cell [arg] itself, for building a closure. ( -- cell ) */
    public static final int LOAD_CLOSURE = 14;
    /** Pushes global name [arg], falling back to builtins. ( -- v ) */
    public static final int LOAD_GLOBAL = 15;
    /** Stores global name [arg]. ( v -- ) */
    public static final int STORE_GLOBAL = 16;
    /** Deletes global name [arg]. ( -- ) */
    public static final int DELETE_GLOBAL = 17;
    /** Pushes name [arg] from the locals mapping, then globals, then builtins. ( -- v ) */
    public static final int LOAD_NAME = 18;
    /** Stores name [arg] in the locals mapping. ( v -- ) */
    public static final int STORE_NAME = 19;
    /** Deletes name [arg] from the locals mapping. ( -- ) */
    public static final int DELETE_NAME = 20;
    /** In a class body: the free variable of cell [arg], looked up first in the class namespace. ( -- v ) */
    public static final int LOAD_CLASSDEREF = 21;
    /** Replaces an object with its attribute [arg]. ( o -- v ) */
    public static final int LOAD_ATTR = 22;
    /** Sets attribute [arg]. ( v o -- ) */
    public static final int STORE_ATTR = 23;
    /** Deletes attribute [arg]. ( o -- ) */
    public static final int DELETE_ATTR = 24;
    /** Looks up method [arg] without binding when possible. ( o -- meth self ) or ( o -- boundOrAttr null ) */
    public static final int LOAD_METHOD = 25;
    /** Calls the result of LOAD_METHOD with [arg] positional arguments. ( meth self a1..an -- r ) */
    public static final int CALL_METHOD = 26;
    /** Subscript. ( o k -- o[k] ) */
    public static final int BINARY_SUBSCR = 27;
    /** Subscript assignment. ( v o k -- ) */
    public static final int STORE_SUBSCR = 28;
    /** Subscript deletion. ( o k -- ) */
    public static final int DELETE_SUBSCR = 29;
    /** Binary operator [arg] (a BinOp code). ( a b -- r ) */
    public static final int BINARY_OP = 30;
    /** In-place operator [arg] (a BinOp code). ( a b -- r ) */
    public static final int INPLACE_OP = 31;
    /** Unary operator [arg] (BinOp.NEG, POS, INVERT). ( v -- r ) */
    public static final int UNARY_OP = 32;
    /** Logical not. ( v -- bool ) */
    public static final int UNARY_NOT = 33;
    /** Rich comparison [arg] (a Compare code). ( a b -- r ) */
    public static final int COMPARE_OP = 34;
    /** Identity test; [arg] 1 negates. ( a b -- bool ) */
    public static final int IS_OP = 35;
    /** Membership test a in b; [arg] 1 negates. ( a b -- bool ) */
    public static final int CONTAINS_OP = 36;
    /** Jumps forward to [arg]. ( -- ) */
    public static final int JUMP = 37;
    /** Jumps back to [arg] and checks the eval breaker. ( -- ) */
    public static final int JUMP_BACKWARD = 38;
    /** Pops; jumps to [arg] when false. ( v -- ) */
    public static final int POP_JUMP_IF_FALSE = 39;
    /** Pops; jumps to [arg] when true. ( v -- ) */
    public static final int POP_JUMP_IF_TRUE = 40;
    /** Jumps to [arg] keeping v when false, else pops. ( v -- v? ) */
    public static final int JUMP_IF_FALSE_OR_POP = 41;
    /** Jumps to [arg] keeping v when true, else pops. ( v -- v? ) */
    public static final int JUMP_IF_TRUE_OR_POP = 42;
    /** Replaces an iterable with its iterator. ( o -- it ) */
    public static final int GET_ITER = 43;
    /** Pushes the next item, or pops the iterator and jumps to [arg] when exhausted. ( it -- it v ) */
    public static final int FOR_ITER = 44;
    /** Builds a tuple of [arg] items. ( a1..an -- t ) */
    public static final int BUILD_TUPLE = 45;
    /** Builds a list of [arg] items. ( a1..an -- l ) */
    public static final int BUILD_LIST = 46;
    /** Builds a set of [arg] items. ( a1..an -- s ) */
    public static final int BUILD_SET = 47;
    /** Builds a dict of [arg] key/value pairs. ( k1 v1..kn vn -- d ) */
    public static final int BUILD_MAP = 48;
    /** Builds a slice of [arg] (2 or 3) parts. ( a b [c] -- s ) */
    public static final int BUILD_SLICE = 49;
    /** Concatenates [arg] strings. ( s1..sn -- s ) */
    public static final int BUILD_STRING = 50;
    /** Appends to the list [arg] items down (used by comprehensions). ( ... l ... v -- ... l ... ) */
    public static final int LIST_APPEND = 51;
    /** Adds to the set [arg] items down. ( ... s ... v -- ... s ... ) */
    public static final int SET_ADD = 52;
    /** Stores into the dict [arg] items down. ( ... d ... k v -- ... d ... ) */
    public static final int MAP_ADD = 53;
    /** Extends the list [arg] down with an iterable. ( ... l ... it -- ... l ... ) */
    public static final int LIST_EXTEND = 54;
    /** Updates the set [arg] down with an iterable. ( ... s ... it -- ... s ... ) */
    public static final int SET_UPDATE = 55;
    /** Updates the dict [arg] down with a mapping. ( ... d ... m -- ... d ... ) */
    public static final int DICT_UPDATE = 56;
    /** Like DICT_UPDATE for ** call arguments: duplicate keys are an error. ( ... d ... m -- ... d ... ) */
    public static final int DICT_MERGE = 57;
    /** Converts a list to a tuple. ( l -- t ) */
    public static final int LIST_TO_TUPLE = 58;
    /** Unpacks an iterable of exactly [arg] items, last item pushed first. ( it -- vn..v1 ) */
    public static final int UNPACK_SEQUENCE = 59;
    /** Unpacks with a starred target: [arg] = before | after << 8. ( it -- ... ) */
    public static final int UNPACK_EX = 60;
    /** Formats for an f-string; [arg] = conversion (0 none, 1 str, 2 repr, 3 ascii) | 4 when a spec is on the stack. ( v [spec] -- s ) */
    public static final int FORMAT_VALUE = 61;
    /** Calls with [arg] positional arguments. ( f a1..an -- r ) */
    public static final int CALL = 62;
    /** Calls with [arg] arguments, the last ones named by the tuple of names on top. ( f a1..an names -- r ) */
    public static final int CALL_KW = 63;
    /** Calls with an argument tuple and, when [arg] is 1, a keyword dict. ( f args [kwargs] -- r ) */
    public static final int CALL_FUNCTION_EX = 64;
    /** Makes a function from a code constant; [arg] flags: 1 defaults, 2 kw-defaults, 8 closure. ( [defs] [kwdefs] [closure] code -- f ) */
    public static final int MAKE_FUNCTION = 65;
    /** Returns from the frame. ( v -- ) */
    public static final int RETURN_VALUE = 66;
    /** Suspends a generator, yielding v; resumes with the sent value. ( v -- sent ) */
    public static final int YIELD_VALUE = 67;
    /** Delegates to a sub-iterator (yield from / await) until it returns. ( it v -- r ) */
    public static final int YIELD_FROM = 68;
    /** iter() for yield from: coroutines and generators pass through. ( o -- it ) */
    public static final int GET_YIELD_FROM_ITER = 69;
    /** The awaitable's iterator, for await. ( o -- it ) */
    public static final int GET_AWAITABLE = 70;
    /** raise: [arg] 0 re-raises, 1 raises exc, 2 raises exc from cause. ( [exc [cause]] -- ) */
    public static final int RAISE_VARARGS = 71;
    /** Re-raises the exception on top without adding a traceback entry. ( exc -- ) */
    public static final int RERAISE = 72;
    /** Enters an except block: saves the handled exception and makes exc the handled one. ( exc -- prev exc ) */
    public static final int PUSH_EXC_INFO = 73;
    /** Leaves an except block, restoring the previously handled exception. ( prev -- ) */
    public static final int POP_EXCEPT = 74;
    /** Pops the type; jumps to [arg] when exc does not match it. ( exc type -- exc ) */
    public static final int JUMP_IF_NOT_EXC_MATCH = 75;
    /** Pushes a block: exceptions until POP_BLOCK go to handler [arg]. ( -- ) */
    public static final int SETUP_FINALLY = 76;
    /** Pops the innermost block. ( -- ) */
    public static final int POP_BLOCK = 77;
    /** Enters a with statement and pushes a block with handler [arg]. ( mgr -- exit value ) */
    public static final int SETUP_WITH = 78;
    /** In a with handler: calls exit(type, exc, tb). ( exit prev exc -- exit prev exc result ) */
    public static final int WITH_EXCEPT_START = 79;
    /** Pushes the __build_class__ builtin. ( -- f ) */
    public static final int LOAD_BUILD_CLASS = 80;
    /** Imports module [arg]. ( level fromlist -- module ) */
    public static final int IMPORT_NAME = 81;
    /** Pushes attribute [arg] of the module for from-import. ( m -- m v ) */
    public static final int IMPORT_FROM = 82;
    /** from m import *. ( m -- ) */
    public static final int IMPORT_STAR = 83;
    /** Pushes AssertionError. ( -- t ) */
    public static final int LOAD_ASSERTION_ERROR = 84;
    /** Prints a REPL expression result (repr, unless None) and sets builtins._. ( v -- ) */
    public static final int PRINT_EXPR = 85;
    /** Enters an async with: awaits __aenter__ (the await follows). ( mgr -- exit awaitable ) */
    public static final int BEFORE_ASYNC_WITH = 86;
    /** Pushes a block for an async with (as SETUP_FINALLY, [arg] handler). ( -- ) */
    public static final int SETUP_ASYNC_WITH = 87;
    /** Replaces an async iterable with its async iterator. ( o -- ait ) */
    public static final int GET_AITER = 88;
    /** Pushes the awaitable of ait.__anext__(). ( ait -- ait awaitable ) */
    public static final int GET_ANEXT = 89;
    /** Ends an async for: if exc is StopAsyncIteration, pops it and the iterator, else re-raises. ( ait prev exc -- ) */
    public static final int END_ASYNC_FOR = 90;
    /** Copies the item [arg] down to the top (1 is the top). ( .. v .. -- .. v .. v ) */
    public static final int COPY = 91;
    /** Pops; jumps to [arg] when v is None. ( v -- ) */
    public static final int POP_JUMP_IF_NONE = 92;
    /** Pops; jumps to [arg] when v is not None. ( v -- ) */
    public static final int POP_JUMP_IF_NOT_NONE = 93;
    /** Creates an empty __annotations__ dict in the locals mapping. ( -- ) */
    public static final int SETUP_ANNOTATIONS = 94;

    /** Names for the disassembler, indexed by opcode. */
    public static final String[] NAMES = new String[96];

    static {
        for (java.lang.reflect.Field f : Opcode.class.getFields()) {
            if (f.getType() == int.class) {
                try {
                    NAMES[f.getInt(null)] = f.getName();
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** True for opcodes whose argument is a jump target. */
    public static boolean isJump(int op) {
        return op == JUMP || op == JUMP_BACKWARD || op == POP_JUMP_IF_FALSE || op == POP_JUMP_IF_TRUE
                || op == JUMP_IF_FALSE_OR_POP || op == JUMP_IF_TRUE_OR_POP || op == FOR_ITER
                || op == JUMP_IF_NOT_EXC_MATCH || op == SETUP_FINALLY || op == SETUP_WITH
                || op == SETUP_ASYNC_WITH || op == POP_JUMP_IF_NONE || op == POP_JUMP_IF_NOT_NONE;
    }
}
