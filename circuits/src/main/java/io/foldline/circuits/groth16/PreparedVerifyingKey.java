package io.foldline.circuits.groth16;

import io.foldline.crypto.bn254.Fq12;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.bn254.Pairing;

/**
 * A verifying key readied for repeated checks: e(alpha1, beta2) is computed once, and gamma2 and delta2 are
 * negated once, so that a verification is one Miller loop over three pairs and one final exponentiation:
 * e(A, B) e(cpub, -gamma2) e(C, -delta2) = e(alpha1, beta2). The IC points are kept flat for the public
 * input MSM. Immutable and thread-safe.
 */
public final class PreparedVerifyingKey {
    private final VerifyingKey vk;
    private final Fq12 alphaBeta;
    private final G2Affine negGamma2;
    private final G2Affine negDelta2;
    private final long[] icFlat;

    private PreparedVerifyingKey(VerifyingKey vk) {
        this.vk = vk;
        this.alphaBeta = Pairing.pair(vk.alpha1(), vk.beta2());
        this.negGamma2 = vk.gamma2().neg();
        this.negDelta2 = vk.delta2().neg();
        this.icFlat = new long[8 * vk.ic().size()];
        for (int i = 0; i < vk.ic().size(); i++) {
            vk.ic().get(i).copyTo(icFlat, 8 * i);
        }
    }

    public static PreparedVerifyingKey prepare(VerifyingKey vk) {
        return new PreparedVerifyingKey(vk);
    }

    public VerifyingKey verifyingKey() {
        return vk;
    }

    public int nPublic() {
        return vk.nPublic();
    }

    /** e(alpha1, beta2), snarkjs' {@code vk_alphabeta_12}. */
    public Fq12 alphaBeta() {
        return alphaBeta;
    }

    G2Affine negGamma2() {
        return negGamma2;
    }

    G2Affine negDelta2() {
        return negDelta2;
    }

    /** IC_0..IC_nPublic as flat affine limbs; do not modify. */
    long[] icFlat() {
        return icFlat;
    }
}
