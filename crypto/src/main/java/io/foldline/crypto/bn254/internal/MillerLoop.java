package io.foldline.crypto.bn254.internal;

import java.math.BigInteger;

/**
 * The multi-Miller loop of the optimal ate pairing on BN254, on flat limbs. For pairs (P_i, Q_i) it returns
 * f = prod_i f_{6x+2, Q_i}(P_i) * l_{T_i, psi(Q_i)}(P_i) * l_{T_i + psi(Q_i), -psi^2(Q_i)}(P_i), sharing one
 * Fq12 squaring per iteration between all pairs (Vercauteren, "Optimal pairings", 2010; Beuchat et al.,
 * "High-speed software implementation of the optimal ate pairing over BN curves", 2010).
 *
 * <p>T_i runs in homogeneous projective coordinates (x = X/Z, y = Y/Z) on the twist, with the doubling and
 * mixed-addition steps of Costello, Lange, Naehrig ("Faster pairing computations on curves with high-degree
 * twists", 2010) in the form of Aranha et al. ("Faster explicit formulas for computing pairings over ordinary
 * curves", 2011). A twist point (x, y) untwists to (x w^2, y w^3), so every line evaluated at P = (xP, yP)
 * has the shape l0 + l3 w + l4 w^3 ({@link Fq12Ops#mulBy034}); lines are scaled by Fq2 factors, which the
 * final exponentiation removes. The loop scalar 6x+2 is read in non-adjacent form, a digit -1 adding -Q.
 *
 * <p>Not thread-safe (scratch space); one instance per computation. Input points must not be infinity:
 * callers drop such pairs, whose pairing is 1.
 */
