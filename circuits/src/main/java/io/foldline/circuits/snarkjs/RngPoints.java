package io.foldline.circuits.snarkjs;

import io.foldline.crypto.bn254.Fq;
import io.foldline.crypto.bn254.Fq2;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import java.math.BigInteger;

/**
 * Points drawn the way ffjavascript's {@code G.fromRng} draws them, and snarkjs' {@code keypair.hashToG2},
 * which fixes the G2 point s_p of every proof of knowledge (ptau and zkey contributions). It is not a
 * standard hash to curve; a file verifies only if it is reproduced exactly:
 * <ol>
 *   <li>x from the generator ({@link ChaChaRng#nextFq}; for G2 c0 then c1), then one bit {@code greatest};</li>
 *   <li>repeat until x^3 + b is a square (b' = 3 / (9 + u) on the twist); y = its square root, negated
 *       unless its "sign" equals the bit, where the sign is wasmcurves' {@code isNegative}: the canonical
 *       value above (q - 1) / 2, for Fq2 that of c1, or of c0 when c1 = 0;</li>
 *   <li>G2 points are then multiplied by the twist's cofactor h = 2q - r (ffjavascript's
 *       {@code cofactorG2}), which lands them in G2.</li>
 * </ol>
 * hashToG2 seeds the generator with the first 32 bytes of a hash and draws one G2 point.
 */
public final class RngPoints {
    /** The cofactor of E'(Fq2) as ffjavascript's bn128 curve defines it. */
    public static final BigInteger G2_COFACTOR =
            new BigInteger("30644e72e131a029b85045b68181585e06ceecda572a2489345f2299c0f9fa8d", 16);
    private static final BigInteger HALF_Q = Fq.MODULUS.shiftRight(1);
    private static final Fq B1 = Fq.of(3);
    private static final Fq2 B2 = Fq2.of(Fq.of(3), Fq.ZERO).mul(Fq2.XI.inverse());

    private RngPoints() {
    }

    public static G1Affine g1(ChaChaRng rng) {
        while (true) {
            Fq x = rng.nextFq();
            boolean greatest = rng.nextBool();
            Fq y = x.square().mul(x).add(B1).sqrt();
            if (y != null) {
                if (greatest != isNegative(y)) {
                    y = y.neg();
                }
                return G1Affine.of(x, y);
            }
        }
    }

    public static G2Affine g2(ChaChaRng rng) {
        while (true) {
            Fq2 x = Fq2.of(rng.nextFq(), rng.nextFq());
            boolean greatest = rng.nextBool();
            Fq2 y = x.square().mul(x).add(B2).sqrt();
            if (y != null) {
                if (greatest != isNegative(y)) {
                    y = y.neg();
                }
                // on the twist but not yet in G2, so unchecked; mul(BigInteger) does not reduce mod r
                return G2Affine.ofUnchecked(x, y).mul(G2_COFACTOR);
            }
        }
    }

    /** snarkjs' hashToG2: a generator seeded with the first 32 bytes of {@code hash}, then {@link #g2}. */
    public static G2Affine hashToG2(byte[] hash) {
        return g2(ChaChaRng.fromHash(hash));
    }

    static boolean isNegative(Fq a) {
        return a.toBigInteger().compareTo(HALF_Q) > 0;
    }

    static boolean isNegative(Fq2 a) {
        return a.c1().isZero() ? isNegative(a.c0()) : isNegative(a.c1());
    }
}
