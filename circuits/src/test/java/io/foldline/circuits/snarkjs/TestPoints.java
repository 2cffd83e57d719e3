package io.foldline.circuits.snarkjs;

import io.foldline.crypto.bn254.Fq;
import io.foldline.crypto.bn254.Fq2;
import java.math.BigInteger;
import java.util.random.RandomGenerator;

/** Points for format tests, built from published constants (EIP-197 generators), no curve arithmetic. */
public final class TestPoints {
    private TestPoints() {
    }

    /** The G1 generator (1, 2) as 8 Montgomery limbs. */
    public static long[] g1() {
        long[] p = new long[8];
        Fq.of(1).copyMontTo(p, 0);
        Fq.of(2).copyMontTo(p, 4);
        return p;
    }

    /** The G2 generator of EIP-197 (x = x.c0 + x.c1 u, ...), as 16 Montgomery limbs. */
    public static long[] g2() {
        long[] p = new long[16];
        fq(p, 0, "10857046999023057135944570762232829481370756359578518086990519993285655852781");
        fq(p, 4, "11559732032986387107991004021392285783925812861821192530917403151452391805634");
        fq(p, 8, "8495653923123431417604973247489272438418190587263600148770280649306958101930");
        fq(p, 12, "4082367875863433681332203403145435568316851327593401208105741076214120093531");
        return p;
    }

    /** n copies of {@code point}, flat. */
    public static long[] repeat(long[] point, int n) {
        long[] out = new long[point.length * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(point, 0, out, i * point.length, point.length);
        }
        return out;
    }

    /** A point on the twist y^2 = x^3 + 3/(9+u) that is not in the order-r subgroup (cofactor != 1). */
    public static long[] g2OffSubgroup() {
        Fq2 b = Fq2.of(Fq.of(3), Fq.ZERO).mul(Fq2.XI.inverse());
        for (long i = 1; ; i++) {
            Fq2 x = Fq2.of(Fq.of(i), Fq.ONE);
            Fq2 y = x.square().mul(x).add(b).sqrt();
            if (y != null) {
                long[] p = new long[16];
                x.copyMontTo(p, 0);
                y.copyMontTo(p, 8);
                if (!io.foldline.crypto.bn254.G2Affine.ofUnchecked(x, y).isInSubgroup()) {
                    return p;
                }
            }
        }
    }

    public static long[] randomFr(RandomGenerator rng, int n) {
        long[] out = new long[4 * n];
        for (int i = 0; i < n; i++) {
            io.foldline.crypto.bn254.Fr.random(rng).copyMontTo(out, 4 * i);
        }
        return out;
    }

    private static void fq(long[] p, int off, String decimal) {
        Fq.of(new BigInteger(decimal)).copyMontTo(p, off);
    }
}
