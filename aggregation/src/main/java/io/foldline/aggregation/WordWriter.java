package io.foldline.aggregation;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The writing twin of {@link WordReader}: EVM-ordered 32-byte big-endian words and u32 counts. */
final class WordWriter {
    private final ByteArrayOutputStream out;

    WordWriter(int sizeHint) {
        this.out = new ByteArrayOutputStream(sizeHint);
    }

    WordWriter header(String magic, int version) {
        out.writeBytes(magic.getBytes(StandardCharsets.US_ASCII));
        return u32(version);
    }

    WordWriter u32(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    WordWriter bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    WordWriter scalar(Fr v) {
        out.writeBytes(v.toBytesBE());
        return this;
    }

    /** x, y; infinity as two zero words. */
    WordWriter g1(G1Affine p) {
        out.writeBytes(p.toBytesBE());
        return this;
    }

    /** x.c1, x.c0, y.c1, y.c0 (EIP-197, snarkjs' Solidity verifier). */
    WordWriter g2(G2Affine p) {
        out.writeBytes(p.toBytesBE());
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
