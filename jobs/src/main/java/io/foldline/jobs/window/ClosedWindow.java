package io.foldline.jobs.window;

import io.foldline.schemas.WindowProof;

/**
 * A closed FOLDED window on its way to the decider: the window record as it will go out, without its
 * {@code foldedProof} yet, and the bytes of its accumulator ({@code WindowAccumulatorBytes}: the folded
 * instance and its secret witness). Internal to the job; {@link #toString} leaves the accumulator out.
 */
public record ClosedWindow(WindowProof window, byte[] accumulator) {
    @Override
    public String toString() {
        return "ClosedWindow[" + window.getWindowId() + ", " + window.getInferences().size() + " inferences]";
    }
}
