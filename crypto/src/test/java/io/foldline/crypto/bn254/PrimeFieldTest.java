package io.foldline.crypto.bn254;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.CryptoException;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Fr and Fq: the field laws, and differential tests against BigInteger arithmetic modulo the prime. */
class PrimeFieldTest {

    static BigInteger randomBelow(BigInteger m, SplittableRandom rng) {
        // Bias the draw towards the edges: limbs of all ones and values close to the modulus break carries.
        return switch (rng.nextInt(8)) {
            case 0 -> m.subtract(BigInteger.valueOf(1 + rng.nextInt(4)));
            case 1 -> BigInteger.valueOf(rng.nextInt(4));
            case 2 -> BigInteger.ONE.shiftLeft(64 * (1 + rng.nextInt(3))).subtract(BigInteger.ONE);
            default -> new BigInteger(m.bitLength() + 8, new java.util.Random(rng.nextLong())).mod(m);
        };
    }

    @Nested
    class FrLaws extends FieldLawsContract<Fr> {
        protected Fr random(SplittableRandom rng) { return Fr.of(randomBelow(Fr.MODULUS, rng)); }
        protected Fr zero() { return Fr.ZERO; }
        protected Fr one() { return Fr.ONE; }
        protected Fr add(Fr a, Fr b) { return a.add(b); }
        protected Fr sub(Fr a, Fr b) { return a.sub(b); }
        protected Fr mul(Fr a, Fr b) { return a.mul(b); }
        protected Fr square(Fr a) { return a.square(); }
        protected Fr neg(Fr a) { return a.neg(); }
        protected Fr inverse(Fr a) { return a.inverse(); }
    }

    @Nested
    class FqLaws extends FieldLawsContract<Fq> {
        protected Fq random(SplittableRandom rng) { return Fq.of(randomBelow(Fq.MODULUS, rng)); }
        protected Fq zero() { return Fq.ZERO; }
        protected Fq one() { return Fq.ONE; }
        protected Fq add(Fq a, Fq b) { return a.add(b); }
        protected Fq sub(Fq a, Fq b) { return a.sub(b); }
        protected Fq mul(Fq a, Fq b) { return a.mul(b); }
        protected Fq square(Fq a) { return a.square(); }
        protected Fq neg(Fq a) { return a.neg(); }
        protected Fq inverse(Fq a) { return a.inverse(); }
    }

