package io.foldline.crypto.bn254;

import io.foldline.crypto.bn254.internal.MontField;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** The BN254 scalar field, r = 21888242871839275222246405745257275088548364400416034343698204186575808495617: witness values, exponents, public inputs. */
public final class Fr extends PrimeFieldElement<Fr> {
    public static final BigInteger MODULUS = MontField.FR.modulus;
    public static final Fr ZERO = new Fr(new long[4]);
    public static final Fr ONE = of(1);

    private Fr(long[] mont) {
        super(mont);
    }

    /** Any integer, reduced modulo the field's prime (negative values wrap). */
    public static Fr of(long value) {
        return reduce(BigInteger.valueOf(value));
    }

    /** A value that must already lie in [0, modulus); otherwise a CryptoException names it. */
    public static Fr of(BigInteger value) {
        return new Fr(montOf(MontField.FR, value, "Fr"));
    }

    public static Fr reduce(BigInteger value) {
        return new Fr(montOf(MontField.FR, value.mod(MODULUS), "Fr"));
    }

    public static Fr fromBytesBE(byte[] bytes) {
        return new Fr(montOfBytes(MontField.FR, bytes, true, "Fr"));
    }

    public static Fr fromBytesLE(byte[] bytes) {
        return new Fr(montOfBytes(MontField.FR, bytes, false, "Fr"));
    }

    /** Wraps four Montgomery-form limbs read from {@code src} at {@code off} (copied). */
    public static Fr fromMont(long[] src, int off) {
        long[] v = new long[4];
        MontField.copy(src, off, v, 0);
        return new Fr(v);
    }

    public static Fr random(RandomGenerator rng) {
        BigInteger x;
        do {
            x = randomBits(rng);
        } while (x.compareTo(MODULUS) >= 0);
        return of(x);
    }

    public static Fr random() {
        return random(RNG);
    }

    private static final SecureRandom RNG = new SecureRandom();

    @Override
    MontField field() {
        return MontField.FR;
    }

    @Override
    Fr wrap(long[] mont) {
        return new Fr(mont);
    }

    @Override
    String typeName() {
        return "Fr";
    }
}
