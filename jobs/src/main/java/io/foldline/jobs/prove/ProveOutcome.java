package io.foldline.jobs.prove;

import io.foldline.schemas.DeadLetter;

/**
 * What the asynchronous proving step emits for one request: the proof, or a PROOF_FAILED dead letter
 * (exactly one is non-null). An async function has one output type, so {@link SplitOutcomes} separates them.
 */
public record ProveOutcome(Proven proven, DeadLetter failed) {
    public static ProveOutcome of(Proven p) {
        return new ProveOutcome(p, null);
    }

    public static ProveOutcome failed(DeadLetter d) {
        return new ProveOutcome(null, d);
    }
}
