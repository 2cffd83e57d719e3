package io.foldline.crypto.bn254;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.internal.MontField;
import java.math.BigInteger;

/**
 * Shared body of {@link Fr} and {@link Fq}: an immutable element in Montgomery form on four limbs.
 * Arithmetic allocates a fresh result; hot loops use {@link MontField} on flat arrays instead.
 */
abstract sealed class PrimeFieldElement<T extends PrimeFieldElement<T>> permits Fr, Fq {
    final long[] v; // Montgomery form, never mutated after construction

    PrimeFieldElement(long[] mont) {
        this.v = mont;
    }

    abstract MontField field();

    abstract T wrap(long[] mont);

    abstract String typeName();

    public final T add(T o) {
        long[] r = new long[4];
        field().add(v, 0, o.v, 0, r, 0);
        return wrap(r);
    }

    public final T sub(T o) {
        long[] r = new long[4];
        field().sub(v, 0, o.v, 0, r, 0);
        return wrap(r);
    }

    public final T mul(T o) {
        long[] r = new long[4];
        field().mul(v, 0, o.v, 0, r, 0);
        return wrap(r);
    }

    public final T square() {
        long[] r = new long[4];
        field().sqr(v, 0, r, 0);
        return wrap(r);
    }

    public final T dbl() {
        long[] r = new long[4];
        field().dbl(v, 0, r, 0);
        return wrap(r);
    }

    public final T neg() {
        long[] r = new long[4];
        field().neg(v, 0, r, 0);
        return wrap(r);
    }

    /** The multiplicative inverse; zero has none. */
    public final T inverse() {
        if (isZero()) {
            throw new ArithmeticException(typeName() + ": inverse of zero");
        }
        long[] r = new long[4];
        field().inv(v, 0, r, 0);
        return wrap(r);
    }

    public final T pow(BigInteger e) {
        if (e.signum() < 0) {
            return inverse().pow(e.negate());
        }
        long[] exp = new long[(e.bitLength() + 63) / 64 + 1];
        for (int i = 0; i < exp.length; i++) {
            exp[i] = e.shiftRight(64 * i).longValue();
        }
        long[] r = new long[4];
        field().powLimbs(v, 0, exp, r, 0);
        return wrap(r);
    }

    public final T pow(long e) {
        return pow(BigInteger.valueOf(e));
    }

    public final boolean isZero() {
        return MontField.isZero(v, 0);
    }

    public final boolean isOne() {
        return field().isOne(v, 0);
    }

    public final BigInteger toBigInteger() {
        return field().toBigInteger(v, 0);
    }

    /** 32 bytes, big-endian, canonical (as the EVM and Solidity see the value). */
    public final byte[] toBytesBE() {
        long[] c = new long[4];
        field().toCanonical(v, 0, c, 0);
        byte[] out = new byte[32];
        for (int i = 0; i < 4; i++) {
            long w = c[i];
            for (int b = 0; b < 8; b++) {
                out[31 - 8 * i - b] = (byte) (w >>> (8 * b));
            }
        }
        return out;
    }

    /** 32 bytes, little-endian, canonical (the .wtns and .r1cs coefficient encoding). */
    public final byte[] toBytesLE() {
        byte[] be = toBytesBE();
        byte[] le = new byte[32];
        for (int i = 0; i < 32; i++) {
            le[i] = be[31 - i];
        }
        return le;
    }

    /** Copies the Montgomery limbs into {@code dst} at {@code off}. */
    public final void copyMontTo(long[] dst, int off) {
        MontField.copy(v, 0, dst, off);
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof PrimeFieldElement<?> e && e.getClass() == getClass() && MontField.eq(v, 0, e.v, 0);
    }

    @Override
    public final int hashCode() {
        return Long.hashCode(v[0] ^ v[1] * 31 ^ v[2] * 961 ^ v[3] * 29791);
    }

    @Override
    public final String toString() {
        return toBigInteger().toString();
    }

    static long[] montOf(MontField f, BigInteger value, String typeName) {
        if (value.signum() < 0 || value.compareTo(f.modulus) >= 0) {
            throw new CryptoException(typeName + " value out of range [0, modulus): " + value);
        }
        long[] r = new long[4];
        f.fromBigInteger(value, r, 0);
        return r;
    }

    static long[] montOfBytes(MontField f, byte[] bytes, boolean bigEndian, String typeName) {
        if (bytes.length != 32) {
            throw new CryptoException(typeName + " encoding must be 32 bytes, got " + bytes.length);
        }
        long[] c = new long[4];
        for (int i = 0; i < 32; i++) {
            int pos = bigEndian ? 31 - i : i; // pos = significance of the byte
            c[pos >>> 3] |= (bytes[i] & 0xFFL) << (8 * (pos & 7));
        }
        if (!f.isCanonical(c, 0)) {
            throw new CryptoException(typeName + " encoding is not below the modulus: " + MontField.limbsToBigInteger(c, 0));
        }
        long[] r = new long[4];
        f.fromCanonical(c, 0, r, 0);
        return r;
    }

    /** 254 uniformly random bits from {@code rng}, for rejection sampling below the modulus. */
    static BigInteger randomBits(java.util.random.RandomGenerator rng) {
        byte[] b = new byte[32];
        rng.nextBytes(b);
        b[0] &= 0x3F;
        return new BigInteger(1, b);
    }
}
