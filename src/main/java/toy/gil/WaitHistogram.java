package toy.gil;

/**
 * A log-linear histogram of durations in microseconds, in the manner of HdrHistogram: values
 * below 256 µs have a bucket each; above that every power of two is split into 128 linear
 * sub-buckets, so any recorded value is known to within 1/128 (under 0.8%) of itself, from
 * 1 µs up to about 76 hours (larger values are clamped). Memory is fixed (a few tens of KB).
 *
 * <p>The method names are those of {@code org.HdrHistogram.Histogram} ({@code recordValue},
 * {@code getValueAtPercentile}, {@code getMaxValue}, {@code getTotalCount}, {@code getMean},
 * {@code add}, {@code reset}) so that replacing this class with
 * {@code new Histogram(MAX_TRACKABLE, 2)} is a change of type only. Not thread-safe: the
 * GIL updates and reads it under its own mutex.
 */
public final class WaitHistogram {
    /** Values below this have a bucket of their own. */
    private static final int LINEAR = 256;
    /** Sub-buckets per power of two above {@link #LINEAR}. */
    private static final int SUB = 128;
    private static final int SUB_SHIFT = 7;
    /** Largest exponent step kept; larger values are clamped to the top bucket. */
    private static final int MAX_STEP = 30;
    /** The largest value that can be recorded without clamping. */
    public static final long MAX_TRACKABLE = ((2L * SUB) << MAX_STEP) - 1;

    private final long[] counts = new long[LINEAR + MAX_STEP * SUB];
    private long total;
    private long max;
    private long min = Long.MAX_VALUE;
    private double sum;

    /** Records one value (microseconds; negative values count as 0). */
    public void recordValue(long value) {
        if (value < 0) value = 0;
        if (value > MAX_TRACKABLE) value = MAX_TRACKABLE;
        counts[indexOf(value)]++;
        total++;
        sum += value;
        if (value > max) max = value;
        if (value < min) min = value;
    }

    static int indexOf(long v) {
        if (v < LINEAR) return (int) v;
        int step = 63 - Long.numberOfLeadingZeros(v) - SUB_SHIFT; // v >> step in [128, 256)
        return LINEAR + (step - 1) * SUB + (int) ((v >> step) - SUB);
    }

    /** The smallest value that falls into bucket {@code i}. */
    static long lowestOf(int i) {
        if (i < LINEAR) return i;
        int step = (i - LINEAR) / SUB + 1;
        long sub = (i - LINEAR) % SUB + SUB;
        return sub << step;
    }

    /** The largest value that falls into bucket {@code i}. */
    static long highestOf(int i) {
        if (i < LINEAR) return i;
        int step = (i - LINEAR) / SUB + 1;
        return lowestOf(i) + (1L << step) - 1;
    }

    public long getTotalCount() { return total; }

    /** The exact largest recorded value (0 when empty). */
    public long getMaxValue() { return max; }

    /** The exact smallest recorded value (0 when empty). */
    public long getMinValue() { return total == 0 ? 0 : min; }

    /** The exact mean of the recorded values (0 when empty). */
    public double getMean() { return total == 0 ? 0 : sum / total; }

    /**
     * The value below or at which {@code percentile} percent of the recorded values fall, to the
     * bucket's precision (the highest value equivalent to the bucket, as HdrHistogram reports
     * it, but never above the exact maximum). 0 when empty.
     */
    public long getValueAtPercentile(double percentile) {
        if (total == 0) return 0;
        double p = Math.min(Math.max(percentile, 0.0), 100.0);
        long target = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= target) return Math.min(highestOf(i), max);
        }
        return max;
    }

    /** Adds all values of another histogram to this one. */
    public void add(WaitHistogram other) {
        for (int i = 0; i < counts.length; i++) counts[i] += other.counts[i];
        total += other.total;
        sum += other.sum;
        if (other.total > 0) {
            max = Math.max(max, other.max);
            min = Math.min(min, other.min);
        }
    }

    public void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        max = 0;
        min = Long.MAX_VALUE;
        sum = 0;
    }

    public WaitHistogram copy() {
        WaitHistogram h = new WaitHistogram();
        h.add(this);
        return h;
    }
}
