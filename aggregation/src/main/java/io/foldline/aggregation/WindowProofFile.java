package io.foldline.aggregation;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.groth16.Proof;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of a {@link WindowProof}: magic {@value #MAGIC}, version, then 32-byte big-endian words in the
 * order the EVM verifier reads them. The layout, byte by byte with a worked example, is in the package
 * documentation. Reading refuses, with a {@link FormatException} naming the file and the field, a wrong
 * magic or version, a truncated file, trailing bytes, a coordinate at or above p, a scalar at or above r,
 * a point off the curve and a G2 point outside the subgroup.
 */
public final class WindowProofFile {
    public static final String MAGIC = "FLWP";
    /**
     * 2 since the fold transcript absorbs {@code K_i + K_T} as one point ({@code foldline.nifs.v2}): the words are
     * laid out as in version 1, but a version-1 proof's challenges no longer replay, so it is refused by name.
     */
    public static final int VERSION = 2;
    /** magic, version, n, N. */
    public static final int HEADER_BYTES = 16;
    /** Groth16 A, B, C, then zeta, v and the KZG proof. */
    public static final int DECIDER_BYTES = 64 + 128 + 64 + 32 + 32 + 64;
    /** Bounds n so that sizes stay within an int; a model circuit has a few dozen public signals. */
    static final int MAX_PUBLIC = 1 << 16;

    private WindowProofFile() {
    }

    /** The encoded length for a window of {@code windowSize} instances of {@code nPublic} public signals. */
    public static long size(int nPublic, long windowSize) {
        long start = 64 + 32 + 32L * nPublic;
        return HEADER_BYTES + start + windowSize * foldBytes(nPublic) + DECIDER_BYTES;
    }

    public static byte[] encode(WindowProof p) {
        WordWriter w = new WordWriter(Math.toIntExact(size(p.nPublic(), p.size())));
        w.header(MAGIC, VERSION).u32(p.nPublic()).u32(p.size());
        w.g1(p.start().commitment()).scalar(p.start().u());
        for (Fr x : p.start().x()) {
            w.scalar(x);
        }
        for (int i = 0; i < p.size(); i++) {
            CommittedInstance c = p.instances().get(i);
            w.g1(c.commitment());
            for (Fr x : c.x()) {
                w.scalar(x);
            }
            w.g1(p.crossTerms().get(i));
        }
        DeciderProof d = p.decider();
        w.g1(d.groth16().a()).g2(d.groth16().b()).g1(d.groth16().c());
        return w.scalar(d.zeta()).scalar(d.v()).g1(d.kzgProof()).toByteArray();
    }

    /** {@code source} names the bytes in error messages (a file name). */
    public static WindowProof decode(byte[] bytes, String source) {
        WordReader r = new WordReader(bytes, source);
        if (bytes.length >= 8 && Arrays.equals(bytes, 0, 4, MAGIC.getBytes(StandardCharsets.US_ASCII), 0, 4)
                && bytes[4] == 0 && bytes[5] == 0 && bytes[6] == 0 && bytes[7] == 1) {
            throw r.error("version", "version 1 (fold transcript foldline.nifs.v1, before K_i + K_T were absorbed "
                    + "as one point) no longer verifies; prove the window again");
        }
        r.header(MAGIC, VERSION);
        int n = r.u32("nPublic");
        if (n < 0 || n > MAX_PUBLIC) {
            throw r.error("nPublic", Integer.toUnsignedString(n) + " public signals, at most " + MAX_PUBLIC);
        }
        int windowSize = r.u32("windowSize");
        if (windowSize == 0) {
            throw r.error("windowSize", "a window holds at least one instance, found 0");
        }
        long expected = size(n, Integer.toUnsignedLong(windowSize));
        if (bytes.length != expected) {
            String what = bytes.length < expected ? "truncated" : (bytes.length - expected) + " trailing bytes";
            throw r.error("length", what + ": n = " + n + " and N = " + Integer.toUnsignedString(windowSize)
                    + " make " + expected + " bytes, the file has " + bytes.length);
        }
        CommittedInstance start = new CommittedInstance(r.g1("start.K"), r.scalar("start.u"),
                scalars(r, "start.x", n));
        List<CommittedInstance> instances = new ArrayList<>(windowSize);
        List<G1Affine> crossTerms = new ArrayList<>(windowSize);
        for (int i = 0; i < windowSize; i++) {
            G1Affine k = r.g1("instance[" + i + "].K");
            instances.add(CommittedInstance.fresh(k, scalars(r, "instance[" + i + "].x", n)));
            crossTerms.add(r.g1("crossTerm[" + i + "]"));
        }
        Proof groth16 = new Proof(r.g1("decider.A"), r.g2("decider.B"), r.g1("decider.C"));
        DeciderProof d = new DeciderProof(groth16, r.scalar("decider.zeta"), r.scalar("decider.v"),
                r.g1("decider.kzgProof"));
        r.end();
        return new WindowProof(start, instances, crossTerms, d);
    }

    public static void write(WindowProof p, Path file) {
        try {
            Files.write(file, encode(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static WindowProof read(Path file) {
        try {
            return decode(Files.readAllBytes(file), String.valueOf(file.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** One fold's record: {@code K_i}, {@code x_i}, {@code K_T}. */
    static long foldBytes(int nPublic) {
        return 64 + 32L * nPublic + 64;
    }

    private static Fr[] scalars(WordReader r, String field, int n) {
        Fr[] out = new Fr[n];
        for (int j = 0; j < n; j++) {
            out[j] = r.scalar(field + "[" + j + "]");
        }
        return out;
    }
}
