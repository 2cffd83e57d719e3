package io.foldline.crypto.kzg;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G1Jacobian;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.bn254.Pairing;
import io.foldline.crypto.bn254.internal.MontField;
import io.foldline.crypto.msm.G1Msm;
import io.foldline.crypto.msm.MsmConfig;
import java.security.SecureRandom;
import java.util.List;

/**
 * KZG polynomial commitments over BN254 (Kate, Zaverucha, Goldberg 2010): commit, open at a point, verify one
 * opening, and batch-verify many openings with one pairing check.
 *
 * <p>Polynomials are coefficient vectors, lowest degree first, as flat arrays of Fr Montgomery limbs (4 per
 * coefficient). {@link #commitAt} places the coefficients at an offset of the SRS, which is how the folding
 * layer commits to {@code W || E} in disjoint ranges.
 */
public final class Kzg {
    private Kzg() {
    }

    /** One claimed evaluation: {@code commitment} opens to {@code value} at {@code point}, witnessed by {@code proof}. */
    public record Opening(G1Affine commitment, Fr point, Fr value, G1Affine proof) {
    }

    public static G1Affine commit(Srs srs, long[] coeffs, int n, MsmConfig cfg) {
        return commitAt(srs, coeffs, n, 0, cfg);
    }

    public static G1Affine commit(Srs srs, Fr[] coeffs) {
        return commit(srs, flatten(coeffs), coeffs.length, MsmConfig.defaults());
    }

    /** Commits to {@code sum coeffs[i] * tau^(offset + i) * G1}. */
    public static G1Affine commitAt(Srs srs, long[] coeffs, int n, int offset, MsmConfig cfg) {
        if (offset < 0 || n < 0 || (long) offset + n > srs.size()) {
            throw new CryptoException("KZG: " + n + " coefficients at offset " + offset
                    + " do not fit an SRS of " + srs.size() + " powers");
        }
        if (n == 0) {
            return G1Affine.INFINITY;
        }
        long[] out = new long[8];
        G1Msm.msmInto(srs.g1Powers(), 8 * offset, coeffs, 0, n, cfg, out, 0);
        return G1Affine.fromLimbs(out, 0);
    }

    /** p(z) by Horner's rule. */
    public static Fr evaluate(long[] coeffs, int n, Fr z) {
        MontField f = MontField.FR;
        long[] acc = new long[4];
        long[] zz = new long[4];
        z.copyMontTo(zz, 0);
        for (int i = n - 1; i >= 0; i--) {
            f.mul(acc, 0, zz, 0, acc, 0);
            f.add(acc, 0, coeffs, 4 * i, acc, 0);
        }
        return Fr.fromMont(acc, 0);
    }

    /** Opens p at z: the value p(z) and a commitment to q(x) = (p(x) - p(z)) / (x - z). */
    public static Opening open(Srs srs, long[] coeffs, int n, Fr z, MsmConfig cfg) {
        G1Affine c = commit(srs, coeffs, n, cfg);
        return open(srs, c, coeffs, n, z, cfg);
    }

    public static Opening open(Srs srs, Fr[] coeffs, Fr z) {
        return open(srs, flatten(coeffs), coeffs.length, z, MsmConfig.defaults());
    }

    /** As {@link #open(Srs, long[], int, Fr, MsmConfig)} for a commitment the caller already holds. */
    public static Opening open(Srs srs, G1Affine commitment, long[] coeffs, int n, Fr z, MsmConfig cfg) {
        if (n == 0) {
            return new Opening(commitment, z, Fr.ZERO, G1Affine.INFINITY);
        }
        // Synthetic division by (x - z): q_{i-1} = p_i + z * q_i, from the top; the remainder is p(z).
        MontField f = MontField.FR;
        long[] zz = new long[4];
        z.copyMontTo(zz, 0);
        long[] q = new long[4 * Math.max(1, n - 1)];
        long[] carry = new long[4];
        for (int i = n - 1; i >= 1; i--) {
            f.mul(carry, 0, zz, 0, carry, 0);
            f.add(carry, 0, coeffs, 4 * i, carry, 0);
            MontField.copy(carry, 0, q, 4 * (i - 1));
        }
        f.mul(carry, 0, zz, 0, carry, 0);
        f.add(carry, 0, coeffs, 0, carry, 0);
        G1Affine proof = commit(srs, q, n - 1, cfg);
        return new Opening(commitment, z, Fr.fromMont(carry, 0), proof);
    }

    /** e(C - v*G1 + z*pi, G2) == e(pi, tau*G2). */
    public static boolean verify(Srs srs, Opening o) {
        G1Jacobian lhs = o.commitment().toJacobian()
                .add(G1Affine.GENERATOR.toJacobian().mul(o.value()).neg())
                .add(o.proof().toJacobian().mul(o.point()));
        return Pairing.pairingCheck(
                new G1Affine[] {lhs.toAffine(), o.proof().neg()},
                new G2Affine[] {srs.g2(), srs.tauG2()});
    }

    /**
     * All openings at once: a random linear combination (verifier-chosen weights rho^i, never known to the
     * prover) of the single checks, so one pairing check of two pairs decides the lot. A false opening passes
     * only with probability about n / r.
     */
    public static boolean batchVerify(Srs srs, List<Opening> openings) {
        if (openings.isEmpty()) {
            return true;
        }
        Fr rho = Fr.random(new SecureRandom());
        Fr w = Fr.ONE;
        G1Jacobian left = G1Jacobian.INFINITY;
        G1Jacobian right = G1Jacobian.INFINITY;
        Fr valueSum = Fr.ZERO;
        for (Opening o : openings) {
            G1Jacobian piW = o.proof().toJacobian().mul(w);
            left = left.add(o.commitment().toJacobian().mul(w)).add(piW.mul(o.point()));
            valueSum = valueSum.add(o.value().mul(w));
            right = right.add(piW);
            w = w.mul(rho);
        }
        left = left.add(G1Affine.GENERATOR.toJacobian().mul(valueSum).neg());
        return Pairing.pairingCheck(
                new G1Affine[] {left.toAffine(), right.toAffine().neg()},
                new G2Affine[] {srs.g2(), srs.tauG2()});
    }

    static long[] flatten(Fr[] xs) {
        long[] flat = new long[4 * xs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i].copyMontTo(flat, 4 * i);
        }
        return flat;
    }
}
