package io.foldline.circuits.frontend;

import io.foldline.crypto.bn254.Fr;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * A linear combination {@code sum c_i * w_i} of wires of one circuit under construction, wire 0 being the
 * constant 1. Adding, subtracting and scaling by constants are free (no constraint); multiplying two
 * non-constant variables needs {@link Api#mul}. Immutable; terms are kept sorted by wire with non-zero
 * coefficients, so a constant is a combination of wire 0 alone (or of nothing, for zero).
 *
 * <p>Wire ids are the builder's creation-order ids, not the final R1CS indices: {@link Compiler} maps
 * them to circom's order. A variable must only be used with the {@link Api} that created its wires.
 */
public final class Variable {
    static final Variable ZERO = new Variable(new int[0], new Fr[0]);

    private final int[] wires;
    private final Fr[] coeffs;

    private Variable(int[] wires, Fr[] coeffs) {
        this.wires = wires;
        this.coeffs = coeffs;
    }

    public static Variable constant(Fr c) {
        return c.isZero() ? ZERO : new Variable(new int[] {0}, new Fr[] {c});
    }

    public static Variable constant(long c) {
        return constant(Fr.of(c));
    }

    static Variable wire(int id) {
        return new Variable(new int[] {id}, new Fr[] {Fr.ONE});
    }

    /**
     * {@code constant + sum coeffs[k] * xs[k]} in one pass (sorting all terms once), where a chain of
     * {@link #add} calls would copy the growing sum for every term: a dense layer's 784-term sums need it.
     */
    public static Variable linear(Fr constant, Fr[] coeffs, Variable[] xs) {
        if (coeffs.length != xs.length) {
            throw new IllegalArgumentException(coeffs.length + " coefficients for " + xs.length + " variables");
        }
        int total = 1;
        for (Variable x : xs) {
            total += x.wires.length;
        }
        long[] keys = new long[total];
        Fr[] vals = new Fr[total];
        int n = 0;
        keys[n] = 0;
        vals[n++] = constant;
        for (int k = 0; k < xs.length; k++) {
            if (coeffs[k].isZero()) {
                continue;
            }
            Variable x = xs[k];
            for (int t = 0; t < x.wires.length; t++) {
                keys[n] = ((long) x.wires[t] << 32) | n;
                vals[n++] = x.coeffs[t].mul(coeffs[k]);
            }
        }
        long[] sorted = Arrays.copyOf(keys, n);
        Arrays.sort(sorted);
        int[] w = new int[n];
        Fr[] c = new Fr[n];
        int m = 0;
        for (int i = 0; i < n; ) {
            int wire = (int) (sorted[i] >>> 32);
            Fr sum = Fr.ZERO;
            for (; i < n && (int) (sorted[i] >>> 32) == wire; i++) {
                sum = sum.add(vals[(int) sorted[i]]);
            }
            if (!sum.isZero()) {
                w[m] = wire;
                c[m++] = sum;
            }
        }
        return new Variable(Arrays.copyOf(w, m), Arrays.copyOf(c, m));
    }

    public Variable add(Variable o) {
        return combine(o, false);
    }

    public Variable sub(Variable o) {
        return combine(o, true);
    }

    public Variable add(long c) {
        return add(constant(c));
    }

    public Variable add(Fr c) {
        return add(constant(c));
    }

    public Variable neg() {
        return mul(Fr.ONE.neg());
    }

    public Variable mul(long c) {
        return mul(Fr.of(c));
    }

    public Variable mul(Fr c) {
        if (c.isZero()) {
            return ZERO;
        }
        Fr[] out = new Fr[coeffs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = coeffs[i].mul(c);
        }
        return new Variable(wires, out);
    }

    public boolean isConstant() {
        return wires.length == 0 || (wires.length == 1 && wires[0] == 0);
    }

    /** The value of a constant variable; throws for one that reads a wire. */
    public Fr constantValue() {
        if (!isConstant()) {
            throw new IllegalStateException("not a constant: " + this);
        }
        return wires.length == 0 ? Fr.ZERO : coeffs[0];
    }

    /** The wire id when this is exactly {@code 1 * w} for a non-constant wire w, else -1. */
    int singleWire() {
        return wires.length == 1 && wires[0] != 0 && coeffs[0].isOne() ? wires[0] : -1;
    }

    int terms() {
        return wires.length;
    }

    int wireAt(int k) {
        return wires[k];
    }

    Fr coeffAt(int k) {
        return coeffs[k];
    }

    /** The value under an assignment of wire ids to values. */
    Fr evaluate(IntFunction<Fr> values) {
        Fr acc = Fr.ZERO;
        for (int k = 0; k < wires.length; k++) {
            acc = acc.add(coeffs[k].mul(values.apply(wires[k])));
        }
        return acc;
    }

    /** Sorted merge of the two term lists; equal wires add, zero sums drop out. */
    private Variable combine(Variable o, boolean negate) {
        int[] w = new int[wires.length + o.wires.length];
        Fr[] c = new Fr[w.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < wires.length || j < o.wires.length) {
            int wi = i < wires.length ? wires[i] : Integer.MAX_VALUE;
            int wj = j < o.wires.length ? o.wires[j] : Integer.MAX_VALUE;
            Fr v;
            int wire;
            if (wi < wj) {
                wire = wi;
                v = coeffs[i++];
            } else {
                Fr oc = negate ? o.coeffs[j].neg() : o.coeffs[j];
                wire = wj;
                v = wi == wj ? coeffs[i++].add(oc) : oc;
                j++;
            }
            if (!v.isZero()) {
                w[n] = wire;
                c[n++] = v;
            }
        }
        return new Variable(Arrays.copyOf(w, n), Arrays.copyOf(c, n));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Variable v && Arrays.equals(wires, v.wires) && Arrays.equals(coeffs, v.coeffs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(wires) * 31 + Arrays.hashCode(coeffs);
    }

    @Override
    public String toString() {
        if (wires.length == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < wires.length; k++) {
            if (k > 0) {
                sb.append(" + ");
            }
            sb.append(coeffs[k]);
            if (wires[k] != 0) {
                sb.append("*w").append(wires[k]);
            }
        }
        return sb.toString();
    }
}
