package io.foldline.aggregation;

import io.foldline.crypto.bn254.G1Affine;
import java.util.List;
import java.util.Objects;

/**
 * Everything a verifier of one window needs besides the keys: the random starting instance {@code U0 =
 * (K0, u0, x0)}, the fresh instances in fold order (each {@code u = 1}, commitment {@code K_i}, public
 * signals {@code x_i}: for a model {@code h_in}, outputs, tag), one cross-term commitment {@code K_T} per
 * fold, and the decider proof. Its bytes are {@link WindowProofFile}'s. Immutable.
 */
public record WindowProof(CommittedInstance start, List<CommittedInstance> instances, List<G1Affine> crossTerms,
                          DeciderProof decider) {
    public WindowProof {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(decider, "decider");
        instances = List.copyOf(instances);
        crossTerms = List.copyOf(crossTerms);
        if (instances.isEmpty() || instances.size() != crossTerms.size()) {
            throw new IllegalArgumentException("a window needs one cross term per instance and at least one "
                    + "instance, got " + instances.size() + " instances and " + crossTerms.size() + " cross terms");
        }
        for (int i = 0; i < instances.size(); i++) {
            CommittedInstance c = instances.get(i);
            if (!c.u().isOne() || c.nPublic() != start.nPublic()) {
                throw new IllegalArgumentException("instance " + i + " must be fresh (u = 1) with "
                        + start.nPublic() + " public signals, got u = " + c.u() + " and " + c.nPublic());
            }
        }
    }

    /** The window's length N. */
    public int size() {
        return instances.size();
    }

    /** The model circuit's public signal count n. */
    public int nPublic() {
        return start.nPublic();
    }
}
