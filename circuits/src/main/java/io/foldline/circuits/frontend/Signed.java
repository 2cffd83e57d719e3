package io.foldline.circuits.frontend;

import io.foldline.crypto.bn254.Fr;
import java.math.BigInteger;

/**
 * Signed integers as field elements ({@code -v} is {@code r - v}) and the comparisons that ML layers need.
 * "x is a signed n-bit value" means {@code x in [-2^(n-1), 2^(n-1))}. The sign comes from the top bit of
 * {@code x + 2^(n-1)}, which lies in [0, 2^n) exactly when x is in range, and whose bit n-1 is 1 exactly
 * when x >= 0 (prior art: circomlib's {@code LessThan(n)}, which decomposes {@code a + 2^n - b}).
 *
 * <p>Costs for non-constant operands: {@code isNonNegative}, {@code isNegative}, {@code rangeCheck}
 * n + 1; {@code lessThan(a, b, n)} n + 2; {@code select} 1 (+1 when the selector is not known boolean);
 * {@code max(a, b, n)} n + 3; {@code relu(x, n)} n + 2.
 */
public final class Signed {
    private Signed() {
    }

    /**
     * 1 when x >= 0, else 0; also asserts that x is a signed n-bit value (no witness exists otherwise).
     * Sound because {@link Bits#toBits} leaves the prover no choice of bits for {@code x + 2^(n-1)}.
     */
    public static Variable isNonNegative(Api api, Variable x, int n) {
        if (n < 1 || n > Bits.MAX_BITS) {
            throw new IllegalArgumentException("signed width must be in [1, " + Bits.MAX_BITS + "], got " + n);
        }
        try (Api.Scope s = api.gadget("sign")) {
            Variable[] bits = Bits.toBits(api, x.add(pow2(n - 1)), n);
            return bits[n - 1];
        }
    }

    public static Variable isNegative(Api api, Variable x, int n) {
        return Variable.constant(1).sub(isNonNegative(api, x, n));
    }

    /** Asserts that x is a signed n-bit value; n + 1 constraints. */
    public static void rangeCheck(Api api, Variable x, int n) {
        isNonNegative(api, x, n);
    }

    /**
     * 1 when a < b, for a and b signed n-bit values: the sign of a - b, a signed (n+1)-bit value. If a
     * caller's operands are not in range the gadget still never lies: it then has a witness only when
     * a - b happens to be a signed (n+1)-bit value, and its answer is that value's sign.
     */
    public static Variable lessThan(Api api, Variable a, Variable b, int n) {
        try (Api.Scope s = api.gadget("lessThan")) {
            return isNegative(api, a.sub(b), n + 1);
        }
    }

    /** {@code c ? a : b} as {@code b + c (a - b)}; c is asserted boolean unless already known to be. */
    public static Variable select(Api api, Variable c, Variable a, Variable b) {
        try (Api.Scope s = api.gadget("select")) {
            Bits.requireBoolean(api, c, "selector is boolean");
            return b.add(api.mul(c, a.sub(b), "c * (a - b)"));
        }
    }

    /** The larger of two signed n-bit values. */
    public static Variable max(Api api, Variable a, Variable b, int n) {
        try (Api.Scope s = api.gadget("max")) {
            return select(api, lessThan(api, a, b, n), b, a);
        }
    }

    /**
     * max(x, 0) for a signed n-bit value x, as {@code isNonNegative(x) * x}; the sign bit is fully
     * constrained, so the prover can neither zero a positive x nor pass a negative one.
     */
    public static Variable relu(Api api, Variable x, int n) {
        try (Api.Scope s = api.gadget("relu")) {
            return api.mul(isNonNegative(api, x, n), x, "sign * x");
        }
    }

    /** The integer that a field element stands for: v when v <= (r-1)/2, else v - r. */
    public static BigInteger toSigned(Fr x) {
        BigInteger v = x.toBigInteger();
        return v.compareTo(Fr.MODULUS.shiftRight(1)) > 0 ? v.subtract(Fr.MODULUS) : v;
    }

    static Fr pow2(int k) {
        return Fr.of(BigInteger.ONE.shiftLeft(k));
    }
}
