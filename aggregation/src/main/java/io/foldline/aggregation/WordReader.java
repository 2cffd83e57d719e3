package io.foldline.aggregation;

import io.foldline.circuits.FormatException;
import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fq;
import io.foldline.crypto.bn254.Fq2;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the EVM-ordered words of this package's binary files (32-byte big-endian words, u32 counts) and
 * refuses, with a {@link FormatException} naming the file and the field, anything that is not canonical: a
 * truncated read, a coordinate at or above p, a scalar at or above r, a point off the curve or (G2) outside
 * the subgroup. Not thread-safe: one reader per decode.
 */
final class WordReader {
    static final int WORD = 32;

    private final byte[] b;
    private final String source;
    private int pos;

    WordReader(byte[] bytes, String source) {
        this.b = bytes;
        this.source = source;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return b.length - pos;
    }

    FormatException error(String field, String what) {
        return new FormatException(source + ": " + field + ": " + what);
    }

    /** The magic bytes and the u32 version that open every file here. */
    void header(String magic, int version) {
        byte[] want = magic.getBytes(StandardCharsets.US_ASCII);
        byte[] got = take(want.length, "magic");
        if (!Arrays.equals(want, got)) {
            throw error("magic", "expected \"" + magic + "\", found 0x" + hex(got) + " (not a " + magic + " file)");
        }
        int v = u32("version");
        if (v != version) {
            throw error("version", "expected " + version + ", found " + Integer.toUnsignedString(v));
        }
    }

    int u32(String field) {
        byte[] w = take(4, field);
        return ((w[0] & 0xff) << 24) | ((w[1] & 0xff) << 16) | ((w[2] & 0xff) << 8) | (w[3] & 0xff);
    }

    byte[] bytes(int n, String field) {
        return take(n, field);
    }

    Fr scalar(String field) {
        BigInteger v = word(field);
        if (v.compareTo(Fr.MODULUS) >= 0) {
            throw error(field, "scalar is not below the group order r: " + v);
        }
        return Fr.of(v);
    }

    G1Affine g1(String field) {
        Fq x = coordinate(field + ".x");
        Fq y = coordinate(field + ".y");
        try {
            return G1Affine.of(x, y);
        } catch (CryptoException e) {
            throw error(field, "not a point of G1 (" + e.getMessage() + ")");
        }
    }

    /** EIP-197 order: x.c1, x.c0, y.c1, y.c0. */
    G2Affine g2(String field) {
        Fq xc1 = coordinate(field + ".x.c1");
        Fq xc0 = coordinate(field + ".x.c0");
        Fq yc1 = coordinate(field + ".y.c1");
        Fq yc0 = coordinate(field + ".y.c0");
        try {
            return G2Affine.of(Fq2.of(xc0, xc1), Fq2.of(yc0, yc1));
        } catch (CryptoException e) {
            throw error(field, "not a point of G2 (" + e.getMessage() + ")");
        }
    }

    /** Refuses anything after the last field. */
    void end() {
        if (remaining() != 0) {
            throw error("end of file", remaining() + " trailing bytes after the last field (offset " + pos + ")");
        }
    }

    private Fq coordinate(String field) {
        BigInteger v = word(field);
        if (v.compareTo(Fq.MODULUS) >= 0) {
            throw error(field, "coordinate is not below the base field modulus p: " + v);
        }
        return Fq.of(v);
    }

    private BigInteger word(String field) {
        return new BigInteger(1, take(WORD, field));
    }

    private byte[] take(int n, String field) {
        if (remaining() < n) {
            throw error(field, "truncated: needs " + n + " bytes at offset " + pos + ", the file has "
                    + remaining() + " left");
        }
        byte[] out = Arrays.copyOfRange(b, pos, pos + n);
        pos += n;
        return out;
    }

    private static String hex(byte[] v) {
        StringBuilder s = new StringBuilder();
        for (byte x : v) {
            s.append(String.format("%02x", x & 0xff));
        }
        return s.toString();
    }
}
