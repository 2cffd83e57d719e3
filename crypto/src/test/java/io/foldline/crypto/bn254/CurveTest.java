package io.foldline.crypto.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.CryptoException;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** G1 and G2: the group laws, point validation, encodings, and the G2 subgroup test. */
class CurveTest {
    static final BigInteger Q = Fq.MODULUS, R = Fr.MODULUS;
    /** #E'(Fq2) = r * H2 for the twist y^2 = x^3 + 3/(9+u); H2 = 2q - r = 10069 * (a 241-bit number). */
    static final BigInteger H2 = Q.shiftLeft(1).subtract(R);

    @Nested
    class G1Laws extends GroupLawsContract<G1Affine, G1Jacobian> {
        protected G1Affine generator() { return G1Affine.GENERATOR; }
        protected G1Affine infinity() { return G1Affine.INFINITY; }
        protected G1Affine add(G1Affine a, G1Affine b) { return a.add(b); }
        protected G1Affine neg(G1Affine a) { return a.neg(); }
        protected G1Affine mul(G1Affine a, BigInteger k) { return a.mul(k); }
        protected boolean isInfinity(G1Affine a) { return a.isInfinity(); }
        protected G1Jacobian toJacobian(G1Affine a) { return a.toJacobian(); }
        protected G1Affine toAffine(G1Jacobian p) { return p.toAffine(); }
        protected G1Jacobian addJ(G1Jacobian a, G1Jacobian b) { return a.add(b); }
        protected G1Jacobian addMixed(G1Jacobian a, G1Affine b) { return a.addMixed(b); }
        protected G1Jacobian dbl(G1Jacobian a) { return a.dbl(); }
        protected G1Jacobian mulJ(G1Jacobian a, BigInteger k) { return a.mul(k); }
        protected G1Affine[] batchToAffine(G1Jacobian[] ps) { return G1Jacobian.batchToAffine(ps); }
    }

    @Nested
    class G2Laws extends GroupLawsContract<G2Affine, G2Jacobian> {
        protected G2Affine generator() { return G2Affine.GENERATOR; }
        protected G2Affine infinity() { return G2Affine.INFINITY; }
        protected G2Affine add(G2Affine a, G2Affine b) { return a.add(b); }
        protected G2Affine neg(G2Affine a) { return a.neg(); }
        protected G2Affine mul(G2Affine a, BigInteger k) { return a.mul(k); }
        protected boolean isInfinity(G2Affine a) { return a.isInfinity(); }
        protected G2Jacobian toJacobian(G2Affine a) { return a.toJacobian(); }
        protected G2Affine toAffine(G2Jacobian p) { return p.toAffine(); }
        protected G2Jacobian addJ(G2Jacobian a, G2Jacobian b) { return a.add(b); }
        protected G2Jacobian addMixed(G2Jacobian a, G2Affine b) { return a.addMixed(b); }
        protected G2Jacobian dbl(G2Jacobian a) { return a.dbl(); }
        protected G2Jacobian mulJ(G2Jacobian a, BigInteger k) { return a.mul(k); }
        protected G2Affine[] batchToAffine(G2Jacobian[] ps) { return G2Jacobian.batchToAffine(ps); }
        protected int rounds() { return 5; }
    }

    /** A point of E'(Fq2) with a random x, found by solving for y; almost surely outside G2. */
    static G2Affine randomTwistPoint(SplittableRandom rng) {
        Fq2 b = Fq2.of(Fq.of(3), Fq.ZERO).mul(Fq2.XI.inverse());
        while (true) {
            Fq2 x = Fq2Test.random(rng);
            Fq2 y = x.square().mul(x).add(b).sqrt();
            if (y != null) {
                return G2Affine.ofUnchecked(x, y);
            }
        }
    }

    @Test
    void generatorsAreValid() {
        assertEquals(G1Affine.GENERATOR, G1Affine.of(BigInteger.ONE, BigInteger.TWO));
        G2Affine g = G2Affine.GENERATOR;
        assertTrue(g.isOnCurve());
        assertTrue(g.isInSubgroup());
        assertTrue(g.isInSubgroupByOrder());
    }

