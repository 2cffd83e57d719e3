package io.foldline.circuits.ptau;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.fft.Domain;
import io.foldline.crypto.bn254.internal.MontField;

/**
 * The scalars behind every point of a ptau file when tau is known, in chunks of flat Montgomery limbs:
 * c * tau^i for the power sections, and c * L_i(tau) for the Lagrange sections, where L_i is the i-th
 * Lagrange basis polynomial of the domain {omega^j} of size n = 2^k (ffjavascript's omega, see
 * {@link Domain}):
 * <pre>
 *   L_i(X) = (1/n) sum_j (omega^-i X)^j = omega^i (X^n - 1) / (n (X - omega^i))
 * </pre>
 * so a chunk costs one batch inversion instead of the point IFFT of {@code prepare phase2}.
 *
 * <p>snarkjs computes the tau G1 Lagrange block of the extra domain 2^(power+1) from a section that lacks
 * the last power: it transforms (tau^0, ..., tau^(N-2), 0), which gives
 * L_i(tau) - (1/N) omega^(-i(N-1)) tau^(N-1) = L_i(tau) - omega^i tau^(N-1) / N; {@code truncated} selects
 * that form.
 */
final class TauScalars {
    private static final MontField FR = MontField.FR;

    private TauScalars() {
    }

    /**
     * ffjavascript's root of unity of order 2^logN: 5^((r - 1) / 2^logN) (5 is the smallest non-residue;
     * the same value as {@link Domain#omega()}, computed here without building a domain's twiddle table,
     * which for 2^25 would take 512 MB).
     */
    static Fr omega(int logN) {
        return Fr.of(5).pow(Fr.MODULUS.subtract(java.math.BigInteger.ONE).shiftRight(logN));
    }

    /** out[i] = c * tau^(first + i) for i in [0, count). */
    static void powers(Fr tau, Fr c, long first, int count, long[] out) {
        long[] t = new long[4];
        c.mul(tau.pow(first)).copyMontTo(t, 0);
        long[] step = new long[4];
        tau.copyMontTo(step, 0);
        for (int i = 0; i < count; i++) {
            MontField.copy(t, 0, out, 4 * i);
            FR.mul(t, 0, step, 0, t, 0);
        }
    }

    /** out[i] = c * L_(first + i)(tau) over the domain of size 2^logN (truncated: see the class comment). */
    static void lagrange(int logN, Fr tau, Fr c, int first, int count, boolean truncated, long[] out) {
        long n = 1L << logN;
        Fr omegaN = omega(logN);
        Fr nInv = Fr.of(n).inverse();
        long[] num = new long[4];
        c.mul(tau.pow(n).sub(Fr.ONE)).mul(nInv).copyMontTo(num, 0);
        long[] trunc = new long[4];
        if (truncated) {
            c.mul(tau.pow(n - 1)).mul(nInv).copyMontTo(trunc, 0);
        }
        long[] w = new long[4 * count];
        long[] den = new long[4 * count];
        long[] t = new long[4];
        long[] omega = new long[4];
        omegaN.copyMontTo(omega, 0);
        long[] tauL = new long[4];
        tau.copyMontTo(tauL, 0);
        omegaN.pow(first).copyMontTo(t, 0);
        for (int i = 0; i < count; i++) {
            MontField.copy(t, 0, w, 4 * i);
            FR.sub(tauL, 0, t, 0, den, 4 * i);
            if (MontField.isZero(den, 4 * i)) {
                throw new IllegalStateException("tau is a root of unity of the domain 2^" + logN + ": pick another seed");
            }
            FR.mul(t, 0, omega, 0, t, 0);
        }
        FR.batchInv(den, 0, count, new long[4 * count]);
        for (int i = 0; i < count; i++) {
            int o = 4 * i;
            FR.mul(w, o, den, o, t, 0);
            FR.mul(t, 0, num, 0, out, o);
            if (truncated) {
                FR.mul(w, o, trunc, 0, t, 0);
                FR.sub(out, o, t, 0, out, o);
            }
        }
    }
}
