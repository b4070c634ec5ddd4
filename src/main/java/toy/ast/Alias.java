package toy.ast;

/** {@code name as asname} in an import; name may be dotted ("a.b"); asname may be null. */
public record Alias(Pos pos, String name, String asname) {}
