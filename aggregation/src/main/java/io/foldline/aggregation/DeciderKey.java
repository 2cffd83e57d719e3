package io.foldline.aggregation;

import io.foldline.circuits.frontend.CompiledCircuit;
import io.foldline.circuits.groth16.PreparedVerifyingKey;
import io.foldline.circuits.groth16.ProvingKey;
import java.util.Objects;

/**
 * The prover's keys for the decider of one model circuit, made by {@link Decider#setup}: the model's relaxed
 * relation, the compiled {@link DeciderCircuit}, its Groth16 proving key and the folding
 * {@link CommitmentKey}, whose SRS comes from the same {@code .ptau} as the Groth16 key.
 */
public record DeciderKey(RelaxedR1cs relation, CompiledCircuit circuit, ProvingKey groth16, CommitmentKey commitmentKey) {
    public DeciderKey {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(groth16, "groth16");
        Objects.requireNonNull(commitmentKey, "commitmentKey");
    }

    public DeciderVerifyingKey verifyingKey() {
        return new DeciderVerifyingKey(relation.nPublic(), PreparedVerifyingKey.prepare(groth16.verifyingKey()),
                commitmentKey.srs().g2(), commitmentKey.srs().tauG2());
    }

    /** The folding scheme over the same commitment key, for the window's prover. */
    public Nifs nifs() {
        return new Nifs(relation, commitmentKey);
    }
}
