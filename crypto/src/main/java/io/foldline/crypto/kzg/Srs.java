package io.foldline.crypto.kzg;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G1Jacobian;
import io.foldline.crypto.bn254.G2Affine;

/**
 * A KZG structured reference string: {@code tau^i * G1} for i < size, and {@code G2}, {@code tau * G2}.
 * Production code takes these from a powers-of-tau ceremony (circuits' ptau reader: sections 2 and 3);
 * {@link #insecureForTests} derives them from a known tau and is only for tests.
 *
 * @param g1Powers {@code size} affine G1 points, 8 Montgomery limbs each (the MSM layout)
 */
public record Srs(long[] g1Powers, int size, G2Affine g2, G2Affine tauG2) {
    public Srs {
        if (g1Powers.length < 8L * size) {
            throw new CryptoException("SRS: " + size + " G1 powers need " + 8L * size + " limbs, got " + g1Powers.length);
        }
        if (size < 1) {
            throw new CryptoException("SRS: size must be at least 1, got " + size);
        }
    }

    public G1Affine g1(int i) {
        return G1Affine.fromLimbs(g1Powers, 8 * i);
    }

    /** INSECURE: anyone who knows tau can forge openings. Small sizes only (one scalar multiplication per power). */
    public static Srs insecureForTests(int size, Fr tau) {
        G1Jacobian[] pts = new G1Jacobian[size];
        G1Jacobian g = G1Affine.GENERATOR.toJacobian();
        Fr t = Fr.ONE;
        for (int i = 0; i < size; i++) {
            pts[i] = g.mul(t);
            t = t.mul(tau);
        }
        G1Affine[] aff = G1Jacobian.batchToAffine(pts);
        long[] flat = new long[8 * size];
        for (int i = 0; i < size; i++) {
            aff[i].copyTo(flat, 8 * i);
        }
        return new Srs(flat, size, G2Affine.GENERATOR, G2Affine.GENERATOR.mul(tau));
    }
}
