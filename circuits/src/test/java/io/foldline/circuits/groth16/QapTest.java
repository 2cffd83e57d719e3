package io.foldline.circuits.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.fft.Domain;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class QapTest {

    @Test
    void domainSizeFollowsSnarkjs() {
        // 2^(floor(log2(nConstraints + nPublic)) + 1), zkey_new.js
        assertEquals(8, Qap.domainSizeFor(3, 1));
        assertEquals(8, Qap.domainSizeFor(4, 3));
        assertEquals(16, Qap.domainSizeFor(7, 1));
        assertEquals(1 << 16, Qap.domainSizeFor((1 << 16) - 8, 1));
        assertEquals(1 << 17, Qap.domainSizeFor((1 << 16) - 1, 1));
        assertEquals(2, Qap.domainSizeFor(1, 0));
    }

    @Test
    void coefficientsFollowZkeyNewOrder() {
        Qap.Coefficients co = Qap.coefficientsOf(CubicCircuit.r1cs());
        // constraint 0: A(x), B(x); constraint 1: A(x^2), B(x); constraint 2: A(x^3, x, 5·1), B(1); extras
        int[] matrix = {0, 1, 0, 1, 0, 0, 0, 1, 0, 0};
        int[] constraint = {0, 0, 1, 1, 2, 2, 2, 2, 3, 4};
        int[] signal = {2, 2, 3, 2, 4, 2, 0, 0, 0, 1};
        assertEquals(10, co.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(matrix[i], co.matrix()[i], "matrix " + i);
            assertEquals(constraint[i], co.constraint()[i], "constraint " + i);
            assertEquals(signal[i], co.signal()[i], "signal " + i);
        }
        assertEquals(Fr.of(5), Fr.fromMont(co.values(), 4 * 6));
        assertEquals(Fr.ONE, Fr.fromMont(co.values(), 4 * 9));
    }

    /** Checks the coset values against Lagrange interpolation and Horner evaluation in BigInteger. */
    @Test
    void hEvaluationsMatchDirectInterpolation() {
        R1cs r = CubicCircuit.r1cs();
        int n = Qap.domainSizeFor(r.nConstraints(), r.nPublic());
        Qap qap = Qap.of(n, r.nWires(), Qap.coefficientsOf(r), "test");
        Witness w = CubicCircuit.witness(3);
        long[] h = qap.hEvaluations(w.values());

        Fr[] aRows = new Fr[n];
        Fr[] bRows = new Fr[n];
        java.util.Arrays.fill(aRows, Fr.ZERO);
        java.util.Arrays.fill(bRows, Fr.ZERO);
        Fr x = w.get(2);
        aRows[0] = x;
        bRows[0] = x;
        aRows[1] = w.get(3);
        bRows[1] = x;
        aRows[2] = w.get(4).add(x).add(Fr.of(5));
        bRows[2] = Fr.ONE;
        aRows[3] = Fr.ONE;      // extra row s = 0
        aRows[4] = w.get(1);    // extra row s = 1
        Fr omega = Domain.of(Integer.numberOfTrailingZeros(n)).omega();
        Fr omega2 = Domain.of(Integer.numberOfTrailingZeros(n) + 1).omega();
        for (int i = 0; i < n; i++) {
            Fr pt = omega2.pow(2L * i + 1);
            Fr av = lagrange(aRows, omega, pt);
            Fr bv = lagrange(bRows, omega, pt);
            Fr[] cRows = new Fr[n];
            for (int j = 0; j < n; j++) {
                cRows[j] = aRows[j].mul(bRows[j]);
            }
            Fr cv = lagrange(cRows, omega, pt);
            assertEquals(av.mul(bv).sub(cv), Fr.fromMont(h, 4 * i), "odd point " + i);
        }
    }

    @Test
    void omega2SquaredIsOmega() {
        assertEquals(Domain.of(3).omega(), Domain.of(4).omega().square());
        assertTrue(Domain.of(4).omega().pow(8).equals(Fr.ONE.neg()));
    }

    @Test
    void rejectsOutOfRangeIndices() {
        Qap.Coefficients co = Qap.coefficientsOf(CubicCircuit.r1cs());
        FormatException e = assertThrows(FormatException.class, () -> Qap.of(8, 4, co, "c.zkey"));
        assertTrue(e.getMessage().contains("c.zkey") && e.getMessage().contains("signal 4"), e.getMessage());
        assertThrows(FormatException.class, () -> Qap.of(4, 5, co, "c.zkey"));
        assertThrows(FormatException.class, () -> Qap.of(6, 5, co, "c.zkey"));
    }

    /** sum_j v_j L_j(x) over the domain {omega^j}, with L_j(x) = prod_{k != j} (x - w^k) / (w^j - w^k). */
    private static Fr lagrange(Fr[] v, Fr omega, Fr x) {
        int n = v.length;
        BigInteger p = Fr.MODULUS;
        BigInteger acc = BigInteger.ZERO;
        for (int j = 0; j < n; j++) {
            BigInteger num = BigInteger.ONE;
            BigInteger den = BigInteger.ONE;
            BigInteger wj = omega.pow(j).toBigInteger();
            for (int k = 0; k < n; k++) {
                if (k != j) {
                    BigInteger wk = omega.pow(k).toBigInteger();
                    num = num.multiply(x.toBigInteger().subtract(wk)).mod(p);
                    den = den.multiply(wj.subtract(wk)).mod(p);
                }
            }
            acc = acc.add(v[j].toBigInteger().multiply(num).multiply(den.modInverse(p))).mod(p);
        }
        return Fr.of(acc);
    }
}
