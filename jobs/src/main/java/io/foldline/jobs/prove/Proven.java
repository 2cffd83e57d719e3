package io.foldline.jobs.prove;

import io.foldline.jobs.source.RawRecord;
import io.foldline.schemas.ProvenInference;

/**
 * A proven request, the raw record it came from (for a LATE dead letter at the window step) and, for a
 * folded model, the bytes of its fresh witness ({@code W_i} and its blinder, {@code
 * io.foldline.aggregation.WindowAccumulatorBytes#encodeFresh}) for the window step to fold; null for a
 * BATCH model. The witness is secret: it lives only in this internal record and the window's state, never
 * in a ProvenInference, a WindowProof, a dead letter or a log ({@link #toString} leaves it out).
 */
public record Proven(ProvenInference inference, RawRecord source, byte[] witness) {
    public Proven(ProvenInference inference, RawRecord source) {
        this(inference, source, null);
    }

    @Override
    public String toString() {
        return "Proven[" + inference.getRequestId() + " of " + inference.getModelId() + ", from " + source.address()
                + (witness == null ? "" : ", witness of " + witness.length + " bytes") + "]";
    }
}
