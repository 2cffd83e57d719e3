package io.foldline.crypto.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fr;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Transforms against naive polynomial evaluation with value-level Fr arithmetic, and the choice of omega. */
class DomainTest {
    private static final BigInteger R = Fr.MODULUS;

    static Fr[] randomVector(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Fr[] v = new Fr[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (rng.nextInt(6)) {
                case 0 -> Fr.ZERO;
                case 1 -> Fr.of(-1 - rng.nextInt(3)); // limbs near the modulus
                default -> Fr.reduce(new BigInteger(300, new java.util.Random(rng.nextLong())));
            };
        }
        return v;
    }

    /** sum_j c[j] x^j by Horner's rule. */
    static Fr evaluate(Fr[] c, Fr x) {
        Fr acc = Fr.ZERO;
        for (int j = c.length - 1; j >= 0; j--) {
            acc = acc.mul(x).add(c[j]);
        }
        return acc;
    }

    static Fr[] naiveEvaluations(Fr[] c, Fr omega, Fr shift, int n) {
        Fr[] out = new Fr[n];
        Fr x = shift;
        for (int i = 0; i < n; i++) {
            out[i] = evaluate(c, x);
            x = x.mul(omega);
        }
        return out;
    }

    @Test
    void fiveIsTheSmallestQuadraticNonResidueAndTwoAdicityIs28() {
        BigInteger half = R.subtract(BigInteger.ONE).shiftRight(1);
        for (int x = 2; x < 5; x++) {
            assertEquals(BigInteger.ONE, BigInteger.valueOf(x).modPow(half, R), x + " must be a square");
        }
        assertEquals(R.subtract(BigInteger.ONE), BigInteger.valueOf(5).modPow(half, R), "5 must be a non-square");
        assertEquals(BigInteger.valueOf(5), Domain.GENERATOR.toBigInteger());
        BigInteger rMinus1 = R.subtract(BigInteger.ONE);
        assertEquals(Domain.MAX_LOG_SIZE, rMinus1.getLowestSetBit());
    }

    @Test
    void omegaHasExactOrderTwoToTheK() {
        for (int k = 1; k <= Domain.MAX_LOG_SIZE; k++) {
            BigInteger w = Domain.rootOfUnity(k).toBigInteger();
            assertEquals(BigInteger.ONE, w.modPow(BigInteger.ONE.shiftLeft(k), R), "omega^n, k=" + k);
            assertEquals(R.subtract(BigInteger.ONE), w.modPow(BigInteger.ONE.shiftLeft(k - 1), R), "omega^(n/2), k=" + k);
            // ffjavascript's chain w[k-1] = w[k]^2
            assertEquals(Domain.rootOfUnity(k - 1), Domain.rootOfUnity(k).square(), "k=" + k);
        }
        assertEquals(Fr.ONE, Domain.of(0).omega());
    }

