package toy.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The symbols of one scope (module, class, function, lambda or comprehension), as analysed. */
final class Scope {
    enum Kind { MODULE, CLASS, FUNCTION }

    /** How a name is reached at run time. */
    enum Access { LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL, NAME }

    static final int DEF_LOCAL = 1, DEF_PARAM = 2, DEF_GLOBAL = 4, DEF_NONLOCAL = 8, USE = 16;

    final Kind kind;
    final String name;
    final Scope parent;
    final List<Scope> children = new ArrayList<>();
    /** Flags per name, in first-seen order. */
    final Map<String, Integer> flags = new LinkedHashMap<>();
    /** Where each nonlocal declaration is, for the "no binding" error. */
    final Map<String, toy.ast.Pos> nonlocalPos = new java.util.HashMap<>();
    /** Parameters in order. */
    final List<String> params = new ArrayList<>();
    /** Resolved access per name (after analysis). */
    final Map<String, Access> access = new LinkedHashMap<>();
    final Set<String> cells = new LinkedHashSet<>();
    final Set<String> frees = new LinkedHashSet<>();
    boolean isGenerator, isCoroutine, isLambda, isComprehension;
    /** The function uses super() or __class__, so the class must provide a __class__ cell. */
    boolean needsClassCell;
    /** For class scopes: some method needs __class__. */
    boolean providesClassCell;
    /** The AST node this scope belongs to (for lookup by the compiler). */
    final Object node;

    Scope(Kind kind, String name, Scope parent, Object node) {
        this.kind = kind;
        this.name = name;
        this.parent = parent;
        this.node = node;
        if (parent != null) parent.children.add(this);
    }

    void add(String name, int flag) { flags.merge(name, flag, (a, b) -> a | b); }

    Access get(String name) {
        Access a = access.get(name);
        if (a != null) return a;
        return kind == Kind.FUNCTION ? Access.GLOBAL_IMPLICIT : Access.NAME;
    }
}
