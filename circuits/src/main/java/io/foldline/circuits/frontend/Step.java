package io.foldline.circuits.frontend;

/**
 * One instruction of the witness program that {@link Api} records in creation order: it gives values to
 * wires that do not exist before it, from variables over earlier wires only, so running the steps in
 * order solves every wire.
 */
sealed interface Step {
    /** {@code wire = a * b}. */
    record Product(int wire, Variable a, Variable b) implements Step {
    }

    /** {@code wire = v} (public outputs). */
    record Linear(int wire, Variable v) implements Step {
    }

    /** {@code wires = hint(inputs)}. */
    record HintCall(int[] wires, Variable[] inputs, Hint hint, ConstraintLabel label) implements Step {
    }
}