    /**
     * Fr.w[k] printed by ffjavascript 0.2.63 (infra/tools/node_modules/ffjavascript; snarkjs 0.7.6's nested 0.3.1
     * has the same f1field.js, fft.js and wasm_field1.js) with {@code buildBn128(true)} and
     * {@code Fr.toObject(Fr.w[k]).toString()}; it also printed Fr.s = 28 and Fr.nqr = 5.
     * FfjavascriptOmegaInteropTest re-runs node for k = 1..20.
     */
    @Test
    void omegaIsFfjavascriptsRootOfUnity() {
        assertEquals(new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495616"),
                Domain.of(1).omega().toBigInteger());
        assertEquals(new BigInteger("21888242871839275217838484774961031246007050428528088939761107053157389710902"),
                Domain.of(2).omega().toBigInteger());
        assertEquals(new BigInteger("3161067157621608152362653341354432744960400845131437947728257924963983317266"),
                Domain.of(10).omega().toBigInteger());
        assertEquals(new BigInteger("17220337697351015657950521176323262483320249231368149235373741788599650842711"),
                Domain.rootOfUnity(20).toBigInteger());
        assertEquals(new BigInteger("19103219067921713944291392827692070036145651957329286315305642004821462161904"),
                Domain.rootOfUnity(28).toBigInteger());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 10})
    void constantsAndElements(int k) {
        Domain d = Domain.of(k);
        int n = d.size();
        assertEquals(1 << k, n);
        assertEquals(Fr.ONE, d.omega().mul(d.omegaInv()));
        assertEquals(Fr.ONE, d.sizeInv().mul(Fr.of(n)));
        assertEquals(Fr.ONE, d.omega().pow(n));
        if (n > 1) {
            assertEquals(Fr.of(-1), d.omega().pow(n / 2));
            assertEquals(Fr.of(-1), d.element(n / 2));
        }
        Fr x = Fr.ONE;
        for (int i = 0; i < n; i++) {
            assertEquals(x, d.element(i), "element " + i);
            x = x.mul(d.omega());
        }
        assertEquals(Fr.ONE, x);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 10})
    void fftMatchesNaiveEvaluationAndIfftInvertsIt(int k) {
        Domain d = Domain.of(k);
        Fr[] c = randomVector(d.size(), 100 + k);
        Fr[] evals = d.fft(c);
        assertArrayEquals(naiveEvaluations(c, d.omega(), Fr.ONE, d.size()), evals);
        assertArrayEquals(c, d.ifft(evals));
        assertArrayEquals(c, d.fft(d.ifft(c)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 10})
    void cosetFftMatchesNaiveEvaluationAndCosetIfftInvertsIt(int k) {
        Domain d = Domain.of(k);
        Fr shift = Fr.of(7).add(Fr.of(k));
        Fr[] c = randomVector(d.size(), 200 + k);
        Fr[] evals = d.cosetFft(c, shift);
        assertArrayEquals(naiveEvaluations(c, d.omega(), shift, d.size()), evals);
        assertArrayEquals(c, d.cosetIfft(evals, shift));
        assertArrayEquals(c, d.cosetFft(d.cosetIfft(c, shift), shift));
    }

    @Test
    void snarkjsStyleCosetUsesTheRootOfTheDoubleDomain() {
        // groth16_prove.js evaluates on the odd points of the 2n domain: shift = w[k+1]
        Domain d = Domain.of(3);
        Fr shift = Domain.of(4).omega();
        Fr[] c = randomVector(8, 7);
        Fr[] odd = d.cosetFft(c, shift);
        Fr[] all = Domain.of(4).fft(c);
        for (int i = 0; i < 8; i++) {
            assertEquals(all[2 * i + 1], odd[i], "point " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10})
    void polynomialProductViaFftMatchesSchoolbook(int k) {
        Domain d = Domain.of(k);
        int n = d.size();
        Fr[] a = randomVector(n / 2 + (n == 2 ? 0 : 1), 300 + k);
        Fr[] b = randomVector(n / 2 - (n == 2 ? 0 : 1), 400 + k);
        Fr[] expected = new Fr[n];
        Arrays.fill(expected, Fr.ZERO);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                expected[i + j] = expected[i + j].add(a[i].mul(b[j]));
            }
        }
        Fr shift = Fr.of(5);
        Fr[] ea = d.fft(a), eb = d.fft(b), ca = d.cosetFft(a, shift), cb = d.cosetFft(List.of(b), shift);
        for (int i = 0; i < n; i++) {
            ea[i] = ea[i].mul(eb[i]);
            ca[i] = ca[i].mul(cb[i]);
        }
        assertArrayEquals(expected, d.ifft(ea));
        assertArrayEquals(expected, d.cosetIfft(ca, shift));
    }

    /** Above the parallel threshold and the cache block: spot checks against Horner, and the two stage orders agree. */
    @ParameterizedTest
    @ValueSource(ints = {13, 15})
    void largeTransformsUseEveryPath(int k) {
        Domain d = Domain.of(k);
        int n = d.size();
        Fr[] c = randomVector(n, 500 + k);
        long[] a = new long[4 * n];
        for (int i = 0; i < n; i++) {
            c[i].copyMontTo(a, 4 * i);
        }
        long[] blocked = a.clone();
        d.fft(blocked);
        SplittableRandom rng = new SplittableRandom(k);
        for (int probe : new int[] {0, 1, n / 2, n - 1, rng.nextInt(n), rng.nextInt(n)}) {
            assertEquals(evaluate(c, d.omega().pow(probe)), Fr.fromMont(blocked, 4 * probe), "point " + probe);
        }
        long[] unblocked = a.clone();
        Radix2.forward(unblocked, k, twiddles(d), 0);
        assertArrayEquals(blocked, unblocked);
        long[] small = a.clone();
        Radix2.forward(small, k, twiddles(d), 3);
        assertArrayEquals(blocked, small);

        d.ifft(blocked);
        assertArrayEquals(a, blocked);
        Fr shift = Fr.of(123456789);
        long[] coset = a.clone();
        d.cosetFft(coset, shift);
        assertEquals(evaluate(c, shift.mul(d.element(5))), Fr.fromMont(coset, 20));
        d.cosetIfft(coset, shift);
        assertArrayEquals(a, coset);
    }

    private static long[] twiddles(Domain d) {
        long[] tw = new long[4 * (d.size() / 2)];
        Fr x = Fr.ONE;
        for (int i = 0; i < d.size() / 2; i++) {
            x.copyMontTo(tw, 4 * i);
            x = x.mul(d.omega());
        }
        return tw;
    }

    @Test
    void domainsAreCachedAndSizedByCount() {
        assertTrue(Domain.of(5) == Domain.of(5));
        assertEquals(0, Domain.atLeast(1).logSize());
        assertEquals(3, Domain.atLeast(5).logSize());
        assertEquals(3, Domain.atLeast(8).logSize());
        assertEquals(4, Domain.atLeast(9).logSize());
        assertEquals(6, Domain.ofSize(64).logSize());
        assertNotEquals(Domain.of(2).omega(), Domain.of(3).omega());
    }

    @Test
    void malformedInputIsRejectedWithAReason() {
        Domain d = Domain.of(2);
        CryptoException e = assertThrows(CryptoException.class, () -> d.fft(new long[15]));
        assertTrue(e.getMessage().contains("fft") && e.getMessage().contains("15"), e.getMessage());
        assertThrows(CryptoException.class, () -> d.ifft(new long[20]));
        assertThrows(CryptoException.class, () -> d.cosetFft(new long[16], Fr.ZERO));
        assertThrows(CryptoException.class, () -> d.cosetIfft(new long[16], Fr.ZERO));
        assertThrows(CryptoException.class, () -> d.fft(randomVector(5, 1)));
        assertThrows(CryptoException.class, () -> d.ifft(randomVector(3, 1)));
        assertThrows(CryptoException.class, () -> d.element(4));
        assertThrows(CryptoException.class, () -> Domain.of(29));
        assertThrows(CryptoException.class, () -> Domain.of(-1));
        assertThrows(CryptoException.class, () -> Domain.ofSize(12));
        assertThrows(CryptoException.class, () -> Domain.atLeast(0));
    }

    @Test
    void flatLayoutIsThePackageDocumentationsExample() {
        long[] a = new long[8];
        Fr.ONE.copyMontTo(a, 4);
        long[] expected = {0, 0, 0, 0, 0xac96341c4ffffffbL, 0x36fc76959f60cd29L, 0x666ea36f7879462eL, 0x0e0a77c19a07df2fL};
        assertArrayEquals(expected, a);
        assertEquals(BigInteger.ONE.shiftLeft(256).mod(R), new BigInteger(1, toBytesBE(a, 4)));
    }

    private static byte[] toBytesBE(long[] a, int off) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[31 - i] = (byte) (a[off + i / 8] >>> (8 * (i % 8)));
        }
        return be;
    }

    @Test
    void shortCoefficientVectorsArePaddedWithZeros() {
        Domain d = Domain.of(3);
        Fr[] c = randomVector(3, 9);
        assertArrayEquals(naiveEvaluations(c, d.omega(), Fr.ONE, 8), d.fft(List.of(c)));
    }
}
