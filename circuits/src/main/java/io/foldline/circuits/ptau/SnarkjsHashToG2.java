package io.foldline.circuits.ptau;

import io.foldline.crypto.bn254.Fq;
import io.foldline.crypto.bn254.Fq2;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.bn254.internal.MontField;
import java.math.BigInteger;

/**
 * snarkjs's map from a 64-byte hash to a G2 point ({@code keypair.hashToG2}, ffjavascript
 * {@code G2.fromRng}), which fixes the G2 half s_p of every proof of knowledge. It is not a standard
 * hash-to-curve; a file verifies only if it is reproduced exactly:
 * <ol>
 *   <li>seed ChaCha with the first 32 bytes of the hash (8 big-endian words);</li>
 *   <li>draw x = (c0, c1), each Fq element as four {@code nextU64} words (least significant first), masked
 *       to 254 bits and redrawn while >= q, and taken as the element's Montgomery limbs as they are; then
 *       draw one bit {@code greatest};</li>
 *   <li>repeat until x^3 + b' is a square; y = its square root, negated if {@code greatest} differs from
 *       "y is negative" (the c1 coordinate, or c0 when c1 = 0, above (q - 1) / 2);</li>
 *   <li>return [h](x, y) for the cofactor h = 2q - r of the twist, which lands in G2.</li>
 * </ol>
 */
final class SnarkjsHashToG2 {
    /** ffjavascript's {@code cofactorG2}. */
    static final BigInteger COFACTOR = new BigInteger("30644e72e131a029b85045b68181585e06ceecda572a2489345f2299c0f9fa8d", 16);
    private static final Fq2 TWIST_B = Fq2.of(Fq.of(3), Fq.ZERO).mul(Fq2.XI.inverse());
    private static final BigInteger HALF_Q = Fq.MODULUS.subtract(BigInteger.ONE).shiftRight(1);
    private static final long MASK_254 = (1L << 62) - 1;

    private SnarkjsHashToG2() {
    }

    static G2Affine hash(byte[] hash) {
        ChaChaRng rng = ChaChaRng.fromHash(hash);
        long[] x = new long[8];
        while (true) {
            fqFromRng(rng, x, 0);
            fqFromRng(rng, x, 4);
            boolean greatest = rng.nextBool();
            Fq2 fx = Fq2.fromMont(x, 0);
            Fq2 y = fx.square().mul(fx).add(TWIST_B).sqrt();
            if (y == null) {
                continue;
            }
            if (greatest != isNegative(y)) {
                y = y.neg();
            }
            return G2Affine.ofUnchecked(fx, y).mul(COFACTOR);
        }
    }

    private static void fqFromRng(ChaChaRng rng, long[] dst, int off) {
        do {
            for (int i = 0; i < 4; i++) {
                dst[off + i] = rng.nextU64();
            }
            dst[off + 3] &= MASK_254;
        } while (!MontField.FQ.isCanonical(dst, off));
    }

    private static boolean isNegative(Fq2 y) {
        Fq c = y.c1().isZero() ? y.c0() : y.c1();
        return c.toBigInteger().compareTo(HALF_Q) > 0;
    }
}
