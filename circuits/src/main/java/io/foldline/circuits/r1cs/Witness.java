package io.foldline.circuits.r1cs;

import io.foldline.crypto.bn254.Fr;
import java.util.Arrays;
import java.util.List;

/**
 * A full assignment of an R1CS's wires in wire order (index 0 is the constant 1, then public outputs,
 * public inputs, private inputs, internal wires), as four Montgomery limbs per value. Immutable;
 * {@link #values()} returns the backing array for the prover's loops (do not modify).
 */
public final class Witness {
    private final long[] values;

    private Witness(long[] values) {
        this.values = values;
    }

    /** Copies {@code 4 * n} Montgomery limbs. */
    public static Witness ofMont(long[] limbs) {
        if (limbs.length % 4 != 0) {
            throw new IllegalArgumentException("witness limbs must come in fours, got " + limbs.length);
        }
        return new Witness(limbs.clone());
    }

    public static Witness of(List<Fr> values) {
        long[] l = new long[4 * values.size()];
        for (int i = 0; i < values.size(); i++) {
            values.get(i).copyMontTo(l, 4 * i);
        }
        return new Witness(l);
    }

    public int size() {
        return values.length / 4;
    }

    public Fr get(int wire) {
        return Fr.fromMont(values, 4 * wire);
    }

    /** Backing array, four Montgomery limbs per wire. Do not modify. */
    public long[] values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Witness w && Arrays.equals(values, w.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Witness[" + size() + " values]";
    }
}
