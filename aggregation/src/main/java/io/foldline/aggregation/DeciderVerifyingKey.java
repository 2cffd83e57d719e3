package io.foldline.aggregation;

import io.foldline.circuits.groth16.PreparedVerifyingKey;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.kzg.Srs;
import java.util.Objects;

/**
 * What a verifier needs for the decider of one model circuit: the prepared Groth16 key of
 * {@link DeciderCircuit} and the KZG verifier's part of the SRS ({@code G1}, {@code G2}, {@code tau G2}),
 * both from the same {@code .ptau}. {@code nPublic} is the model circuit's public signal count.
 */
public record DeciderVerifyingKey(int nPublic, PreparedVerifyingKey groth16, G2Affine g2, G2Affine tauG2) {
    public DeciderVerifyingKey {
        Objects.requireNonNull(groth16, "groth16");
        Objects.requireNonNull(g2, "g2");
        Objects.requireNonNull(tauG2, "tauG2");
        if (groth16.nPublic() != nPublic + 3) {
            throw new IllegalArgumentException("the decider's Groth16 key has " + groth16.nPublic()
                    + " public inputs, a model of " + nPublic + " public signals needs " + (nPublic + 3));
        }
    }

    /** The one-power SRS that {@code Kzg.verify} reads (it uses G1 and the two G2 points only). */
    Srs kzgSrs() {
        long[] g1 = new long[8];
        G1Affine.GENERATOR.copyTo(g1, 0);
        return new Srs(g1, 1, g2, tauG2);
    }
}
