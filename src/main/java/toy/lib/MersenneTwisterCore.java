package toy.lib;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The generator core of {@link MersenneTwister}, as CPython splits it between the C type
 * {@code _random.Random} and the Python class {@code random.Random} that extends it: this class
 * holds the MT19937 state (and {@code gauss_next}, which every seeding clears), the seeding
 * rules and the raw outputs ({@code random()}, {@code getrandbits}, {@code randbytes});
 * MersenneTwister adds {@code Lib/random.py}'s integer, sequence and float methods on top. The
 * seeding and word-order rules are described in MersenneTwister's class comment.
 */
abstract class MersenneTwisterCore {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    /** The modulus of CPython's numeric hash, {@code 2**61 - 1}. */
    private static final BigInteger HASH_MODULUS = BigInteger.ONE.shiftLeft(61).subtract(BigInteger.ONE);
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final int[] mt = new int[N];
    private int index = N + 1;
    /** {@code Random.gauss_next}: the second value of the last Box-Muller pair, or NaN for None. */
    double gaussNext = Double.NaN;
    boolean hasGaussNext;

    // ------------------------------------------------------------------ seeding

    /**
     * {@code random.seed(None)}: seeds from {@link SecureRandom}. CPython reads 624 words from
     * {@code os.urandom}; any unpredictable key is equivalent.
     */
    public void seedFromTime() {
        SecureRandom source = new SecureRandom();
        int[] key = new int[N];
        for (int i = 0; i < N; i++) {
            key[i] = source.nextInt();
        }
        initByArray(key);
        clearGauss();
    }

    /** {@code random.seed(n)} for an int {@code n}: seeds with {@code abs(n)} as little-endian 32-bit words. */
    public void seed(long n) {
        // abs as an unsigned 64-bit value: -Long.MIN_VALUE wraps to the bit pattern of 2**63.
        long a = n < 0 ? -n : n;
        int low = (int) a;
        int high = (int) (a >>> 32);
        initByArray(high != 0 ? new int[] {low, high} : new int[] {low});
        clearGauss();
    }

    /** {@code random.seed(n)} for an arbitrary-precision int {@code n}. */
    public void seed(BigInteger n) {
        seedUnsigned(n.abs());
        clearGauss();
    }

    /**
     * {@code random.seed(s)} for a str {@code s} (version 2): seeds with
     * {@code int.from_bytes(s.encode() + sha512(s.encode()).digest(), 'big')}.
     *
     * @throws IllegalArgumentException if {@code s} holds an unpaired surrogate, which Python's
     *     UTF-8 encoder rejects with {@code UnicodeEncodeError} (a {@code ValueError})
     */
    public void seed(String s) {
        seed(encodeUtf8Strict(s));
    }

