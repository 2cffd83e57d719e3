package io.foldline.circuits.frontend;

import io.foldline.crypto.bn254.Fr;

/**
 * A prover-side computation that gives values to new private wires (bits of a number, a quotient and a
 * remainder). The verifier never runs it: a hint's outputs are only as trustworthy as the constraints
 * that the calling gadget puts on them, and {@link Compiler} rejects a circuit in which a hint output
 * takes part in no constraint.
 */
@FunctionalInterface
public interface Hint {
    /** Values for the hint's outputs, given the values of its input variables. */
    Fr[] compute(Fr[] inputs);
}
