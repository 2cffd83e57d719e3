package io.foldline.chain.window;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.groth16.VerifyingKey;
import io.foldline.circuits.snarkjs.VerificationKeyJson;
import io.foldline.crypto.bn254.G2Affine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The verifier's side of a model's window keys, as the Solidity generator needs it: the model circuit's
 * vkDigest and public signal count, the decider's Groth16 verifying key and the KZG points {@code G2},
 * {@code tau G2}. Read from the two verifier files of a window keys folder
 * ({@code verification_key.json} and {@code window_vk.bin}, layouts in {@code io.foldline.aggregation}'s
 * package documentation).
 */
public record WindowVerifierKey(byte[] vkDigest, int nPublic, VerifyingKey groth16, G2Affine g2, G2Affine tauG2) {
    public static final String VERIFICATION_KEY = "verification_key.json";
    public static final String WINDOW_VK = "window_vk.bin";
    private static final int WINDOW_VK_BYTES = 308;

    public WindowVerifierKey {
        Objects.requireNonNull(groth16, "groth16");
        Objects.requireNonNull(g2, "g2");
        Objects.requireNonNull(tauG2, "tauG2");
        if (vkDigest == null || vkDigest.length != 32) {
            throw new IllegalArgumentException("vkDigest must be 32 bytes");
        }
        vkDigest = vkDigest.clone();
        if (nPublic < 1) {
            // a model circuit has at least h_in and tag; a one-signal circuit only makes sense for fold tests
            throw new IllegalArgumentException("a circuit needs at least one public signal, got " + nPublic);
        }
        if (groth16.nPublic() != nPublic + 3) {
            throw new IllegalArgumentException("the decider's Groth16 key has " + groth16.nPublic()
                    + " public inputs, a model of " + nPublic + " public signals needs " + (nPublic + 3));
        }
    }

    @Override
    public byte[] vkDigest() {
        return vkDigest.clone();
    }

    /** Reads {@value #VERIFICATION_KEY} and {@value #WINDOW_VK} from a window keys folder. */
    public static WindowVerifierKey read(Path dir) {
        byte[] b;
        try {
            b = Files.readAllBytes(dir.resolve(WINDOW_VK));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(WINDOW_VK), e);
        }
        if (b.length != WINDOW_VK_BYTES) {
            throw new FormatException(WINDOW_VK + ": length: expected " + WINDOW_VK_BYTES + " bytes, found " + b.length);
        }
        ByteBuffer in = ByteBuffer.wrap(b);
        byte[] magic = new byte[4];
        in.get(magic);
        if (!"FLWV".equals(new String(magic, StandardCharsets.US_ASCII))) {
            throw new FormatException(WINDOW_VK + ": magic: expected FLWV");
        }
        int version = in.getInt();
        if (version != 1) {
            throw new FormatException(WINDOW_VK + ": version: expected 1, found " + Integer.toUnsignedString(version));
        }
        byte[] digest = new byte[32];
        in.get(digest);
        int nPublic = in.getInt();
        in.getInt(); // nW and m: the prover's business
        in.getInt();
        G2Affine g2 = g2(b, 52, "g2");
        G2Affine tauG2 = g2(b, 180, "tauG2");
        VerifyingKey groth16 = VerifyingKey.of(VerificationKeyJson.read(dir.resolve(VERIFICATION_KEY)));
        if (nPublic < 1 || groth16.nPublic() != nPublic + 3) {
            throw new FormatException(VERIFICATION_KEY + ": nPublic: " + groth16.nPublic() + " public inputs, "
                    + WINDOW_VK + " gives a model of " + Integer.toUnsignedString(nPublic) + " public signals, which needs "
                    + (nPublic + 3));
        }
        return new WindowVerifierKey(digest, nPublic, groth16, g2, tauG2);
    }

    private static G2Affine g2(byte[] b, int off, String field) {
        try {
            G2Affine p = G2Affine.fromBytesBE(Arrays.copyOfRange(b, off, off + 128));
            if (!p.isInSubgroup()) {
                throw new FormatException(WINDOW_VK + ": " + field + ": point is not in the G2 subgroup");
            }
            return p;
        } catch (RuntimeException e) {
            if (e instanceof FormatException f) {
                throw f;
            }
            throw new FormatException(WINDOW_VK + ": " + field + ": " + e.getMessage(), e);
        }
    }
}
