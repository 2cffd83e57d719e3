package io.foldline.jobs.prove;

import io.foldline.jobs.source.RawRecord;
import io.foldline.schemas.ProvenInference;

/** A proven request and the raw record it came from (for a LATE dead letter at the window step). */
public record Proven(ProvenInference inference, RawRecord source) {
}
