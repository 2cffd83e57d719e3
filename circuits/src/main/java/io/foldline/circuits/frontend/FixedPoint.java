package io.foldline.circuits.frontend;

import io.foldline.crypto.bn254.Fr;
import java.math.BigInteger;

/**
 * Requantization of fixed-point values: division by a constant with a range-checked remainder
 * (DESIGN.md section 2). The prover supplies the quotient q and remainder rem as hints; the gadget
 * constrains {@code x = q d + rem}, {@code 0 <= rem < d} and {@code q in [-2^(m-1), 2^(m-1))}.
 *
 * <p>Why the quotient bound matters: d is invertible modulo r, so without it every rem' in [0, d) has
 * a q' = (x - rem') / d mod r and the prover could pick the rounding. With both bounds, q d + rem ranges
 * over the integer interval [-2^(m-1) d, 2^(m-1) d) of length 2^m d; the gadget requires
 * {@code 2^m d <= r}, so distinct (q, rem) pairs are distinct modulo r and the field equation pins the
 * integer one: q = floor(x / d), rem = x mod d. For x a signed nx-bit value and 2^k <= d < 2^(k+1) we
 * take m = max(1, nx - k), which holds every floor(x / d), and 2^m d < 2^(nx+1) <= r for nx <= 252
 * when nx > k (when nx <= k, m = 1 and 2d <= r is checked directly).
 * An x outside [-2^(m-1) d, 2^(m-1) d) has no witness at all.
 *
 * <p>Cost: 1 (the equation) + (m + 1) (quotient range) + the remainder check: k + 1 when d = 2^k, else
 * 2 (b + 1) with b = bitLength(d - 1) (both rem and d - 1 - rem in [0, 2^b)). For d = 2^k that is
 * nx + 3 in all; d = 1 is free.
 */
public final class FixedPoint {
    private FixedPoint() {
    }

    /** floor(x / d) for a signed nx-bit x and a constant d >= 1. */
    public static Variable divByConstant(Api api, Variable x, long d, int nx) {
        return divRem(api, x, BigInteger.valueOf(d), nx)[0];
    }

    /** Round half up, floor((x + floor(d / 2)) / d); x + floor(d / 2) must be a signed nx-bit value. */
    public static Variable divRound(Api api, Variable x, long d, int nx) {
        return divByConstant(api, x.add(d / 2), d, nx);
    }

    /**
     * max(divRound(x, d), 0) at the cost of divRound plus one constraint: the sign of the quotient is the
     * top bit of the decomposition that range-checks it anyway, so ReLU after requantization needs no
     * second decomposition.
     */
    public static Variable divRoundRelu(Api api, Variable x, long d, int nx) {
        Variable[] qrs = divRemSign(api, x.add(d / 2), BigInteger.valueOf(d), nx, true);
        try (Api.Scope s = api.gadget("relu")) {
            return api.mul(qrs[2], qrs[0], "sign * q");
        }
    }

    /** {q, rem} with x = q d + rem, 0 <= rem < d, for a signed nx-bit x. */
    public static Variable[] divRem(Api api, Variable x, BigInteger d, int nx) {
        Variable[] qrs = divRemSign(api, x, d, nx, false);
        return new Variable[] {qrs[0], qrs[1]};
    }

    /** {q, rem, 1 if q >= 0 else 0}; for d = 1 the sign costs a decomposition, so only when asked. */
    private static Variable[] divRemSign(Api api, Variable x, BigInteger d, int nx, boolean wantSign) {
        if (d.signum() <= 0) {
            throw new IllegalArgumentException("divByConstant: divisor must be >= 1, got " + d);
        }
        int k = d.bitLength() - 1;
        int m = Math.max(1, nx - k);
        if (nx < 1 || m > Bits.MAX_BITS || BigInteger.ONE.shiftLeft(m).multiply(d).compareTo(Fr.MODULUS) > 0) {
            throw new IllegalArgumentException("divByConstant: 2^" + m + " * " + d + " exceeds r (x has "
                    + nx + " bits); the quotient could wrap around");
        }
        if (d.equals(BigInteger.ONE)) {
            return new Variable[] {x, Variable.ZERO, wantSign ? Signed.isNonNegative(api, x, m) : null};
        }
        Fr df = Fr.of(d);
        if (x.isConstant()) {
            BigInteger[] qr = floorDivMod(x.constantValue(), d);
            Variable q = Variable.constant(Fr.reduce(qr[0]));
            return new Variable[] {q, Variable.constant(Fr.of(qr[1])), Signed.isNonNegative(api, q, m)};
        }
        try (Api.Scope s = api.gadget("divByConstant")) {
            Variable[] qr = api.hint("quotient and remainder", 2, in -> {
                BigInteger[] v = floorDivMod(in[0], d);
                return new Fr[] {Fr.reduce(v[0]), Fr.of(v[1])};
            }, x);
            api.assertEqual(qr[0].mul(df).add(qr[1]), x, "x = q * d + rem");
            remainderBelow(api, qr[1], d);
            try (Api.Scope q = api.gadget("quotient range")) {
                return new Variable[] {qr[0], qr[1], Signed.isNonNegative(api, qr[0], m)};
            }
        }
    }

    private static void remainderBelow(Api api, Variable rem, BigInteger d) {
        try (Api.Scope s = api.gadget("remainder range")) {
            int b = d.subtract(BigInteger.ONE).bitLength();
            Bits.rangeCheck(api, rem, b);
            if (d.bitCount() != 1) {
                // rem < 2^b and d - 1 - rem < 2^b, both far below r: no wrap, so rem <= d - 1
                Bits.rangeCheck(api, Variable.constant(Fr.of(d.subtract(BigInteger.ONE))).sub(rem), b);
            }
        }
    }

    /** Floor division of the signed integer that x stands for. */
    static BigInteger[] floorDivMod(Fr x, BigInteger d) {
        BigInteger v = Signed.toSigned(x);
        BigInteger[] qr = v.divideAndRemainder(d);
        if (qr[1].signum() < 0) {
            qr[0] = qr[0].subtract(BigInteger.ONE);
            qr[1] = qr[1].add(d);
        }
        return qr;
    }
}
