package toy.cli;

/** The interactive prompt (line editing and history come with the REPL work). */
final class Repl {
    private Repl() {}

    static int run(boolean debug) {
        System.err.println("toy: the interactive prompt is not available yet; run a script or use -c CODE");
        return 2;
    }
}