    @Test
    void offCurvePointsAreRejected() {
        CryptoException e = assertThrows(CryptoException.class, () -> G1Affine.of(BigInteger.ONE, BigInteger.valueOf(3)));
        assertTrue(e.getMessage().startsWith("G1 point is not on the curve"), e.getMessage());
        assertThrows(CryptoException.class, () -> G1Affine.of(BigInteger.ZERO, BigInteger.ONE));
        G2Affine g = G2Affine.GENERATOR;
        e = assertThrows(CryptoException.class, () -> G2Affine.of(g.x(), g.y().add(Fq2.ONE)));
        assertTrue(e.getMessage().startsWith("G2 point is not on the curve"), e.getMessage());
        // a point of the wrong twist: x of the generator, y from the curve y^2 = x^3 + 3 over Fq2
        Fq2 y = g.x().square().mul(g.x()).add(Fq2.of(Fq.of(3), Fq.ZERO)).sqrt();
        if (y != null) {
            assertThrows(CryptoException.class, () -> G2Affine.of(g.x(), y));
        }
        assertEquals(G1Affine.INFINITY, G1Affine.of(Fq.ZERO, Fq.ZERO));
        assertEquals(G2Affine.INFINITY, G2Affine.of(Fq2.ZERO, Fq2.ZERO));
    }

    @Test
    void twistPointsOutsideTheSubgroupAreRejected() {
        SplittableRandom rng = new SplittableRandom(21);
        for (int i = 0; i < 4; i++) {
            G2Affine p = randomTwistPoint(rng);
            assertTrue(p.isOnCurve());
            assertTrue(p.mul(R.multiply(H2)).isInfinity(), "the twist has order r * h2");
            assertFalse(p.isInSubgroup());
            assertFalse(p.isInSubgroupByOrder());
            CryptoException e = assertThrows(CryptoException.class, () -> G2Affine.of(p.x(), p.y()));
            assertTrue(e.getMessage().contains("not in the subgroup"), e.getMessage());
            G2Affine cleared = p.mul(H2);                      // cofactor clearing lands in G2
            assertTrue(cleared.isInSubgroup());
            assertTrue(cleared.isInSubgroupByOrder());
            assertEquals(cleared, G2Affine.of(cleared.x(), cleared.y()));
        }
    }

    @Test
    void smallOrderComponentIsDetected() {
        SplittableRandom rng = new SplittableRandom(22);
        BigInteger ell = BigInteger.valueOf(10069);
        G2Affine t;
        do {
            t = randomTwistPoint(rng).mul(R.multiply(H2.divide(ell)));  // order divides 10069, a prime
        } while (t.isInfinity());
        assertTrue(t.mul(ell).isInfinity());
        assertFalse(t.isInSubgroup());
        G2Affine tampered = G2Affine.GENERATOR.mul(BigInteger.valueOf(777)).add(t);  // G2 point + torsion
        assertTrue(tampered.isOnCurve());
        assertFalse(tampered.isInSubgroup());
        assertFalse(tampered.isInSubgroupByOrder());
    }

    @Test
    void psiActsAsMultiplicationByQOnG2() {
        G2Jacobian g = G2Affine.GENERATOR.mul(BigInteger.valueOf(12345)).toJacobian();
        assertEquals(g.mul(Q.mod(R)), g.psi());
        BigInteger x = new BigInteger("4965661367192848881");
        assertEquals(Q.mod(R), x.pow(2).multiply(BigInteger.valueOf(6)).mod(R));
    }

    @Test
    void generatorEncodingsMatchThePackageDocumentation() {
        java.util.HexFormat hex = java.util.HexFormat.of();
        assertEquals("0".repeat(63) + "1" + "0".repeat(63) + "2", hex.formatHex(G1Affine.GENERATOR.toBytesBE()));
        assertEquals("198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
                + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
                + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
                + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa",
                hex.formatHex(G2Affine.GENERATOR.toBytesBE()));
    }

    @Test
    void limbsAndBytesRoundTrip() {
        SplittableRandom rng = new SplittableRandom(23);
        G1Affine p = G1Affine.GENERATOR.mul(PrimeFieldTest.randomBelow(R, rng));
        long[] buf = new long[9];
        p.copyTo(buf, 1);
        assertEquals(p, G1Affine.fromLimbs(buf, 1));
        assertEquals(p, G1Affine.fromBytesBE(p.toBytesBE()));
        assertEquals(G1Affine.INFINITY, G1Affine.fromBytesBE(new byte[64]));
        buf[1] ^= 1;
        assertThrows(CryptoException.class, () -> G1Affine.fromLimbs(buf, 1));
        G2Affine q = G2Affine.GENERATOR.mul(PrimeFieldTest.randomBelow(R, rng));
        long[] buf2 = new long[16];
        q.copyTo(buf2, 0);
        assertEquals(q, G2Affine.fromLimbs(buf2, 0));
        assertEquals(q, G2Affine.fromBytesBE(q.toBytesBE()));
        assertEquals(G2Affine.INFINITY, G2Affine.fromBytesBE(new byte[128]));
        java.util.Arrays.fill(buf2, -1L);
        assertThrows(CryptoException.class, () -> G2Affine.fromLimbs(buf2, 0));
        assertThrows(CryptoException.class, () -> G2Affine.fromBytesBE(new byte[127]));
    }
}
