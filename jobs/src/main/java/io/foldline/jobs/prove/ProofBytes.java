package io.foldline.jobs.prove;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.groth16.Proof;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import java.util.Arrays;

/**
 * A Groth16 proof as the {@code proof} field of {@code ProvenInference} carries it: 256 bytes, A (x, y),
 * B (x.c1, x.c0, y.c1, y.c0), C (x, y), each a 32-byte big-endian word; the order of the EVM pairing
 * precompile, so a Solidity verifier takes the words as they are.
 */
public final class ProofBytes {
    public static final int LENGTH = 256;

    private ProofBytes() {
    }

    public static byte[] encode(Proof p) {
        byte[] out = new byte[LENGTH];
        System.arraycopy(p.a().toBytesBE(), 0, out, 0, 64);
        System.arraycopy(p.b().toBytesBE(), 0, out, 64, 128);
        System.arraycopy(p.c().toBytesBE(), 0, out, 192, 64);
        return out;
    }

    /** The proof in {@code b}; a FormatException for a wrong length or a point off its curve. */
    public static Proof decode(byte[] b, String source) {
        if (b.length != LENGTH) {
            throw new FormatException(source + ": proof has " + b.length + " bytes, expected " + LENGTH);
        }
        try {
            return new Proof(G1Affine.fromBytesBE(Arrays.copyOfRange(b, 0, 64)),
                    G2Affine.fromBytesBE(Arrays.copyOfRange(b, 64, 192)),
                    G1Affine.fromBytesBE(Arrays.copyOfRange(b, 192, 256)));
        } catch (RuntimeException e) {
            throw new FormatException(source + ": proof: " + e.getMessage(), e);
        }
    }
}
