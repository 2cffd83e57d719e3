package io.foldline.circuits.frontend;

/** A witness violates a constraint; the message names the constraint's row, purpose and gadget. */
public final class UnsatisfiedConstraintException extends RuntimeException {
    private final int row;
    private final ConstraintLabel label;

    public UnsatisfiedConstraintException(String circuit, int row, ConstraintLabel label) {
        super(circuit + ": constraint " + row + " " + label + " is not satisfied");
        this.row = row;
        this.label = label;
    }

    public int row() {
        return row;
    }

    public ConstraintLabel label() {
        return label;
    }
}
