package io.foldline.circuits.groth16;

import io.foldline.circuits.FormatException;
import io.foldline.crypto.bn254.Fq12;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.bn254.Pairing;
import io.foldline.crypto.msm.G1Msm;
import io.foldline.crypto.msm.MsmConfig;
import java.math.BigInteger;
import java.util.List;

/**
 * Groth16 verification (eprint 2016/260, section 3.2): with cpub = IC_0 + sum_i x_i IC_i, accept when
 * e(A, B) e(cpub, -gamma2) e(C, -delta2) = e(alpha1, beta2), one shared Miller loop over three pairs and
 * one final exponentiation. Points are validated where they are made (curve, subgroup), so every
 * {@link Proof} is well formed. A wrong number of public inputs, or an input of r or more, is malformed
 * input ({@link FormatException}); a well-formed proof that does not verify gives false.
 */
public final class Verifier {
    private static final MsmConfig SMALL = MsmConfig.builder().threads(1).build();

    private Verifier() {
    }

    public static boolean verify(PreparedVerifyingKey pvk, Fr[] publicInputs, Proof proof) {
        if (publicInputs.length != pvk.nPublic()) {
            throw new FormatException("the verification key expects " + pvk.nPublic() + " public inputs, got "
                    + publicInputs.length);
        }
        G1Affine cpub = publicCombination(pvk, publicInputs);
        Fq12 f = Pairing.finalExponentiation(Pairing.millerLoop(
                new G1Affine[] {proof.a(), cpub, proof.c()},
                new G2Affine[] {proof.b(), pvk.negGamma2(), pvk.negDelta2()}));
        return f.equals(pvk.alphaBeta());
    }

    /** Public inputs as integers, each of which must lie in [0, r). */
    public static boolean verify(PreparedVerifyingKey pvk, List<BigInteger> publicInputs, Proof proof) {
        return verify(pvk, toFr(publicInputs), proof);
    }

    /** Range-checks integers as public inputs: [0, r), else a FormatException naming the index. */
    public static Fr[] toFr(List<BigInteger> values) {
        Fr[] out = new Fr[values.size()];
        for (int i = 0; i < out.length; i++) {
            BigInteger v = values.get(i);
            if (v.signum() < 0 || v.compareTo(Fr.MODULUS) >= 0) {
                throw new FormatException("public input " + i + " (" + v + ") is not in [0, r)");
            }
            out[i] = Fr.of(v);
        }
        return out;
    }

    static G1Affine publicCombination(PreparedVerifyingKey pvk, Fr[] x) {
        long[] ic = pvk.icFlat();
        long[] scalars = new long[4 * x.length];
        for (int i = 0; i < x.length; i++) {
            x[i].copyMontTo(scalars, 4 * i);
        }
        long[] sum = new long[8];
        G1Msm.msmInto(ic, 8, scalars, 0, x.length, SMALL, sum, 0);
        return G1Affine.fromLimbs(ic, 0).add(G1Affine.fromLimbs(sum, 0));
    }
}
