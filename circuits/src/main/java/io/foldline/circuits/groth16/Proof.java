package io.foldline.circuits.groth16;

import io.foldline.circuits.snarkjs.ProofJson;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import java.util.Objects;

/**
 * A Groth16 proof (A, B, C) in G1 x G2 x G1. The point types validate on construction (on the curve, B in
 * the subgroup), so a Proof is always well formed; whether it verifies is {@link Verifier}'s question.
 */
public record Proof(G1Affine a, G2Affine b, G1Affine c) {
    public Proof {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
    }

    /** From snarkjs' proof.json content. */
    public static Proof of(ProofJson json) {
        return new Proof(json.a(), json.b(), json.c());
    }

    /** For snarkjs' proof.json. */
    public ProofJson toJson() {
        return new ProofJson(a, b, c);
    }
}