    private static <T extends PrimeFieldElement<T>> void differential(
            BigInteger m, Function<BigInteger, T> of,
            BiFunction<T, T, T> op, BiFunction<BigInteger, BigInteger, BigInteger> ref, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 2000; i++) {
            BigInteger a = randomBelow(m, rng), b = randomBelow(m, rng);
            assertEquals(ref.apply(a, b).mod(m), op.apply(of.apply(a), of.apply(b)).toBigInteger(),
                    () -> "a=" + a + " b=" + b);
        }
    }

    @Test
    void frAgreesWithBigInteger() {
        BigInteger r = Fr.MODULUS;
        differential(r, Fr::of, Fr::add, BigInteger::add, 10);
        differential(r, Fr::of, Fr::sub, BigInteger::subtract, 11);
        differential(r, Fr::of, Fr::mul, BigInteger::multiply, 12);
        differential(r, Fr::of, (a, b) -> a.neg(), (a, b) -> a.negate(), 13);
        differential(r, Fr::of, (a, b) -> a.isZero() ? a : a.inverse(),
                (a, b) -> a.signum() == 0 ? a : a.modInverse(r), 14);
    }

    @Test
    void fqAgreesWithBigInteger() {
        BigInteger q = Fq.MODULUS;
        differential(q, Fq::of, Fq::add, BigInteger::add, 20);
        differential(q, Fq::of, Fq::sub, BigInteger::subtract, 21);
        differential(q, Fq::of, Fq::mul, BigInteger::multiply, 22);
        differential(q, Fq::of, (a, b) -> a.square(), (a, b) -> a.multiply(a), 23);
        differential(q, Fq::of, (a, b) -> a.pow(b.toBigInteger()), (a, b) -> a.modPow(b, q), 24);
    }

    @Test
    void bytesRoundTripBothEndiannesses() {
        SplittableRandom rng = new SplittableRandom(30);
        for (int i = 0; i < 200; i++) {
            Fq a = Fq.of(randomBelow(Fq.MODULUS, rng));
            byte[] be = a.toBytesBE();
            assertEquals(a.toBigInteger(), new BigInteger(1, be));
            assertEquals(a, Fq.fromBytesBE(be));
            assertEquals(a, Fq.fromBytesLE(a.toBytesLE()));
            Fr b = Fr.of(randomBelow(Fr.MODULUS, rng));
            assertEquals(b, Fr.fromBytesBE(b.toBytesBE()));
            assertArrayEquals(b.toBytesBE(), Fr.fromBytesLE(b.toBytesLE()).toBytesBE());
        }
    }

    @Test
    void malformedEncodingsAreRejectedWithAReason() {
        byte[] modulus = new byte[32];
        byte[] raw = Fr.MODULUS.toByteArray();
        System.arraycopy(raw, raw.length - 32, modulus, 0, 32);
        CryptoException e = assertThrows(CryptoException.class, () -> Fr.fromBytesBE(modulus));
        assertTrue(e.getMessage().contains("Fr"), e.getMessage());
        assertThrows(CryptoException.class, () -> Fq.fromBytesBE(new byte[31]));
        assertThrows(CryptoException.class, () -> Fr.of(Fr.MODULUS));
        assertThrows(CryptoException.class, () -> Fr.of(BigInteger.ONE.negate()));
        assertEquals(Fr.of(Fr.MODULUS.subtract(BigInteger.ONE)), Fr.of(-1));
    }

    @Test
    void squareRootsInFq() {
        SplittableRandom rng = new SplittableRandom(40);
        int nonSquares = 0;
        for (int i = 0; i < 100; i++) {
            Fq a = Fq.of(randomBelow(Fq.MODULUS, rng));
            assertEquals(a.square(), a.square().sqrt().square());
            Fq s = a.sqrt();
            if (s == null) {
                nonSquares++;
                assertEquals(Fq.ONE.neg(), a.pow(Fq.MODULUS.subtract(BigInteger.ONE).shiftRight(1)));
            }
        }
        assertTrue(nonSquares > 20, "about half of all elements are non-squares");
        assertNull(Fq.ONE.neg().sqrt(), "-1 is not a square because q = 3 mod 4");
    }

    @Test
    void batchInversionMatchesSingleInversions() {
        SplittableRandom rng = new SplittableRandom(50);
        int n = 17;
        long[] a = new long[4 * n];
        Fr[] xs = new Fr[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i == 5 ? Fr.ZERO : Fr.of(randomBelow(Fr.MODULUS, rng));
            xs[i].copyMontTo(a, 4 * i);
        }
        io.foldline.crypto.bn254.internal.MontField.FR.batchInv(a, 0, n, new long[4 * n]);
        for (int i = 0; i < n; i++) {
            Fr expect = xs[i].isZero() ? Fr.ZERO : xs[i].inverse();
            assertEquals(expect, Fr.fromMont(a, 4 * i));
        }
    }

    @Test
    void productsAcceptUnreducedInputsBelowTwiceTheModulus() {
        // The Fq2 kernel feeds sums a0 + a1 (below 2q) straight into the product.
        SplittableRandom rng = new SplittableRandom(60);
        io.foldline.crypto.bn254.internal.MontField f = io.foldline.crypto.bn254.internal.MontField.FQ;
        long[] q = io.foldline.crypto.bn254.internal.MontField.limbs(Fq.MODULUS);
        for (int i = 0; i < 500; i++) {
            Fq a = Fq.of(randomBelow(Fq.MODULUS, rng)), b = Fq.of(randomBelow(Fq.MODULUS, rng));
            long[] x = new long[4], y = new long[4], got = new long[4];
            a.copyMontTo(x, 0);
            b.copyMontTo(y, 0);
            long[] xp = io.foldline.crypto.bn254.internal.MontField.limbs(
                    io.foldline.crypto.bn254.internal.MontField.limbsToBigInteger(x, 0).add(Fq.MODULUS));
            f.mul(xp[0], xp[1], xp[2], xp[3], y[0], y[1], y[2], y[3], got, 0);
            assertEquals(a.mul(b), Fq.fromMont(got, 0));
        }
        assertTrue(q[3] < (1L << 62), "the no-carry CIOS needs the top limb below 2^62");
    }
}
