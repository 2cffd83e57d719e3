package io.foldline.circuits.groth16;

import io.foldline.circuits.snarkjs.VerificationKeyJson;
import io.foldline.circuits.snarkjs.Zkey;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import java.util.List;
import java.util.Objects;

/**
 * A Groth16 verification key: alpha1, beta2, gamma2, delta2 and IC_0..IC_nPublic, where a proof for public
 * signals x verifies when e(A, B) = e(alpha1, beta2) e(IC_0 + sum x_i IC_i, gamma2) e(C, delta2). Immutable;
 * {@link PreparedVerifyingKey#prepare} readies it for many verifications.
 */
public record VerifyingKey(G1Affine alpha1, G2Affine beta2, G2Affine gamma2, G2Affine delta2, List<G1Affine> ic) {
    public VerifyingKey {
        Objects.requireNonNull(alpha1, "alpha1");
        Objects.requireNonNull(beta2, "beta2");
        Objects.requireNonNull(gamma2, "gamma2");
        Objects.requireNonNull(delta2, "delta2");
        ic = List.copyOf(ic);
        if (ic.isEmpty()) {
            throw new IllegalArgumentException("IC needs at least the constant term IC_0");
        }
    }

    public int nPublic() {
        return ic.size() - 1;
    }

    /** The key inside a proving key (the zkey header and IC section). */
    public static VerifyingKey of(Zkey z) {
        return of(VerificationKeyJson.of(z));
    }

    /** From snarkjs' verification_key.json content (already checked on the curve and in the subgroup). */
    public static VerifyingKey of(VerificationKeyJson json) {
        return new VerifyingKey(json.alpha1(), json.beta2(), json.gamma2(), json.delta2(), json.ic());
    }

    /** For snarkjs' verification_key.json (which adds e(alpha1, beta2) when written). */
    public VerificationKeyJson toJson() {
        return new VerificationKeyJson(alpha1, beta2, gamma2, delta2, ic);
    }
}
