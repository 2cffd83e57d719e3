package io.foldline.crypto.bn254;

import io.foldline.crypto.bn254.internal.MontField;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** The BN254 base field, q = 21888242871839275222246405745257275088696311157297823662689037894645226208583: curve coordinates. */
public final class Fq extends PrimeFieldElement<Fq> {
    public static final BigInteger MODULUS = MontField.FQ.modulus;
    public static final Fq ZERO = new Fq(new long[4]);
    public static final Fq ONE = of(1);

    private Fq(long[] mont) {
        super(mont);
    }

    /** Any integer, reduced modulo the field's prime (negative values wrap). */
    public static Fq of(long value) {
        return reduce(BigInteger.valueOf(value));
    }

    /** A value that must already lie in [0, modulus); otherwise a CryptoException names it. */
    public static Fq of(BigInteger value) {
        return new Fq(montOf(MontField.FQ, value, "Fq"));
    }

    public static Fq reduce(BigInteger value) {
        return new Fq(montOf(MontField.FQ, value.mod(MODULUS), "Fq"));
    }

    public static Fq fromBytesBE(byte[] bytes) {
        return new Fq(montOfBytes(MontField.FQ, bytes, true, "Fq"));
    }

    public static Fq fromBytesLE(byte[] bytes) {
        return new Fq(montOfBytes(MontField.FQ, bytes, false, "Fq"));
    }

    /** Wraps four Montgomery-form limbs read from {@code src} at {@code off} (copied). */
    public static Fq fromMont(long[] src, int off) {
        long[] v = new long[4];
        MontField.copy(src, off, v, 0);
        return new Fq(v);
    }

    public static Fq random(RandomGenerator rng) {
        BigInteger x;
        do {
            x = randomBits(rng);
        } while (x.compareTo(MODULUS) >= 0);
        return of(x);
    }

    public static Fq random() {
        return random(RNG);
    }

    private static final SecureRandom RNG = new SecureRandom();

    @Override
    MontField field() {
        return MontField.FQ;
    }

    @Override
    Fq wrap(long[] mont) {
        return new Fq(mont);
    }

    @Override
    String typeName() {
        return "Fq";
    }

    private static final BigInteger SQRT_EXP = MODULUS.add(BigInteger.ONE).shiftRight(2);

    /** A square root (q = 3 mod 4, so a^((q+1)/4)), or null when this is not a square. */
    public Fq sqrt() {
        Fq s = pow(SQRT_EXP);
        return s.square().equals(this) ? s : null;
    }

    /** True when the canonical value is odd (the usual sign convention for compressed points). */
    public boolean isOdd() {
        return toBigInteger().testBit(0);
    }
}
