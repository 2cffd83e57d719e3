package io.foldline.crypto.hash;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fq;
import io.foldline.crypto.bn254.Fr;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The Keccak Fiat–Shamir transcript that the Solidity verifier replays word for word; the byte layout is
 * fixed in this package's {@code package-info.java}. Mutable and single-threaded.
 */
public final class Transcript {
    private static final int WORD = 32;
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    private byte[] buf = new byte[8 * WORD];
    private int len;

    public Transcript(String domainTag) {
        if (domainTag == null || domainTag.isEmpty()) {
            throw new CryptoException("Transcript: domainTag must be a non-empty string");
        }
        append(Keccak256.digest(domainTag.getBytes(StandardCharsets.UTF_8)));
    }

    public Transcript absorbWord(byte[] word) {
        if (word == null || word.length != WORD) {
            throw new CryptoException("Transcript.absorbWord: word must be 32 bytes, got "
                    + (word == null ? "null" : word.length));
        }
        append(word);
        return this;
    }

    public Transcript absorbScalar(Fr s) {
        append(s.toBytesBE());
        return this;
    }

    /** A uint256 as the EVM holds it; anything outside [0, 2^256) is rejected, never truncated. */
    public Transcript absorbUint(BigInteger v) {
        if (v.signum() < 0 || v.compareTo(TWO_256) >= 0) {
            throw new CryptoException("Transcript.absorbUint: value must lie in [0, 2^256), got " + v);
        }
        append(uint256(v));
        return this;
    }

    /** A G1 point in affine coordinates as the precompiles see it; the point at infinity is (0, 0). */
    public Transcript absorbG1(Fq x, Fq y) {
        append(x.toBytesBE());
        append(y.toBytesBE());
        return this;
    }

    /**
     * keccak256 of everything absorbed since the previous challenge (or the tag), read big-endian and reduced
     * mod r; the digest then replaces the buffer, so each challenge depends on all earlier input.
     */
    public Fr challenge() {
        Keccak256 k = new Keccak256();
        k.update(buf, 0, len);
        byte[] digest = k.digest();
        len = 0;
        append(digest);
        return Fr.reduce(new BigInteger(1, digest));
    }

    /** The bytes that the next challenge will hash (a copy), for debugging a Solidity replay. */
    public byte[] pendingBytes() {
        return Arrays.copyOf(buf, len);
    }

    static byte[] uint256(BigInteger v) {
        byte[] mag = v.toByteArray();
        byte[] out = new byte[WORD];
        int n = Math.min(mag.length, WORD);
        System.arraycopy(mag, mag.length - n, out, WORD - n, n);
        return out;
    }

    private void append(byte[] word) {
        if (len + word.length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(2 * buf.length, len + word.length));
        }
        System.arraycopy(word, 0, buf, len, word.length);
        len += word.length;
    }
}
