package io.foldline.crypto.fft;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fr;
import java.math.BigInteger;
import java.util.List;

/**
 * The multiplicative subgroup {omega^i : 0 <= i < n} of Fr for n = 2^k, k <= 28, with in-place number
 * theoretic transforms over it. omega is the root that snarkjs uses (see the package documentation), so
 * evaluations and Lagrange bases agree with .ptau and .zkey files.
 *
 * <p>The {@code long[]} methods take n elements in the flat layout that {@link Fr#copyMontTo} writes: element
 * i in {@code a[4i .. 4i+3]}, Montgomery form, little-endian limbs, fully reduced. They overwrite {@code a}.
 * Instances are immutable and shared ({@link #of} caches them), and safe to use from several threads at
 * once on different arrays.
 */
public final class Domain {
    /** The 2-adicity of r - 1: r - 1 = 2^28 t with t odd. */
    public static final int MAX_LOG_SIZE = 28;
    /** The smallest quadratic non-residue of Fr, ffjavascript's {@code nqr}. */
    static final Fr GENERATOR = Fr.of(5);

    private static final Domain[] CACHE = new Domain[MAX_LOG_SIZE + 1];

    private final int logSize;
    private final int size;
    private final Fr omega;
    private final Fr omegaInv;
    private final Fr sizeInv;
    /** omega^j for j in [0, n/2): the only twiddles a radix-2 pass needs; inverses come from reversal. */
    private final long[] twiddles;
    private final long[] sizeInvMont = new long[4];

    private Domain(int logSize) {
        this.logSize = logSize;
        this.size = 1 << logSize;
        this.omega = rootOfUnity(logSize);
        this.omegaInv = omega.inverse();
        this.sizeInv = Fr.of(size).inverse();
        long[] w = new long[4];
        omega.copyMontTo(w, 0);
        this.twiddles = Radix2.powers(w, size / 2, logSize >= Radix2.PARALLEL_LOG);
        sizeInv.copyMontTo(sizeInvMont, 0);
    }

    /** The domain of size 2^logSize, built once (twiddles take 16 bytes per element) and cached. */
    public static Domain of(int logSize) {
        if (logSize < 0 || logSize > MAX_LOG_SIZE) {
            throw new CryptoException("domain logSize must be in [0, " + MAX_LOG_SIZE + "], got " + logSize);
        }
        synchronized (CACHE) {
            Domain d = CACHE[logSize];
            if (d == null) {
                d = new Domain(logSize);
                CACHE[logSize] = d;
            }
            return d;
        }
    }

    /** The domain of exactly {@code size} elements, which must be a power of two. */
    public static Domain ofSize(int size) {
        if (size <= 0 || Integer.bitCount(size) != 1) {
            throw new CryptoException("domain size must be a power of two, got " + size);
        }
        return of(Integer.numberOfTrailingZeros(size));
    }

    /** The smallest domain with at least {@code count} elements (count >= 1). */
    public static Domain atLeast(int count) {
        if (count <= 0 || count > 1 << MAX_LOG_SIZE) {
            throw new CryptoException("domain must hold between 1 and 2^" + MAX_LOG_SIZE + " elements, asked for " + count);
        }
        return of(32 - Integer.numberOfLeadingZeros(count - 1));
    }

    /**
     * ffjavascript's {@code w[k]}: w[28] = 5^((r-1) / 2^28), w[k-1] = w[k]^2, so omega_{2^k} = 5^((r-1) / 2^k).
     */
    static Fr rootOfUnity(int logSize) {
        return GENERATOR.pow(Fr.MODULUS.subtract(BigInteger.ONE).shiftRight(logSize));
    }

    public int logSize() {
        return logSize;
    }

    public int size() {
        return size;
    }

    public Fr omega() {
        return omega;
    }

    public Fr omegaInv() {
        return omegaInv;
    }

    /** 1/n in Fr. */
    public Fr sizeInv() {
        return sizeInv;
    }

    /** omega^i for i in [0, n). */
    public Fr element(int i) {
        if (i < 0 || i >= size) {
            throw new CryptoException("domain element index must be in [0, " + size + "), got " + i);
        }
        if (size == 1) {
            return Fr.ONE;
        }
        int half = size / 2;
        // omega^(n/2) = -1, so the upper half of the domain is the lower half negated
        return i < half ? Fr.fromMont(twiddles, 4 * i) : Fr.fromMont(twiddles, 4 * (i - half)).neg();
    }

