package toy.lib;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A bit-for-bit reimplementation of the core of CPython 3.11's {@code random} module: the C
 * generator in {@code Modules/_randommodule.c} and the pure-Python layer in {@code Lib/random.py}.
 * A generator seeded here with the same value as {@code random.seed(...)} yields exactly the
 * numbers CPython yields, call for call.
 *
 * <p>CPython keeps the state of an MT19937 Mersenne Twister: 624 32-bit words and an index.
 * Seeding never uses the seed value directly as a 32-bit number. An {@code int} seed is replaced
 * by its absolute value, cut into 32-bit words least-significant word first (at least one word,
 * so seed 0 gives the key {@code [0]}), and that key is fed to the reference
 * {@code init_by_array}, which itself starts from {@code init_genrand(19650218)}. Both the sign
 * drop and the word order matter: {@code seed(-7)} equals {@code seed(7)}, and a seed wider than
 * 32 bits produces a longer key, not a truncated one. A {@code str} seed (version 2, the default)
 * is first turned into an int: its UTF-8 bytes followed by their SHA-512 digest, read as one
 * big-endian unsigned number. Any other hashable seed (in practice a {@code float}) is replaced
 * by {@code hash(x)} reinterpreted as an unsigned 64-bit number, with no absolute value taken.
 *
 * <p>Every output is built from 32-bit tempered words in a fixed order. {@code random()} takes two
 * words, keeps the top 27 and top 26 bits, and joins them into a 53-bit fraction, so each float
 * costs exactly two words. {@code getrandbits(k)} takes {@code ceil(k/32)} words and places them
 * little-endian (first word lowest), shifting only the last, most significant word right to
 * drop its low bits. All integer choices ({@code randrange}, {@code randint}, {@code choice},
 * {@code shuffle}, {@code sample}) go through {@code _randbelow_with_getrandbits}: draw
 * {@code n.bit_length()} bits and reject results {@code >= n}. Because rejection consumes words,
 * reproducing CPython's numbers requires reproducing the exact number and width of these draws,
 * including the argument arithmetic of {@code randrange} and the two algorithms of
 * {@code sample}, which are chosen by the same size heuristic CPython uses. The float
 * distributions ({@code gauss}, {@code expovariate}, ...) draw exactly CPython's uniforms, but
 * pass them through Java's {@code log}/{@code sin}/{@code cos}/{@code exp}, which can differ
 * from the C library's in the last bit (see {@link #gauss}).
 *
 * <p>Errors: where CPython raises {@code ValueError} these methods throw
 * {@link IllegalArgumentException}, and where it raises {@code IndexError} they throw
 * {@link IndexOutOfBoundsException}, in both cases with CPython's exact message. Converting a
 * float argument to an int can also raise {@code OverflowError}, and {@code expovariate(0.0)}
 * raises {@code ZeroDivisionError}; both become {@link ArithmeticException}. Type errors (such as a missing {@code stop} with a
 * {@code step}) are left to the caller, because this class only accepts already-typed arguments.
 *
 * <p>Instances are not thread-safe. Callers must serialize access, as CPython's GIL does.
 *
 * <p>The state, the seeding and the raw output live in {@link MersenneTwisterCore}, which this
 * class extends as {@code random.Random} extends {@code _random.Random}.
 */
public final class MersenneTwister extends MersenneTwisterCore {
    /** {@code Lib/random.py}'s {@code NV_MAGICCONST = 4 * exp(-0.5) / sqrt(2.0)}, as CPython computes it. */
    private static final double NV_MAGICCONST = 1.7155277699214135;
    /** {@code Lib/random.py}'s {@code TWOPI = 2.0 * pi}. */
    private static final double TWOPI = 6.283185307179586;

    /** Creates a generator seeded from the OS entropy source, like {@code random.Random()}. */
    public MersenneTwister() {
        seedFromTime();
    }

    /** Creates a generator as {@code random.Random(seed)} for an int seed. */
    public MersenneTwister(long seed) {
        seed(seed);
    }

    /** Creates a generator as {@code random.Random(seed)} for an int seed. */
    public MersenneTwister(BigInteger seed) {
        seed(seed);
    }

    /** Creates a generator as {@code random.Random(seed)} for a str seed (version 2). */
    public MersenneTwister(String seed) {
        seed(seed);
    }

