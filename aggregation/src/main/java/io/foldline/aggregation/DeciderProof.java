package io.foldline.aggregation;

import io.foldline.circuits.groth16.Proof;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import java.util.Objects;

/**
 * What the decider adds to a window: the Groth16 proof of {@link DeciderCircuit} for the public inputs
 * {@code (u, x, zeta, v)} (u and x are the folded instance's, which the verifier replays), the evaluation point
 * {@code zeta} and value {@code v}, and the KZG proof that the folded commitment opens to {@code v} at
 * {@code zeta}.
 */
public record DeciderProof(Proof groth16, Fr zeta, Fr v, G1Affine kzgProof) {
    public DeciderProof {
        Objects.requireNonNull(groth16, "groth16");
        Objects.requireNonNull(zeta, "zeta");
        Objects.requireNonNull(v, "v");
        Objects.requireNonNull(kzgProof, "kzgProof");
    }
}
