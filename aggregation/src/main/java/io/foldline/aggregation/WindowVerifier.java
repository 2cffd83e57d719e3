package io.foldline.aggregation;

import io.foldline.crypto.bn254.G1Affine;
import java.util.List;
import java.util.Objects;

/**
 * The Java verifier of a window: replays every fold from the starting instance in the submitted order
 * ({@link Nifs#verify}, one scalar multiplication each), then checks the decider proof against the folded
 * instance it arrived at ({@link Decider#verify}). What the Solidity verifier will do, in the same order.
 * Immutable.
 */
public final class WindowVerifier {
    private final byte[] vkDigest;
    private final DeciderVerifyingKey decider;

    /** {@code vkDigest} is the model circuit's {@link R1csDigest}; {@code decider} its decider key. */
    public WindowVerifier(byte[] vkDigest, DeciderVerifyingKey decider) {
        if (vkDigest == null || vkDigest.length != FoldTranscript.DIGEST_BYTES) {
            throw new IllegalArgumentException("vkDigest must be " + FoldTranscript.DIGEST_BYTES + " bytes");
        }
        this.vkDigest = vkDigest.clone();
        this.decider = Objects.requireNonNull(decider, "decider");
    }

    /**
     * Whether the window verifies. {@code instances} are the fresh instances in fold order (u = 1, commitment
     * {@code K_i}, public signals {@code x_i}: for a model {@code h_in}, outputs, tag), {@code crossTerms} the
     * {@code K_T} of each fold. Malformed sizes (an empty window, counts that differ, a wrong number of public
     * signals, an instance whose u is not 1) throw IllegalArgumentException with the reason.
     */
    public boolean verify(CommittedInstance start, List<CommittedInstance> instances, List<G1Affine> crossTerms,
                          DeciderProof proof) {
        Objects.requireNonNull(proof, "proof");
        requireWellFormed(start, instances, crossTerms);
        CommittedInstance acc = start;
        for (int i = 0; i < instances.size(); i++) {
            acc = Nifs.verify(vkDigest, acc, instances.get(i), crossTerms.get(i));
        }
        return Decider.verify(decider, acc, proof);
    }

    /** Whether {@code proof} verifies; a proof for a model of another public signal count is refused. */
    public boolean verify(WindowProof proof) {
        return verify(proof.start(), proof.instances(), proof.crossTerms(), proof.decider());
    }

    private void requireWellFormed(CommittedInstance start, List<CommittedInstance> instances,
                                   List<G1Affine> crossTerms) {
        Objects.requireNonNull(start, "start");
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("the window holds no instance");
        }
        if (crossTerms.size() != instances.size()) {
            throw new IllegalArgumentException(instances.size() + " instances but " + crossTerms.size()
                    + " cross-term commitments: one per fold");
        }
        if (start.nPublic() != decider.nPublic()) {
            throw new IllegalArgumentException("the starting instance has " + start.nPublic()
                    + " public signals, the model " + decider.nPublic());
        }
        for (int i = 0; i < instances.size(); i++) {
            CommittedInstance c = Objects.requireNonNull(instances.get(i), "instance " + i);
            Objects.requireNonNull(crossTerms.get(i), "cross term " + i);
            if (c.nPublic() != decider.nPublic()) {
                throw new IllegalArgumentException("instance " + i + " has " + c.nPublic()
                        + " public signals, the model " + decider.nPublic());
            }
            if (!c.u().isOne()) {
                throw new IllegalArgumentException("instance " + i + " is not fresh: u = " + c.u());
            }
        }
    }
}