    // ------------------------------------------------------------------ integers

    /**
     * {@code Random._randbelow_with_getrandbits(n)}: a uniform int in [0, n).
     *
     * @throws IllegalArgumentException if n &lt;= 0 (CPython does not check; n == 0 would loop
     *     forever there)
     */
    public long randbelow(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("randbelow() requires n > 0, got " + n);
        }
        int k = 64 - Long.numberOfLeadingZeros(n);
        long r = getrandbitsLong(k);
        while (r >= n) {
            r = getrandbitsLong(k);
        }
        return r;
    }

    /** Arbitrary-precision {@link #randbelow(long)}. */
    public BigInteger randbelow(BigInteger n) {
        if (n.signum() <= 0) {
            throw new IllegalArgumentException("randbelow() requires n > 0, got " + n);
        }
        if (n.bitLength() <= 63) {
            return BigInteger.valueOf(randbelow(n.longValue()));
        }
        int k = n.bitLength();
        BigInteger r = getrandbits(k);
        while (r.compareTo(n) >= 0) {
            r = getrandbits(k);
        }
        return r;
    }

    /**
     * {@code random.randrange(stop)}.
     *
     * @throws IllegalArgumentException {@code empty range for randrange()} if stop &lt;= 0
     */
    public long randrange(long stop) {
        if (stop > 0) {
            return randbelow(stop);
        }
        throw new IllegalArgumentException("empty range for randrange()");
    }

    /**
     * {@code random.randrange(start, stop)}.
     *
     * @throws IllegalArgumentException {@code empty range for randrange() (start, stop, width)}
     *     if stop &lt;= start
     */
    public long randrange(long start, long stop) {
        long width = stop - start;
        if (((stop ^ start) & (stop ^ width)) < 0) { // overflow: use exact arithmetic
            return randrange(BigInteger.valueOf(start), BigInteger.valueOf(stop)).longValue();
        }
        if (width > 0) {
            return start + randbelow(width);
        }
        throw new IllegalArgumentException(
                "empty range for randrange() (" + start + ", " + stop + ", " + width + ")");
    }

    /**
     * {@code random.randrange(start, stop, step)}.
     *
     * @throws IllegalArgumentException {@code zero step for randrange()} if step == 0;
     *     {@code empty range for randrange() (start, stop, width)} if step == 1 and the range is
     *     empty; {@code empty range for randrange()} if step != 1 and the range is empty
     */
    public long randrange(long start, long stop, long step) {
        if (step == 1) {
            return randrange(start, stop);
        }
        long n;
        try {
            long width = Math.subtractExact(stop, start);
            if (step > 0) {
                n = Math.floorDiv(Math.addExact(width, step - 1), step);
            } else if (step < 0) {
                n = Math.floorDiv(Math.addExact(width, step + 1), step);
            } else {
                throw new IllegalArgumentException("zero step for randrange()");
            }
        } catch (ArithmeticException overflow) {
            return randrange(BigInteger.valueOf(start), BigInteger.valueOf(stop), BigInteger.valueOf(step))
                    .longValue();
        }
        if (n <= 0) {
            throw new IllegalArgumentException("empty range for randrange()");
        }
        // start + step * r lies in the range between start and stop, so it fits a long even if
        // the intermediate product wraps around.
        return start + step * randbelow(n);
    }

    /** Arbitrary-precision {@link #randrange(long)}. */
    public BigInteger randrange(BigInteger stop) {
        if (stop.signum() > 0) {
            return randbelow(stop);
        }
        throw new IllegalArgumentException("empty range for randrange()");
    }

    /** Arbitrary-precision {@link #randrange(long, long)}; same errors. */
    public BigInteger randrange(BigInteger start, BigInteger stop) {
        BigInteger width = stop.subtract(start);
        if (width.signum() > 0) {
            return start.add(randbelow(width));
        }
        throw new IllegalArgumentException(
                "empty range for randrange() (" + start + ", " + stop + ", " + width + ")");
    }

    /** Arbitrary-precision {@link #randrange(long, long, long)}; same errors. */
    public BigInteger randrange(BigInteger start, BigInteger stop, BigInteger step) {
        if (step.equals(BigInteger.ONE)) {
            return randrange(start, stop);
        }
        BigInteger width = stop.subtract(start);
        BigInteger n;
        if (step.signum() > 0) {
            n = floorDiv(width.add(step).subtract(BigInteger.ONE), step);
        } else if (step.signum() < 0) {
            n = floorDiv(width.add(step).add(BigInteger.ONE), step);
        } else {
            throw new IllegalArgumentException("zero step for randrange()");
        }
        if (n.signum() <= 0) {
            throw new IllegalArgumentException("empty range for randrange()");
        }
        return start.add(step.multiply(randbelow(n)));
    }

    /**
     * Converts a float argument of {@code randrange} the way CPython 3.11 does after
     * {@code operator.index} fails: {@code int(x)}, rejected unless it equals {@code x}.
     * (CPython also emits a {@code DeprecationWarning} for an accepted float; that is the
     * caller's business.)
     *
     * @param position 1 for start (or the lone argument), 2 for stop, 3 for step
     * @throws IllegalArgumentException {@code non-integer arg 1 for randrange()},
     *     {@code non-integer stop for randrange()} or {@code non-integer step for randrange()}
     *     for a non-integral finite value; {@code cannot convert float NaN to integer} for NaN
     * @throws ArithmeticException {@code cannot convert float infinity to integer} (CPython's
     *     {@code OverflowError}) for an infinity
     */
    public static BigInteger randrangeArg(double x, int position) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(x)) {
            throw new ArithmeticException("cannot convert float infinity to integer");
        }
        if (x != Math.rint(x)) {
            String which = position == 1 ? "arg 1" : position == 2 ? "stop" : "step";
            throw new IllegalArgumentException("non-integer " + which + " for randrange()");
        }
        return new java.math.BigDecimal(x).toBigIntegerExact();
    }

    /** {@code random.randint(a, b)}, i.e. {@code randrange(a, b + 1)}; same errors. */
    public long randint(long a, long b) {
        if (b == Long.MAX_VALUE) {
            return randint(BigInteger.valueOf(a), BigInteger.valueOf(b)).longValue();
        }
        return randrange(a, b + 1);
    }

    /** Arbitrary-precision {@link #randint(long, long)}. */
    public BigInteger randint(BigInteger a, BigInteger b) {
        return randrange(a, b.add(BigInteger.ONE));
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        if (qr[1].signum() != 0 && (qr[1].signum() != b.signum())) {
            return qr[0].subtract(BigInteger.ONE);
        }
        return qr[0];
    }

    // ------------------------------------------------------------------ sequences

    /**
     * The index {@code random.choice(seq)} picks for a sequence of length {@code size}:
     * {@code randbelow(size)}.
     *
     * @throws IndexOutOfBoundsException {@code Cannot choose from an empty sequence} if size == 0
     */
    public int choiceIndex(int size) {
        if (size <= 0) {
            throw new IndexOutOfBoundsException("Cannot choose from an empty sequence");
        }
        return (int) randbelow(size);
    }

    /** {@link #choiceIndex(int)} for a long length. */
    public long choiceIndex(long size) {
        if (size <= 0) {
            throw new IndexOutOfBoundsException("Cannot choose from an empty sequence");
        }
        return randbelow(size);
    }

    /** Swaps two positions of some sequence; lets {@link #shuffle(int, Swapper)} shuffle any container. */
    @FunctionalInterface
    public interface Swapper {
        void swap(int i, int j);
    }

    /**
     * {@code random.shuffle(x)} for a sequence of length {@code size}, performing the swaps
     * through {@code swapper}: for i from size-1 down to 1, swap i with {@code randbelow(i + 1)}.
     */
    public void shuffle(int size, Swapper swapper) {
        for (int i = size - 1; i >= 1; i--) {
            int j = (int) randbelow(i + 1);
            swapper.swap(i, j);
        }
    }

    /** {@code random.shuffle(x)} on a Java list, in place. */
    public void shuffle(List<?> list) {
        shuffle(list.size(), (i, j) -> swapList(list, i, j));
    }

    private static <T> void swapList(List<T> list, int i, int j) {
        T t = list.get(i);
        list.set(i, list.get(j));
        list.set(j, t);
    }

    /** {@code random.shuffle(x)} on an array, in place. */
    public void shuffle(Object[] a) {
        shuffle(a.length, (i, j) -> {
            Object t = a[i];
            a[i] = a[j];
            a[j] = t;
        });
    }

    /** {@code random.shuffle(x)} on an int array, in place. */
    public void shuffle(int[] a) {
        shuffle(a.length, (i, j) -> {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        });
    }

    /**
     * The indices {@code random.sample(population, k)} selects from a population of length
     * {@code n}, in selection order (so {@code sample(range(n), k)} is exactly this array).
     * Like CPython, uses a shrinking pool of candidates when {@code n <= setsize} and otherwise
     * redraws against a set of already-selected indices, where {@code setsize = 21}, plus
     * {@code 4 ** ceil(log(3 * k, 4))} when {@code k > 5}.
     *
     * @throws IllegalArgumentException {@code Sample larger than population or is negative}
     *     unless {@code 0 <= k <= n}
     */
    public int[] sample(int n, int k) {
        long[] picked = sample((long) n, k);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = (int) picked[i];
        }
        return out;
    }

    /**
     * {@link #sample(int, int)} for a population whose length needs a long (CPython's
     * {@code len()} is limited to {@code sys.maxsize}, so a long covers every population).
     */
    public long[] sample(long n, int k) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("Sample larger than population or is negative");
        }
        long[] result = new long[k];
        if (n <= setsize(k)) {
            // n <= setsize <= 21 + 4**17 here; CPython would build an n-element list.
            if (n > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("sample pool of " + n + " elements");
            }
            int size = (int) n;
            long[] pool = new long[size];
            for (int i = 0; i < size; i++) {
                pool[i] = i;
            }
            for (int i = 0; i < k; i++) {
                int j = (int) randbelow(size - i);
                result[i] = pool[j];
                pool[j] = pool[size - i - 1];
            }
        } else {
            Set<Long> selected = new HashSet<>();
            for (int i = 0; i < k; i++) {
                long j = randbelow(n);
                while (selected.contains(j)) {
                    j = randbelow(n);
                }
                selected.add(j);
                result[i] = j;
            }
        }
        return result;
    }

    /**
     * {@code random.sample(population, k, counts=counts)}: returns indices into the population
     * (whose length is {@code counts.length}). CPython samples {@code range(total)} and maps each
     * draw back with {@code bisect_right} over the running totals.
     *
     * @throws IllegalArgumentException {@code Total of counts must be greater than zero}, or the
     *     errors of {@link #sample(long, int)}
     * @throws IndexOutOfBoundsException {@code pop from empty list} for an empty population
     * @throws ArithmeticException if the total overflows a long (CPython raises
     *     {@code OverflowError} when {@code len(range(total))} exceeds {@code sys.maxsize})
     */
    public int[] sampleWithCounts(long[] counts, int k) {
        int n = counts.length;
        long[] cum = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            total = Math.addExact(total, counts[i]);
            cum[i] = total;
        }
        if (n == 0) {
            throw new IndexOutOfBoundsException("pop from empty list"); // cum_counts.pop()
        }
        if (total <= 0) {
            throw new IllegalArgumentException("Total of counts must be greater than zero");
        }
        long[] selections = sample(total, k);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            long s = selections[i];
            // bisect_right(cum_counts[:-1], s)
            int lo = 0;
            int hi = n - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (s < cum[mid]) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            out[i] = lo;
        }
        return out;
    }

    /** {@code 21 + (4 ** ceil(log(3 * k, 4)) if k > 5 else 0)}, computed exactly. */
    static long setsize(int k) {
        long size = 21;
        if (k > 5) {
            // 3k is never a power of 4, and for k < 2**31 the float log(3k, 4) is far enough from
            // an integer that CPython's ceil equals the exact smallest m with 4**m > 3k.
            long target = 3L * k;
            long power = 1;
            while (power <= target) {
                power <<= 2;
            }
            size += power;
        }
        return size;
    }

    /**
     * The index {@code random.choices(population, k=...)} (no weights) picks for each draw:
     * {@code floor(random() * n)}.
     */
    public int choicesIndex(int n) {
        return (int) Math.floor(random() * (double) n);
    }

    /**
     * The index {@code random.choices(population, cum_weights=cumWeights)} picks for one draw:
     * {@code bisect(cum_weights, random() * total, 0, n - 1)} with
     * {@code total = cum_weights[-1] + 0.0}. Weights are doubles here; integer weights above
     * 2**53 would compare slightly differently than in CPython.
     *
     * @throws IllegalArgumentException {@code Total of weights must be greater than zero} or
     *     {@code Total of weights must be finite}
     * @throws IndexOutOfBoundsException {@code list index out of range} for an empty array
     */
    public int weightedChoiceIndex(double[] cumWeights) {
        int n = cumWeights.length;
        if (n == 0) {
            throw new IndexOutOfBoundsException("list index out of range");
        }
        double total = cumWeights[n - 1] + 0.0;
        if (total <= 0.0) {
            throw new IllegalArgumentException("Total of weights must be greater than zero");
        }
        if (!Double.isFinite(total)) {
            throw new IllegalArgumentException("Total of weights must be finite");
        }
        double x = random() * total;
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x < cumWeights[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    // ------------------------------------------------------------------ floats

    /** {@code random.uniform(a, b)}: {@code a + (b - a) * random()}. */
    public double uniform(double a, double b) {
        return a + (b - a) * random();
    }

    /** {@code random.triangular(low, high)}, i.e. with {@code mode=None}. */
    public double triangular(double low, double high) {
        return triangular(low, high, random(), 0.5);
    }

    /**
     * {@code random.triangular(low, high, mode)}. When {@code high == low}, CPython catches the
     * {@code ZeroDivisionError} of {@code (mode - low) / (high - low)} and returns {@code low}
     * (after drawing one {@code random()}).
     */
    public double triangular(double low, double high, double mode) {
        double u = random();
        if (high - low == 0.0) {
            return low;
        }
        return triangular(low, high, u, (mode - low) / (high - low));
    }

    private static double triangular(double low, double high, double u, double c) {
        if (u > c) {
            u = 1.0 - u;
            c = 1.0 - c;
            double t = low;
            low = high;
            high = t;
        }
        return low + (high - low) * Math.sqrt(u * c);
    }

    /**
     * {@code random.gauss(mu, sigma)}: Box-Muller, keeping the second value of each pair for the
     * next call (reset by every seed). The uniform draws, and so the generator state, match
     * CPython exactly; the result goes through {@link Math#log}, {@link Math#cos} and
     * {@link Math#sin}, which agree with the C library CPython links (glibc here) except for a
     * last-bit difference in roughly 1 value in 500 (at most 2 ulp observed). Neither side is
     * correctly rounded, and CPython's own results differ between platforms' libms.
     */
    public double gauss(double mu, double sigma) {
        double z;
        if (hasGaussNext) {
            z = gaussNext;
            clearGauss();
        } else {
            double x2pi = random() * TWOPI;
            double g2rad = Math.sqrt(-2.0 * Math.log(1.0 - random()));
            z = Math.cos(x2pi) * g2rad;
            gaussNext = Math.sin(x2pi) * g2rad;
            hasGaussNext = true;
        }
        return mu + z * sigma;
    }

    /**
     * {@code random.normalvariate(mu, sigma)}: the Kinderman-Monahan ratio-of-uniforms method.
     * Only the acceptance test uses {@code log}, so results match CPython exactly unless a draw
     * falls within an ulp of the acceptance boundary (see {@link #gauss}).
     */
    public double normalvariate(double mu, double sigma) {
        double z;
        while (true) {
            double u1 = random();
            double u2 = 1.0 - random();
            z = NV_MAGICCONST * (u1 - 0.5) / u2;
            double zz = z * z / 4.0;
            if (zz <= -Math.log(u2)) {
                break;
            }
        }
        return mu + z * sigma;
    }

    /**
     * {@code random.lognormvariate(mu, sigma)}: {@code exp(normalvariate(mu, sigma))}; {@code exp}
     * may differ from the C library's in the last bit (see {@link #gauss}).
     */
    public double lognormvariate(double mu, double sigma) {
        return Math.exp(normalvariate(mu, sigma));
    }

    /**
     * {@code random.expovariate(lambd)}: {@code -log(1.0 - random()) / lambd}. A zero
     * {@code lambd} raises {@code ZeroDivisionError} in CPython; here it throws
     * {@link ArithmeticException} {@code float division by zero}. {@code log} may differ from the
     * C library's in the last bit (see {@link #gauss}).
     */
    public double expovariate(double lambd) {
        double u = random();
        if (lambd == 0.0) {
            throw new ArithmeticException("float division by zero");
        }
        return -Math.log(1.0 - u) / lambd;
    }
}
