package toy.lib;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import toy.conformance.ToyRun;

/** The refcount section of the statistics (--gil-stats-json and gil.stats()). */
class RefcountStatsTest {
    private static long field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json.substring(json.indexOf("\"refcount\"")));
        assertTrue(m.find(), name + " missing in " + json);
        return Long.parseLong(m.group(1));
    }

    @Test
    void statsJsonCountsContainersBornFreedAndCollected(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("churn.toy");
        Files.writeString(script, String.join("\n",
                "import gc",
                "for i in range(1000):",
                "    l = [i]",
                "    l.append(l)",
                "gc.collect()",
                "keep = [[j] for j in range(500)]",
                "print('done')", ""));
        Path json = dir.resolve("stats.json");
        ToyRun.Result r = ToyRun.run(List.of("--gil-stats-json", json.toString(), script.toString()), 60);
        assertEquals(0, r.status(), r.stderr());
        String s = Files.readString(json);
        long allocated = field(s, "allocated"), freed = field(s, "freed"), byGc = field(s, "freed_by_gc");
        long peak = field(s, "peak_live"), collections = field(s, "collections");
        assertTrue(allocated >= 1500, "the lists made by the script: " + allocated);
        assertTrue(byGc >= 1000, "the self-referencing lists were freed by the collector: " + byGc);
        assertTrue(freed >= byGc && allocated >= freed, s);
        assertTrue(peak >= 500 && peak <= allocated, s);
        assertTrue(collections >= 1, s);
    }
}