    /** {@code random.seed(b)} for {@code bytes} or {@code bytearray} (version 2). */
    public void seed(byte[] bytes) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-512").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
        byte[] all = new byte[bytes.length + digest.length];
        System.arraycopy(bytes, 0, all, 0, bytes.length);
        System.arraycopy(digest, 0, all, bytes.length, digest.length);
        seed(new BigInteger(1, all));
    }

    /**
     * {@code random.seed(x)} for a float {@code x}: CPython seeds with {@code hash(x)} taken as an
     * unsigned 64-bit number (so {@code seed(3.0) == seed(3)} but {@code seed(-2.0)} is
     * {@code seed(2**64 - 2)}). A NaN hashes by object identity in CPython 3.11, so it is
     * effectively a random seed; here it seeds from {@link #seedFromTime()}.
     */
    public void seed(double x) {
        if (Double.isNaN(x)) {
            seedFromTime();
            return;
        }
        seedFromHash(hashDouble(x));
    }

    /**
     * Seeds as CPython's C {@code random_seed} does for any non-int hashable object: with
     * {@code (size_t) hash}, i.e. the hash read as an unsigned 64-bit number.
     */
    public void seedFromHash(long hash) {
        int low = (int) hash;
        int high = (int) (hash >>> 32);
        initByArray(high != 0 ? new int[] {low, high} : new int[] {low});
        clearGauss();
    }

    /**
     * CPython's {@code hash(float)} ({@code _Py_HashDouble}) for a non-NaN double: the value
     * reduced modulo {@code 2**61 - 1}, with the sign of the float, and -1 mapped to -2;
     * infinities hash to {@code +-314159}.
     *
     * @throws IllegalArgumentException for NaN, whose CPython 3.11 hash is identity-based
     */
    public static long hashDouble(double v) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("NaN has an identity-based hash");
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? 314159L : -314159L;
        }
        if (v == 0.0) {
            return 0L;
        }
        long bits = Double.doubleToRawLongBits(v);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long mantissa = bits & 0xfffffffffffffL;
        int exp;
        if (biased == 0) {
            exp = -1074;
        } else {
            mantissa |= 1L << 52;
            exp = biased - 1075;
        }
        // |v| = mantissa * 2**exp, and 2**61 == 1 (mod 2**61 - 1), so 2**exp == 2**(exp mod 61).
        int e = Math.floorMod(exp, 61);
        long x = BigInteger.valueOf(mantissa).shiftLeft(e).mod(HASH_MODULUS).longValue();
        if (v < 0) {
            x = -x;
        }
        return x == -1 ? -2 : x;
    }

    void clearGauss() {
        hasGaussNext = false;
        gaussNext = Double.NaN;
    }

    /** Seeds with a non-negative int, as the C {@code random_seed} after taking {@code abs}. */
    private void seedUnsigned(BigInteger n) {
        int bits = n.bitLength();
        int keyUsed = bits == 0 ? 1 : (bits - 1) / 32 + 1;
        int[] key = new int[keyUsed];
        byte[] be = n.toByteArray(); // big-endian, possibly with a leading sign byte
        for (int b = 0; b < be.length; b++) {
            int pos = be.length - 1 - b; // byte position counted from the least significant end
            int word = pos / 4;
            if (word < keyUsed) {
                key[word] |= (be[b] & 0xff) << (8 * (pos % 4));
            }
        }
        initByArray(key);
    }

    /** The reference MT19937 {@code init_genrand}. */
    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** The reference MT19937 {@code init_by_array}. */
    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
    }

    // ------------------------------------------------------------------ raw output

    /**
     * The next tempered 32-bit word ({@code genrand_uint32}), as a Java int holding the unsigned
     * bit pattern. Use {@code Integer.toUnsignedLong} for its value.
     */
    public int genrandUint32() {
        if (index >= N) {
            int kk;
            for (kk = 0; kk < N - M; kk++) {
                int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
            }
            for (; kk < N - 1; kk++) {
                int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
            }
            int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
            index = 0;
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** {@code random.random()}: a 53-bit float in [0.0, 1.0) built from two words. */
    public double random() {
        int a = genrandUint32() >>> 5;
        int b = genrandUint32() >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /**
     * {@code random.getrandbits(k)}.
     *
     * @throws IllegalArgumentException {@code number of bits must be non-negative} if k &lt; 0
     */
    public BigInteger getrandbits(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("number of bits must be non-negative");
        }
        if (k <= 63) {
            return BigInteger.valueOf(getrandbitsLong(k));
        }
        int words = (k - 1) / 32 + 1;
        byte[] be = new byte[words * 4];
        for (int i = 0; i < words; i++, k -= 32) {
            int r = genrandUint32();
            if (k < 32) {
                r >>>= 32 - k;
            }
            int off = (words - 1 - i) * 4; // word i is the i-th least significant
            be[off] = (byte) (r >>> 24);
            be[off + 1] = (byte) (r >>> 16);
            be[off + 2] = (byte) (r >>> 8);
            be[off + 3] = (byte) r;
        }
        return new BigInteger(1, be);
    }

    /**
     * {@code random.getrandbits(k)} for {@code 0 <= k <= 63}, consuming the same words.
     *
     * @throws IllegalArgumentException {@code number of bits must be non-negative} if k &lt; 0,
     *     or if k &gt; 63 (use {@link #getrandbits(int)})
     */
    public long getrandbitsLong(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("number of bits must be non-negative");
        }
        if (k > 63) {
            throw new IllegalArgumentException("getrandbitsLong supports at most 63 bits, got " + k);
        }
        if (k == 0) {
            return 0L;
        }
        if (k <= 32) {
            return Integer.toUnsignedLong(genrandUint32()) >>> (32 - k);
        }
        long low = Integer.toUnsignedLong(genrandUint32());
        long high = Integer.toUnsignedLong(genrandUint32()) >>> (64 - k);
        return low | (high << 32);
    }

    /** {@code random.randbytes(n)}: {@code getrandbits(n * 8).to_bytes(n, 'little')}. */
    public byte[] randbytes(int n) {
        if (n < 0) {
            // getrandbits(n * 8) with a negative count
            throw new IllegalArgumentException("number of bits must be non-negative");
        }
        byte[] out = new byte[n];
        int i = 0;
        while (i < n) {
            int r = genrandUint32();
            int left = n - i;
            if (left < 4) {
                r >>>= 32 - 8 * left; // last word keeps only its high bytes
            }
            for (int b = 0; b < 4 && i < n; b++, i++) {
                out[i] = (byte) (r >>> (8 * b));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Python's {@code str.encode()} (UTF-8, strict): like {@link String#getBytes} but rejecting
     * unpaired surrogates with CPython's {@code UnicodeEncodeError} message.
     */
    private static byte[] encodeUtf8Strict(String s) {
        int codePointIndex = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                throw new IllegalArgumentException(String.format(
                        "'utf-8' codec can't encode character '\\u%04x' in position %d: surrogates not allowed",
                        cp, codePointIndex));
            }
            i += Character.charCount(cp);
            codePointIndex++;
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
