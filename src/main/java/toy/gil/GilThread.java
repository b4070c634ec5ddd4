package toy.gil;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;

/**
 * What the GIL knows about one interpreter thread: its drop-request flag (the GIL bit of the
 * eval breaker), its state (holding, waiting, blocked), and its statistics. Created by
 * {@link Gil#register}; every other method of {@link Gil} takes it as the "who am I" argument.
 *
 * <p>Only {@link #dropRequested()} / {@link #dropRequest} are meant to be read without the GIL's
 * mutex; all other fields are guarded by it (statistics are read through {@link Gil#stats()}).
 */
public final class GilThread {
    /** Not yet asked for the GIL. */
    static final int NEW = 0;
    static final int HOLDING = 1;
    static final int WAITING = 2;
    /** Released the GIL around a blocking call (or by a plain {@link Gil#release}). */
    static final int BLOCKED = 3;
    static final int EXITED = 4;
    static final String[] STATE_NAMES = {"new", "holding", "waiting", "blocked", "exited"};

    /** Position in registration order, from 0; the track number in traces. */
    public final int index;
    public final String name;
    public final long ident;

    /**
     * Non-zero when another thread has asked this one, the holder, to drop the GIL. The eval
     * loop reads it at every eval-breaker check (one volatile read); {@link Gil#yieldIfRequested}
     * acts on it. Written only under the GIL's mutex.
     */
    public volatile int dropRequest;

    /** Called (under the GIL's mutex, on the requesting thread) when a drop request is posted. */
    volatile Runnable onDropRequest;

    final Condition cond;

    // ---- guarded by Gil.mutex ----
    int state = NEW;
    long stateSince;
    long firstActiveNanos = -1;
    long exitNanos = -1;
    /** Came back from a blocking call and has not acquired the GIL yet. */
    boolean ioReturn;
    /** Last acquired after a blocking call and not forced to drop since (io-priority). */
    boolean ioBound;

    long acquisitions;
    long heldNanos;
    long waitNanos;
    long blockedNanos;
    long forcedDrops;
    long voluntaryDrops;
    long dropRequestsReceived;
    final WaitHistogram waits = new WaitHistogram();
    /** Where the thread was ("file:line") each time it dropped the GIL because it was asked. */
    final Map<String, Long> holders = new HashMap<>();

    GilThread(int index, String name, long ident, Condition cond) {
        this.index = index;
        this.name = name;
        this.ident = ident;
        this.cond = cond;
    }

    /** True when another thread has asked this one to drop the GIL (cheap: a volatile read). */
    public boolean dropRequested() { return dropRequest != 0; }

    /**
     * Installs a callback run whenever a drop request is posted to this thread, so that the VM can
     * set its own eval-breaker word (e.g. {@code () -> threadState.evalBreaker = 1}). It runs on
     * the requesting thread with the GIL's internal mutex held: it must only store a flag.
     */
    public void onDropRequest(Runnable hook) { this.onDropRequest = hook; }

    /** The top {@code n} attribution sites, by count (ties by name), most frequent first. */
    List<Map.Entry<String, Long>> topHolders(int n) {
        List<Map.Entry<String, Long>> all = new ArrayList<>(holders.entrySet());
        all.sort((a, b) -> {
            int c = Long.compare(b.getValue(), a.getValue());
            return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
        List<Map.Entry<String, Long>> top = new ArrayList<>();
        for (int i = 0; i < Math.min(n, all.size()); i++) top.add(Map.entry(all.get(i).getKey(), all.get(i).getValue()));
        return top;
    }

    @Override
    public String toString() {
        return "GilThread[" + name + ", " + ident + "]";
    }
}
