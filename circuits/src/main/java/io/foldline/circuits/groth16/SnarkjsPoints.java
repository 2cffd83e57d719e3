package io.foldline.circuits.groth16;

import io.foldline.crypto.bn254.Fq;
import io.foldline.crypto.bn254.Fq2;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.bn254.internal.G2Ops;
import java.math.BigInteger;

/**
 * Points drawn the way ffjavascript's {@code G.fromRng} draws them, which snarkjs replays when it checks
 * phase-2 proofs of knowledge: x from the generator ({@link SnarkjsChaCha#nextFq}), a sign bit, retry until
 * x^3 + b is a square; y is the root whose "sign" (wasmcurves' {@code isNegative}: canonical value above
 * (q-1)/2, for Fq2 the sign of c1, or of c0 when c1 = 0) equals the bit; G2 points are then multiplied by
 * the twist's cofactor (ffjavascript's {@code cofactorG2}) to land in the subgroup.
 */
final class SnarkjsPoints {
    private static final BigInteger HALF_Q = Fq.MODULUS.shiftRight(1);
    private static final Fq B1 = Fq.of(3);
    private static final Fq2 B2 = Fq2.of(Fq.of(3), Fq.ZERO).mul(Fq2.XI.inverse());
    /** The cofactor of E'(Fq2) as ffjavascript's bn128 curve defines it. */
    static final BigInteger G2_COFACTOR =
            new BigInteger("30644e72e131a029b85045b68181585e06ceecda572a2489345f2299c0f9fa8d", 16);

    private SnarkjsPoints() {
    }

    static G1Affine g1FromRng(SnarkjsChaCha rng) {
        while (true) {
            Fq x = rng.nextFq();
            boolean greatest = rng.nextBool();
            Fq y = x.square().mul(x).add(B1).sqrt();
            if (y != null) {
                if (greatest ^ isNegative(y)) {
                    y = y.neg();
                }
                return G1Affine.of(x, y);
            }
        }
    }

    static G2Affine g2FromRng(SnarkjsChaCha rng) {
        while (true) {
            Fq2 x = Fq2.of(rng.nextFq(), rng.nextFq());
            boolean greatest = rng.nextBool();
            Fq2 y = x.square().mul(x).add(B2).sqrt();
            if (y != null) {
                if (greatest ^ isNegative(y)) {
                    y = y.neg();
                }
                return clearCofactor(x, y);
            }
        }
    }

    /** snarkjs' hashToG2: a ChaCha seeded with the first 32 bytes of {@code hash}, then g2FromRng. */
    static G2Affine hashToG2(byte[] hash) {
        return g2FromRng(SnarkjsChaCha.fromHash(hash));
    }

    private static G2Affine clearCofactor(Fq2 x, Fq2 y) {
        long[] p = new long[16];
        x.copyMontTo(p, 0);
        y.copyMontTo(p, 8);
        G2Ops g = new G2Ops();
        long[] jac = new long[24];
        g.mul(p, 0, true, G2_COFACTOR, jac, 0);
        long[] aff = new long[16];
        g.toAffine(jac, 0, aff, 0);
        return G2Affine.fromLimbs(aff, 0);
    }

    static boolean isNegative(Fq a) {
        return a.toBigInteger().compareTo(HALF_Q) > 0;
    }

    static boolean isNegative(Fq2 a) {
        return a.c1().isZero() ? isNegative(a.c0()) : isNegative(a.c1());
    }
}
