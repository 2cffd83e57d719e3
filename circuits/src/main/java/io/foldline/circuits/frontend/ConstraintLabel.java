package io.foldline.circuits.frontend;

/**
 * Where a constraint (or a hinted wire) came from: the gadget path that emitted it ({@code "relu/sign/toBits"},
 * or {@code "circuit"} at the top level) and what it checks ({@code "bit 3 is boolean"}).
 */
public record ConstraintLabel(String gadget, String purpose) {
    /** {@code gadget/purpose}: how hinted and product wires are named. */
    public String path() {
        return gadget + "/" + purpose;
    }

    @Override
    public String toString() {
        return "'" + purpose + "' in gadget " + gadget;
    }
}
