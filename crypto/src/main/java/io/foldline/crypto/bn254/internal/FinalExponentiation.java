package io.foldline.crypto.bn254.internal;

/**
 * f -> f^(s (q^12 - 1)/r) with s = 2x(6x^2 + 3x + 1), on flat limbs: the final exponentiation of gnark and of
 * snarkjs/ffjavascript. gcd(s, r) = 1, so the result is still a non-degenerate bilinear pairing, and it gives
 * the same GT values as those libraries (snarkjs writes e(alpha, beta) into verification keys as
 * vk_alphabeta_12); the plain (q^12 - 1)/r exponent would give their value to the power 1/s.
 *
 * <p>The exponent splits as (q^6 - 1)(q^2 + 1) * s (q^4 - q^2 + 1)/r. The easy part costs one inversion and
 * Frobenius maps and lands in the cyclotomic subgroup, where inversion is conjugation and squaring has the
 * Granger-Scott shortcut. For the hard part, Fuentes-Castaneda, Knapp and Rodriguez-Henriquez ("Faster
 * hashing to G2", SAC 2011) give s (q^4 - q^2 + 1)/r = l0 + l1 q + l2 q^2 + l3 q^3 with
 * l2 = 12x^3 + 6x^2 + 6x, l1 = l2 - 2x, l3 = l1 - 1, l0 = l2 + 6x^2 + 1: with A = m^l2, B = m^l1,
 * C = m^l3, D = m^l0 the result is D * B^q * A^(q^2) * C^(q^3), from three exponentiations by the 63-bit x.
 *
 * <p>Not thread-safe (scratch space); one instance per computation.
 */
public final class FinalExponentiation {
    private static final byte[] SEED_NAF = MillerLoop.naf(G2Ops.SEED);
    private final Fq12Ops f12 = new Fq12Ops();
    // Fq12 slots of 48 longs
    private static final int M = 0, F2X = 48, F6X = 96, F6X2 = 144, F12X3 = 192, A = 240, B = 288, C = 336,
            TMP = 384, SEED_INV = 432;
    private final long[] s = new long[480];

    /** r = f^(s (q^12 - 1)/r); r may alias f. */
    public void apply(long[] f, int fo, long[] r, int ro) {
        final long[] s = this.s;
        // easy part: m = f^((q^6 - 1)(q^2 + 1)) = (conj(f) / f)^(q^2 + 1)
        f12.inv(f, fo, s, TMP);
        Fq12Ops.conjugate(f, fo, s, M);
        f12.mul(s, M, s, TMP, s, M);
        Fq12Ops.frobenius(s, M, 2, s, TMP);
        f12.mul(s, M, s, TMP, s, M);
        // powers of m
        expBySeed(s, M, s, F2X);                        // m^x
        f12.cyclotomicSqr(s, F2X, s, F2X);              // m^2x
        f12.cyclotomicSqr(s, F2X, s, F6X);              // m^4x
        f12.mul(s, F6X, s, F2X, s, F6X);                // m^6x
        expBySeed(s, F6X, s, F6X2);                     // m^6x^2
        f12.cyclotomicSqr(s, F6X2, s, TMP);             // m^12x^2
        expBySeed(s, TMP, s, F12X3);                    // m^12x^3
        f12.mul(s, F6X, s, F6X2, s, A);
        f12.mul(s, A, s, F12X3, s, A);                  // A = m^l2
        Fq12Ops.conjugate(s, F2X, s, TMP);
        f12.mul(s, A, s, TMP, s, B);                    // B = m^l1
        Fq12Ops.conjugate(s, M, s, TMP);
        f12.mul(s, B, s, TMP, s, C);                    // C = m^l3
        f12.mul(s, A, s, F6X2, s, TMP);
        f12.mul(s, TMP, s, M, s, TMP);                  // D = m^l0
        Fq12Ops.frobenius(s, B, 1, s, B);
        f12.mul(s, TMP, s, B, s, TMP);
        Fq12Ops.frobenius(s, A, 2, s, A);
        f12.mul(s, TMP, s, A, s, TMP);
        Fq12Ops.frobenius(s, C, 3, s, C);
        f12.mul(s, TMP, s, C, r, ro);
    }

    /** r = a^x for a in the cyclotomic subgroup, x the BN seed, over its non-adjacent form. */
    private void expBySeed(long[] a, int ao, long[] r, int ro) {
        final long[] s = this.s;
        Fq12Ops.conjugate(a, ao, s, SEED_INV);          // a^-1
        System.arraycopy(a, ao, r, ro, 48);             // top digit is 1
        for (int i = SEED_NAF.length - 2; i >= 0; i--) {
            f12.cyclotomicSqr(r, ro, r, ro);
            if (SEED_NAF[i] > 0) {
                f12.mul(r, ro, a, ao, r, ro);
            } else if (SEED_NAF[i] < 0) {
                f12.mul(r, ro, s, SEED_INV, r, ro);
            }
        }
    }
}
