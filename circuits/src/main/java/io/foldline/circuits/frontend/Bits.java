package io.foldline.circuits.frontend;

import io.foldline.crypto.bn254.Fr;
import java.math.BigInteger;

/**
 * Booleans and binary decomposition (prior art: circomlib's {@code Num2Bits}, gnark's
 * {@code api.ToBinary}). Costs in constraints, for non-constant operands: {@code toBits(x, n)} and
 * {@code rangeCheck(x, n)} n + 1; {@code and}, {@code or}, {@code xor} 1 each (plus 1 per operand not
 * already known boolean); {@code not} and {@code fromBits} 0.
 */
public final class Bits {
    /** The largest n for which n bits recompose without wrapping modulo r (2^253 < r < 2^254). */
    public static final int MAX_BITS = 253;

    private Bits() {
    }

    /**
     * The n bits of x, least significant first. Sound: each hinted bit is asserted boolean, so their
     * weighted sum lies in [0, 2^n) with 2^n <= 2^253 < r; the sum is asserted equal to x, so the
     * equation holds over the integers: x's canonical value is below 2^n and the bits are its unique
     * binary digits. A prover can change no bit, and no x >= 2^n has a witness.
     */
    public static Variable[] toBits(Api api, Variable x, int n) {
        if (n < 0 || n > MAX_BITS) {
            throw new IllegalArgumentException("toBits: bit count must be in [0, " + MAX_BITS + "], got " + n);
        }
        if (x.isConstant()) {
            return constantBits(api, x.constantValue(), n);
        }
        try (Api.Scope s = api.gadget("toBits")) {
            Variable[] bits = api.hint("bits of x", n, in -> bitsOf(in[0], n), x);
            for (int i = 0; i < n; i++) {
                api.assertBoolean(bits[i], "bit " + i + " is boolean");
            }
            api.assertEqual(fromBits(bits), x, "bits recompose x");
            return bits;
        }
    }

    /** Asserts 0 <= x < 2^n (x's canonical value); n + 1 constraints. */
    public static void rangeCheck(Api api, Variable x, int n) {
        try (Api.Scope s = api.gadget("rangeCheck")) {
            toBits(api, x, n);
        }
    }

    /** {@code sum bits[i] * 2^i}; free. */
    public static Variable fromBits(Variable[] bits) {
        Variable acc = Variable.ZERO;
        Fr pow = Fr.ONE;
        for (Variable b : bits) {
            acc = acc.add(b.mul(pow));
            pow = pow.dbl();
        }
        return acc;
    }

    public static Variable not(Api api, Variable b) {
        requireBoolean(api, b, "not: operand is boolean");
        return Variable.constant(1).sub(b);
    }

    public static Variable and(Api api, Variable a, Variable b) {
        try (Api.Scope s = api.gadget("and")) {
            requireBoolean(api, a, "left operand is boolean");
            requireBoolean(api, b, "right operand is boolean");
            return api.mul(a, b, "a and b");
        }
    }

    /** a + b - ab. */
    public static Variable or(Api api, Variable a, Variable b) {
        try (Api.Scope s = api.gadget("or")) {
            requireBoolean(api, a, "left operand is boolean");
            requireBoolean(api, b, "right operand is boolean");
            return a.add(b).sub(api.mul(a, b, "a and b"));
        }
    }

    /** a + b - 2ab. */
    public static Variable xor(Api api, Variable a, Variable b) {
        try (Api.Scope s = api.gadget("xor")) {
            requireBoolean(api, a, "left operand is boolean");
            requireBoolean(api, b, "right operand is boolean");
            return a.add(b).sub(api.mul(a, b, "a and b").mul(2));
        }
    }

    /** Emits {@code b(b-1) = 0} unless b is already known boolean (free then). */
    static void requireBoolean(Api api, Variable b, String purpose) {
        if (!api.isBoolean(b)) {
            api.assertBoolean(b, purpose);
        }
    }

    static Fr[] bitsOf(Fr x, int n) {
        BigInteger v = x.toBigInteger();
        Fr[] out = new Fr[n];
        for (int i = 0; i < n; i++) {
            out[i] = v.testBit(i) ? Fr.ONE : Fr.ZERO;
        }
        return out;
    }

    private static Variable[] constantBits(Api api, Fr x, int n) {
        if (x.toBigInteger().bitLength() > n) {
            throw new IllegalArgumentException("toBits in " + api.gadgetPath() + ": constant " + x
                    + " does not fit in " + n + " bits");
        }
        Fr[] b = bitsOf(x, n);
        Variable[] out = new Variable[n];
        for (int i = 0; i < n; i++) {
            out[i] = Variable.constant(b[i]);
        }
        return out;
    }
}
