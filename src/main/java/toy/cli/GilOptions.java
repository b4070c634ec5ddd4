package toy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import toy.gil.Gil;
import toy.gil.GilStats;
import toy.lib.StdStreams;

/** The command line's GIL options: set up the lock before the script runs, report after it. */
final class GilOptions {
    private Double interval;
    private Gil.Policy policy;
    private boolean stats, chaos;
    private String statsJson, trace, timeline;
    /** The recording started by {@link #apply}, when a trace or timeline was asked for. */
    private toy.gil.GilTrace recording;

    /** Reads the options; IllegalArgumentException (exit status 2) for malformed values. */
    static GilOptions from(CommandLine cl) {
        GilOptions g = new GilOptions();
        if (cl.hasOption("switch-interval")) g.interval = parseInterval(cl.getOptionValue("switch-interval"));
        if (cl.hasOption("gil-policy")) {
            String name = cl.getOptionValue("gil-policy");
            try {
                g.policy = Gil.Policy.fromName(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown --gil-policy '" + name + "' (choose cpython, fifo or io-priority)");
            }
        }
        g.stats = cl.hasOption("gil-stats");
        g.chaos = cl.hasOption("switch-every-instruction");
        // read once by the eval loop when it loads (see Interpreter.CHAOS)
        if (g.chaos) System.setProperty("toy.chaos", "true");
        g.statsJson = cl.getOptionValue("gil-stats-json");
        g.trace = cl.getOptionValue("gil-trace");
        g.timeline = cl.getOptionValue("gil-timeline");
        return g;
    }

    /** "0.005", "5ms", "500us", "2s" to seconds. */
    static double parseInterval(String text) {
        String t = text.trim().toLowerCase();
        double scale = 1;
        if (t.endsWith("ms")) { scale = 1e-3; t = t.substring(0, t.length() - 2); }
        else if (t.endsWith("us")) { scale = 1e-6; t = t.substring(0, t.length() - 2); }
        else if (t.endsWith("ns")) { scale = 1e-9; t = t.substring(0, t.length() - 2); }
        else if (t.endsWith("s")) { t = t.substring(0, t.length() - 1); }
        double v;
        try {
            v = Double.parseDouble(t.trim()) * scale;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad --switch-interval '" + text + "' (use seconds, or 5ms, 500us)");
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("--switch-interval must be strictly positive, not '" + text + "'");
        }
        return v;
    }

    void apply(Gil gil) {
        if (interval != null) gil.setSwitchInterval(interval);
        if (policy != null) gil.setPolicy(policy);
        if (chaos) gil.setSwitchEveryInstruction(true);
        if (trace != null || timeline != null) recording = gil.startTrace();
        gil.resetStats();
        toy.vm.EvalBreaker.startWarmupTicks(gil, true);
    }

    void report(Gil gil) {
        if (recording != null) gil.stopTrace();
        GilStats s = gil.stats();
        try {
            if (stats) {
                StdStreams.stderr().write(s.toTable());
                StdStreams.flushAll();
            }
            if (statsJson != null) Files.writeString(Path.of(statsJson), s.toJson(), StandardCharsets.UTF_8);
            if (trace != null) recording.writeChromeTrace(Path.of(trace));
            if (timeline != null) recording.writeSvg(Path.of(timeline));
        } catch (IOException e) {
            System.err.println("toy: cannot write GIL report: " + e.getMessage());
        }
    }
}
