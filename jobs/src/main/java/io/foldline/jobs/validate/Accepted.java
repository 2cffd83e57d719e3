package io.foldline.jobs.validate;

import io.foldline.jobs.source.RawRecord;
import io.foldline.schemas.InferenceRequest;

/**
 * A request that passed validation, with the raw record it came from: later steps (proving, windows) can
 * still dead-letter it with its original bytes.
 */
public record Accepted(InferenceRequest request, RawRecord source) {
}