public final class MillerLoop {
    /** Non-adjacent form of 6x + 2, least significant digit first; the top digit is 1. */
    static final byte[] LOOP_NAF = naf(G2Ops.SEED.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO));
    /** -psi^2(x, y) = (x * XI_Q2, y): psi^2 scales x by xi^((q^2-1)/3) and y by xi^((q^2-1)/2) = -1. */
    private static final long[] PSI2_X = new long[8];

    static {
        BigInteger q = MontField.FQ.modulus;
        long[] xi = new long[8];
        Fq2Ops.fromBigIntegers(BigInteger.valueOf(9), BigInteger.ONE, xi, 0);
        Fq2Ops.pow(xi, 0, q.multiply(q).subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)), PSI2_X, 0);
    }

    /** 3b' = 9/xi, the constant of the doubling step. */
    private static final long[] B3 = new long[8];

    static {
        Fq2Ops.add(G2Ops.B, 0, G2Ops.B, 0, B3, 0);
        Fq2Ops.add(B3, 0, G2Ops.B, 0, B3, 0);
    }

    private final Fq12Ops f12 = new Fq12Ops();
    private final long[] line = new long[24];
    private final long[] s = new long[8 * 12];

    /**
     * f for n pairs: {@code ps} holds n affine G1 points (8 longs each: x, y), {@code qs} n affine G2 points
     * (16 longs each: x, y). Writes 48 longs to {@code f} at {@code fo}.
     */
    public void run(long[] ps, long[] qs, int n, long[] f, int fo) {
        long[] t = new long[24 * n];          // T_i = (X, Y, Z)
        long[] negQ = new long[16 * n];       // -Q_i, for NAF digits -1
        for (int i = 0; i < n; i++) {
            System.arraycopy(qs, 16 * i, t, 24 * i, 16);
            Fq2Ops.setOne(t, 24 * i + 16);
            Fq2Ops.copy(qs, 16 * i, negQ, 16 * i);
            Fq2Ops.neg(qs, 16 * i + 8, negQ, 16 * i + 8);
        }
        Fq12Ops.setOne(f, fo);
        for (int bit = LOOP_NAF.length - 2; bit >= 0; bit--) {
            f12.sqr(f, fo, f, fo);
            for (int i = 0; i < n; i++) {
                doublingStep(t, 24 * i, ps, 8 * i);
                f12.mulBy034(f, fo, line, 0, f, fo);
            }
            if (LOOP_NAF[bit] != 0) {
                long[] q = LOOP_NAF[bit] > 0 ? qs : negQ;
                for (int i = 0; i < n; i++) {
                    additionStep(t, 24 * i, q, 16 * i, ps, 8 * i);
                    f12.mulBy034(f, fo, line, 0, f, fo);
                }
            }
        }
        long[] q1 = new long[16];
        for (int i = 0; i < n; i++) {
            // Q1 = psi(Q), then Q2 = -psi^2(Q)
            Fq2Ops.conjugate(qs, 16 * i, q1, 0);
            Fq2Ops.mul(q1, 0, G2Ops.PSI_X, 0, q1, 0);
            Fq2Ops.conjugate(qs, 16 * i + 8, q1, 8);
            Fq2Ops.mul(q1, 8, G2Ops.PSI_Y, 0, q1, 8);
            additionStep(t, 24 * i, q1, 0, ps, 8 * i);
            f12.mulBy034(f, fo, line, 0, f, fo);
            Fq2Ops.mul(qs, 16 * i, PSI2_X, 0, q1, 0);
            Fq2Ops.copy(qs, 16 * i + 8, q1, 8);
            additionStep(t, 24 * i, q1, 0, ps, 8 * i);
            f12.mulBy034(f, fo, line, 0, f, fo);
        }
    }

    // scratch slots (Fq2 offsets into s)
    private static final int A = 0, B = 8, C = 16, E = 24, F = 32, G = 40, H = 48, I = 56, J = 64, K = 72;

    /**
     * T = 2T and line = the tangent at T evaluated at P, scaled by -2YZ:
     * l0 = -2YZ yP, l3 = 3X^2 xP, l4 = 3b'Z^2 - Y^2. With A = XY/2, B = Y^2, C = Z^2, E = 3b'C, F = 3E,
     * G = (B + F)/2, H = 2YZ: X3 = A(B - F), Y3 = G^2 - 3E^2, Z3 = BH.
     */
    private void doublingStep(long[] t, int to, long[] p, int po) {
        final long[] s = this.s;
        final int x = to, y = to + 8, z = to + 16;
        Fq2Ops.mul(t, x, t, y, s, A);
        Fq2Ops.halve(s, A, s, A);
        Fq2Ops.sqr(t, y, s, B);
        Fq2Ops.sqr(t, z, s, C);
        Fq2Ops.mul(s, C, B3, 0, s, E);
        Fq2Ops.dbl(s, E, s, F);
        Fq2Ops.add(s, F, s, E, s, F);
        Fq2Ops.add(s, B, s, F, s, G);
        Fq2Ops.halve(s, G, s, G);
        Fq2Ops.add(t, y, t, z, s, H);
        Fq2Ops.sqr(s, H, s, H);
        Fq2Ops.sub(s, H, s, B, s, H);
        Fq2Ops.sub(s, H, s, C, s, H);                 // H = 2YZ
        Fq2Ops.sub(s, E, s, B, line, 16);             // l4 = E - B
        Fq2Ops.sqr(t, x, s, J);
        Fq2Ops.dbl(s, J, s, I);
        Fq2Ops.add(s, I, s, J, s, J);
        Fq2Ops.mulByFq(s, J, p, po, line, 8);         // l3 = 3X^2 xP
        Fq2Ops.mulByFq(s, H, p, po + 4, line, 0);
        Fq2Ops.neg(line, 0, line, 0);                 // l0 = -H yP
        Fq2Ops.sub(s, B, s, F, s, K);
        Fq2Ops.mul(s, A, s, K, t, x);                 // X3 = A (B - F)
        Fq2Ops.sqr(s, E, s, K);
        Fq2Ops.dbl(s, K, s, I);
        Fq2Ops.add(s, I, s, K, s, K);
        Fq2Ops.sqr(s, G, s, I);
        Fq2Ops.sub(s, I, s, K, t, y);                 // Y3 = G^2 - 3E^2
        Fq2Ops.mul(s, B, s, H, t, z);                 // Z3 = B H
    }

    /**
     * T = T + Q for affine Q, and line = the chord through T and Q at P, scaled by lambda:
     * with theta = Y - yQ Z, lambda = X - xQ Z: l0 = lambda yP, l3 = -theta xP, l4 = theta xQ - lambda yQ.
     * With C = theta^2, D = lambda^2, E = lambda D, F = Z C, G = X D, H = E + F - 2G:
     * X3 = lambda H, Y3 = theta (G - H) - Y E, Z3 = Z E.
     */
    private void additionStep(long[] t, int to, long[] q, int qo, long[] p, int po) {
        final long[] s = this.s;
        final int x = to, y = to + 8, z = to + 16;
        final int th = A, la = B;
        Fq2Ops.mul(q, qo + 8, t, z, s, th);
        Fq2Ops.sub(t, y, s, th, s, th);               // theta
        Fq2Ops.mul(q, qo, t, z, s, la);
        Fq2Ops.sub(t, x, s, la, s, la);               // lambda
        Fq2Ops.mul(s, th, q, qo, s, I);
        Fq2Ops.mul(s, la, q, qo + 8, s, J);
        Fq2Ops.sub(s, I, s, J, line, 16);             // l4
        Fq2Ops.mulByFq(s, la, p, po + 4, line, 0);    // l0
        Fq2Ops.mulByFq(s, th, p, po, line, 8);
        Fq2Ops.neg(line, 8, line, 8);                 // l3
        Fq2Ops.sqr(s, th, s, C);
        Fq2Ops.sqr(s, la, s, K);                      // D
        Fq2Ops.mul(s, la, s, K, s, E);
        Fq2Ops.mul(t, z, s, C, s, F);
        Fq2Ops.mul(t, x, s, K, s, G);
        Fq2Ops.add(s, E, s, F, s, H);
        Fq2Ops.sub(s, H, s, G, s, H);
        Fq2Ops.sub(s, H, s, G, s, H);                 // H = E + F - 2G
        Fq2Ops.mul(s, la, s, H, t, x);                // X3
        Fq2Ops.sub(s, G, s, H, s, I);
        Fq2Ops.mul(s, th, s, I, s, I);
        Fq2Ops.mul(t, y, s, E, s, J);
        Fq2Ops.sub(s, I, s, J, t, y);                 // Y3
        Fq2Ops.mul(t, z, s, E, t, z);                 // Z3
    }

    /** Non-adjacent form, least significant digit first. */
    static byte[] naf(BigInteger k) {
        byte[] d = new byte[k.bitLength() + 1];
        int n = 0;
        while (k.signum() > 0) {
            if (k.testBit(0)) {
                int digit = 2 - k.mod(BigInteger.valueOf(4)).intValue();  // +1 or -1
                d[n] = (byte) digit;
                k = k.subtract(BigInteger.valueOf(digit));
            }
            k = k.shiftRight(1);
            n++;
        }
        return java.util.Arrays.copyOf(d, n);
    }
}
