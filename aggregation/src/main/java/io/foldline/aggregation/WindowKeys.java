package io.foldline.aggregation;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.groth16.PreparedVerifyingKey;
import io.foldline.circuits.groth16.ProvingKey;
import io.foldline.circuits.groth16.VerifyingKey;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.snarkjs.VerificationKeyJson;
import io.foldline.circuits.snarkjs.ZkeyFile;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.kzg.Srs;
import io.foldline.crypto.msm.MsmConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A model's window keys (the window setup): the {@link DeciderKey} (Groth16 key of the decider circuit and
 * the folding commitment key, both from one {@code .ptau}) and the model circuit's {@link R1csDigest}. The
 * persisted form is a folder (files in the package documentation): the prover loads it with the model's
 * R1CS and never needs the ptau again; the verifier needs only {@value #VERIFICATION_KEY} and
 * {@value #WINDOW_VK}. Immutable.
 */
public final class WindowKeys {
    public static final String DECIDER_ZKEY = "decider.zkey";
    public static final String VERIFICATION_KEY = "verification_key.json";
    public static final String WINDOW_VK = "window_vk.bin";
    public static final String COMMITMENT_KEY = "commitment_key.bin";
    static final String VK_MAGIC = "FLWV";
    static final String CK_MAGIC = "FLCK";
    static final int VERSION = 1;

    private final DeciderKey decider;
    private final byte[] vkDigest;

    public WindowKeys(DeciderKey decider, byte[] vkDigest) {
        this.decider = Objects.requireNonNull(decider, "decider");
        if (vkDigest.length != FoldTranscript.DIGEST_BYTES) {
            throw new IllegalArgumentException("vkDigest must be " + FoldTranscript.DIGEST_BYTES + " bytes");
        }
        this.vkDigest = vkDigest.clone();
    }

    /** The window setup for {@code model} from the {@code .ptau} at {@code ptau}. */
    public static WindowKeys setup(R1cs model, Path ptau, Consumer<String> progress) {
        return new WindowKeys(Decider.setup(model, ptau, progress), R1csDigest.of(model));
    }

    public DeciderKey decider() {
        return decider;
    }

    public byte[] vkDigest() {
        return vkDigest.clone();
    }

    public WindowVerifier verifier() {
        return new WindowVerifier(vkDigest, decider.verifyingKey());
    }

    /** Writes the four files into {@code dir} (created if missing; existing files are replaced). */
    public void write(Path dir) {
        CommitmentKey ck = decider.commitmentKey();
        try {
            Files.createDirectories(dir);
            ZkeyFile.write(decider.groth16().zkey(), dir.resolve(DECIDER_ZKEY));
            decider.groth16().verifyingKey().toJson().write(dir.resolve(VERIFICATION_KEY));
            WordWriter vk = new WordWriter(308).header(VK_MAGIC, VERSION).bytes(vkDigest)
                    .u32(decider.relation().nPublic()).u32(ck.nW()).u32(ck.nRows())
                    .g2(ck.srs().g2()).g2(ck.srs().tauG2());
            Files.write(dir.resolve(WINDOW_VK), vk.toByteArray());
            WordWriter c = new WordWriter(16 + 64 * ck.size()).header(CK_MAGIC, VERSION).u32(ck.size());
            for (int i = 0; i < ck.size(); i++) {
                c.g1(ck.srs().g1(i));
            }
            Files.write(dir.resolve(COMMITMENT_KEY), c.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the window keys to " + dir, e);
        }
    }

    /**
     * The prover's keys from a folder {@link #write} made, for {@code model}: refuses a folder made for
     * another circuit (its vkDigest differs) or whose files are malformed.
     */
    public static WindowKeys load(Path dir, R1cs model) {
        VkFile vk = readVk(dir);
        byte[] digest = R1csDigest.of(model);
        if (!Arrays.equals(digest, vk.digest())) {
            throw new FormatException(WINDOW_VK + ": vkDigest: the keys were made for another circuit");
        }
        RelaxedR1cs relation = new RelaxedR1cs(model);
        Srs srs = readCommitmentKey(dir.resolve(COMMITMENT_KEY), vk);
        ProvingKey pk = ProvingKey.read(dir.resolve(DECIDER_ZKEY));
        return new WindowKeys(new DeciderKey(relation, DeciderCircuit.compile(relation), pk,
                new CommitmentKey(srs, vk.nW(), vk.m(), MsmConfig.defaults())), digest);
    }

    /** The verifier from {@value #VERIFICATION_KEY} and {@value #WINDOW_VK} alone: no ptau, no zkey. */
    public static WindowVerifier readVerifier(Path dir) {
        VkFile vk = readVk(dir);
        VerifyingKey groth16 = VerifyingKey.of(VerificationKeyJson.read(dir.resolve(VERIFICATION_KEY)));
        if (groth16.nPublic() != vk.nPublic() + 3) {
            throw new FormatException(VERIFICATION_KEY + ": nPublic: " + groth16.nPublic() + " public inputs, "
                    + WINDOW_VK + " gives a model of " + vk.nPublic() + " public signals, which needs "
                    + (vk.nPublic() + 3));
        }
        return new WindowVerifier(vk.digest(), new DeciderVerifyingKey(vk.nPublic(),
                PreparedVerifyingKey.prepare(groth16), vk.g2(), vk.tauG2()));
    }

    private record VkFile(byte[] digest, int nPublic, int nW, int m, G2Affine g2, G2Affine tauG2) {
    }

    private static VkFile readVk(Path dir) {
        WordReader r = new WordReader(readAll(dir.resolve(WINDOW_VK)), WINDOW_VK);
        r.header(VK_MAGIC, VERSION);
        byte[] digest = r.bytes(FoldTranscript.DIGEST_BYTES, "vkDigest");
        int nPublic = nonNegative(r, "nPublic");
        int nW = nonNegative(r, "nW");
        int m = nonNegative(r, "m");
        VkFile vk = new VkFile(digest, nPublic, nW, m, r.g2("g2"), r.g2("tauG2"));
        r.end();
        return vk;
    }

    private static Srs readCommitmentKey(Path file, VkFile vk) {
        WordReader r = new WordReader(readAll(file), String.valueOf(file.getFileName()));
        r.header(CK_MAGIC, VERSION);
        int size = r.u32("size");
        long needed = CommitmentKey.powersNeeded(vk.nW(), vk.m());
        if (size != needed) {
            throw r.error("size", Integer.toUnsignedString(size) + " points, " + WINDOW_VK + " gives nW = "
                    + vk.nW() + " and m = " + vk.m() + ", which need " + needed);
        }
        if (r.remaining() != 64L * size) {
            throw r.error("points", "expected " + size + " points of 64 bytes, found " + r.remaining() + " bytes");
        }
        long[] g1 = new long[8 * size];
        for (int i = 0; i < size; i++) {
            r.g1("tauG1[" + i + "]").copyTo(g1, 8 * i);
        }
        r.end();
        return new Srs(g1, size, vk.g2(), vk.tauG2());
    }

    private static int nonNegative(WordReader r, String field) {
        int v = r.u32(field);
        if (v < 0) {
            throw r.error(field, "too large: " + Integer.toUnsignedString(v));
        }
        return v;
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
