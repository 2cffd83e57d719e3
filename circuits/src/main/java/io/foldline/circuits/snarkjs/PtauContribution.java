package io.foldline.circuits.snarkjs;

import java.util.Arrays;

/**
 * One record of a ptau contributions section (7): the first points after the contribution, the
 * contributor's public key (proofs of knowledge of tau, alpha and beta), the BLAKE2b state needed to
 * recompute the response hash, the next challenge hash, and the optional name and beacon parameters.
 *
 * <p>Points are flat Montgomery limbs (G1: 8 longs, G2: 16 longs). The public key is 96 longs: six G1
 * points (tau s, tau s^x, alpha s, alpha s^x, beta s, beta s^x; the {@code *_OFFSET} constants) then three
 * G2 points (tau, alpha, beta s_p^x). Immutable: accessors return copies.
 */
public final class PtauContribution {
    public static final int PARTIAL_HASH_BYTES = 216;
    public static final int HASH_BYTES = 64;
    public static final int KEY_LONGS = 6 * 8 + 3 * 16;
    public static final int TAU_G1_S = 0;
    public static final int TAU_G1_SX = 8;
    public static final int ALPHA_G1_S = 16;
    public static final int ALPHA_G1_SX = 24;
    public static final int BETA_G1_S = 32;
    public static final int BETA_G1_SX = 40;
    public static final int TAU_G2_SPX = 48;
    public static final int ALPHA_G2_SPX = 64;
    public static final int BETA_G2_SPX = 80;
    /** snarkjs truncates names to 64 UTF-16 units before encoding. */
    public static final int MAX_NAME_CHARS = ContributionParams.MAX_NAME_CHARS;
    /** The size of a record without parameters: 5 points, the key, both hashes, type and parameter length. */
    static final int MIN_BYTES = 3 * 64 + 2 * 128 + 6 * 64 + 3 * 128 + PARTIAL_HASH_BYTES + HASH_BYTES + 8;

    private final long[] tauG1;
    private final long[] tauG2;
    private final long[] alphaG1;
    private final long[] betaG1;
    private final long[] betaG2;
    private final long[] key;
    private final byte[] partialHash;
    private final byte[] nextChallenge;
    private final ContributionParams params;

    /**
     * @param type             0 for a contribution, 1 for a beacon (then numIterationsExp and beaconHash apply)
     * @param name             the contributor's name, or null
     * @param beaconHash       null unless type is 1
     */
    public PtauContribution(long[] tauG1, long[] tauG2, long[] alphaG1, long[] betaG1, long[] betaG2, long[] key,
                            byte[] partialHash, byte[] nextChallenge, int type, String name,
                            int numIterationsExp, byte[] beaconHash) {
        this.tauG1 = copy(tauG1, 8, "tauG1");
        this.tauG2 = copy(tauG2, 16, "tauG2");
        this.alphaG1 = copy(alphaG1, 8, "alphaG1");
        this.betaG1 = copy(betaG1, 8, "betaG1");
        this.betaG2 = copy(betaG2, 16, "betaG2");
        this.key = copy(key, KEY_LONGS, "key");
        this.partialHash = copy(partialHash, PARTIAL_HASH_BYTES, "partialHash");
        this.nextChallenge = copy(nextChallenge, HASH_BYTES, "nextChallenge");
        this.params = new ContributionParams(type, name, numIterationsExp, beaconHash);
    }

    private static long[] copy(long[] a, int n, String what) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(what + " must have " + n + " limbs");
        }
        return a.clone();
    }

    private static byte[] copy(byte[] a, int n, String what) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(what + " must have " + n + " bytes");
        }
        return a.clone();
    }

    public long[] tauG1() {
        return tauG1.clone();
    }

    public long[] tauG2() {
        return tauG2.clone();
    }

    public long[] alphaG1() {
        return alphaG1.clone();
    }

    public long[] betaG1() {
        return betaG1.clone();
    }

    public long[] betaG2() {
        return betaG2.clone();
    }

    /** The 96-limb public key (see the class documentation for the offsets). */
    public long[] key() {
        return key.clone();
    }

    public byte[] partialHash() {
        return partialHash.clone();
    }

    public byte[] nextChallenge() {
        return nextChallenge.clone();
    }

    public int type() {
        return params.type();
    }

    /** The name, or null. */
    public String name() {
        return params.name();
    }

    public int numIterationsExp() {
        return params.numIterationsExp();
    }

    /** The beacon hash of a beacon contribution, else null. */
    public byte[] beaconHash() {
        return params.beaconHash() == null ? null : params.beaconHash().clone();
    }

    static PtauContribution read(SectionReader s, String field) {
        long[] tauG1 = new long[8];
        long[] tauG2 = new long[16];
        long[] alphaG1 = new long[8];
        long[] betaG1 = new long[8];
        long[] betaG2 = new long[16];
        long[] key = new long[KEY_LONGS];
        s.g1Points(tauG1, 0, 1, field + " tauG1");
        s.g2Points(tauG2, 0, 1, field + " tauG2");
        s.g1Points(alphaG1, 0, 1, field + " alphaG1");
        s.g1Points(betaG1, 0, 1, field + " betaG1");
        s.g2Points(betaG2, 0, 1, field + " betaG2");
        s.g1Points(key, 0, 6, field + " key G1");
        s.g2Points(key, TAU_G2_SPX, 3, field + " key G2");
        byte[] partial = s.bytes(PARTIAL_HASH_BYTES, field + " partialHash");
        byte[] next = s.bytes(HASH_BYTES, field + " nextChallenge");
        ContributionParams p = ContributionParams.read(s, field);
        return new PtauContribution(tauG1, tauG2, alphaG1, betaG1, betaG2, key, partial, next, p.type(),
                p.name(), p.numIterationsExp(), p.beaconHash());
    }

    void write(BinFileWriter w) {
        w.longs(tauG1, 0, 8);
        w.longs(tauG2, 0, 16);
        w.longs(alphaG1, 0, 8);
        w.longs(betaG1, 0, 8);
        w.longs(betaG2, 0, 16);
        w.longs(key, 0, KEY_LONGS);
        w.bytes(partialHash);
        w.bytes(nextChallenge);
        params.write(w);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PtauContribution c && Arrays.equals(tauG1, c.tauG1) && Arrays.equals(tauG2, c.tauG2)
                && Arrays.equals(alphaG1, c.alphaG1) && Arrays.equals(betaG1, c.betaG1)
                && Arrays.equals(betaG2, c.betaG2) && Arrays.equals(key, c.key)
                && Arrays.equals(partialHash, c.partialHash) && Arrays.equals(nextChallenge, c.nextChallenge)
                && params.equals(c.params);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nextChallenge);
    }

    @Override
    public String toString() {
        return "PtauContribution[" + params + "]";
    }
}