    /** Coefficients to evaluations: a[i] becomes sum_j a[j] omega^(ij). */
    public void fft(long[] a) {
        checkLength(a, "fft");
        Radix2.forward(a, logSize, twiddles, Radix2.BLOCK_LOG);
    }

    /** Evaluations at omega^i to coefficients. */
    public void ifft(long[] a) {
        checkLength(a, "ifft");
        inverseUnscaled(a);
        Radix2.scale(a, logSize, sizeInvMont, null, parallel());
    }

    /** Coefficients to evaluations at shift * omega^i. */
    public void cosetFft(long[] a, Fr shift) {
        checkLength(a, "cosetFft");
        long[] s = mont(checkShift(shift, "cosetFft"));
        long[] one = mont(Fr.ONE);
        Radix2.scale(a, logSize, one, s, parallel());
        Radix2.forward(a, logSize, twiddles, Radix2.BLOCK_LOG);
    }

    /** Evaluations at shift * omega^i to coefficients. */
    public void cosetIfft(long[] a, Fr shift) {
        checkLength(a, "cosetIfft");
        long[] sInv = mont(checkShift(shift, "cosetIfft").inverse());
        inverseUnscaled(a);
        Radix2.scale(a, logSize, sizeInvMont, sInv, parallel());
    }

    /** Coefficients (at most n; missing high ones are zero) to evaluations at omega^i. */
    public Fr[] fft(Fr[] coefficients) {
        long[] a = flatten(coefficients, true, "fft");
        fft(a);
        return unflatten(a);
    }

    public Fr[] fft(List<Fr> coefficients) {
        return fft(coefficients.toArray(Fr[]::new));
    }

    /** Exactly n evaluations at omega^i to n coefficients. */
    public Fr[] ifft(Fr[] evaluations) {
        long[] a = flatten(evaluations, false, "ifft");
        ifft(a);
        return unflatten(a);
    }

    public Fr[] ifft(List<Fr> evaluations) {
        return ifft(evaluations.toArray(Fr[]::new));
    }

    /** Coefficients (at most n; missing high ones are zero) to evaluations at shift * omega^i. */
    public Fr[] cosetFft(Fr[] coefficients, Fr shift) {
        long[] a = flatten(coefficients, true, "cosetFft");
        cosetFft(a, shift);
        return unflatten(a);
    }

    public Fr[] cosetFft(List<Fr> coefficients, Fr shift) {
        return cosetFft(coefficients.toArray(Fr[]::new), shift);
    }

    /** Exactly n evaluations at shift * omega^i to n coefficients. */
    public Fr[] cosetIfft(Fr[] evaluations, Fr shift) {
        long[] a = flatten(evaluations, false, "cosetIfft");
        cosetIfft(a, shift);
        return unflatten(a);
    }

    public Fr[] cosetIfft(List<Fr> evaluations, Fr shift) {
        return cosetIfft(evaluations.toArray(Fr[]::new), shift);
    }

    @Override
    public String toString() {
        return "Domain(2^" + logSize + ")";
    }

    /** n * (the inverse transform): the forward transform read backwards, since omega^(-ij) = omega^((n-i)j). */
    private void inverseUnscaled(long[] a) {
        Radix2.forward(a, logSize, twiddles, Radix2.BLOCK_LOG);
        Radix2.reverseTail(a, logSize, parallel());
    }

    private boolean parallel() {
        return logSize >= Radix2.PARALLEL_LOG;
    }

    private void checkLength(long[] a, String op) {
        if (a.length != 4 * size) {
            throw new CryptoException(op + " input must hold " + size + " Fr elements (" + 4 * size
                    + " longs) for " + this + ", got " + a.length + " longs");
        }
    }

    private static Fr checkShift(Fr shift, String op) {
        if (shift.isZero()) {
            throw new CryptoException(op + " shift must be non-zero");
        }
        return shift;
    }

    private long[] flatten(Fr[] values, boolean padWithZeros, String op) {
        if (values.length > size || (!padWithZeros && values.length != size)) {
            throw new CryptoException(op + " input must hold " + (padWithZeros ? "at most " : "exactly ") + size
                    + " Fr elements for " + this + ", got " + values.length);
        }
        long[] a = new long[4 * size];
        for (int i = 0; i < values.length; i++) {
            values[i].copyMontTo(a, 4 * i);
        }
        return a;
    }

    private static Fr[] unflatten(long[] a) {
        Fr[] out = new Fr[a.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = Fr.fromMont(a, 4 * i);
        }
        return out;
    }

    private static long[] mont(Fr x) {
        long[] m = new long[4];
        x.copyMontTo(m, 0);
        return m;
    }
}
