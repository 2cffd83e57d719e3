package io.foldline.circuits.snarkjs;

import java.util.Arrays;

/**
 * One phase-2 contribution record of a zkey (section 10): delta G1 after the contribution, the
 * contributor's key (s and s^x in G1, s_p^x in G2, where s_p is hashed to G2 from the transcript), the
 * 64-byte transcript hash, and the optional name and beacon parameters. Points are flat Montgomery limbs.
 * Immutable: accessors return copies.
 */
public final class ZkeyContribution {
    public static final int TRANSCRIPT_BYTES = 64;
    static final int MIN_BYTES = 3 * 64 + 128 + TRANSCRIPT_BYTES + 8;

    private final long[] deltaAfter;
    private final long[] g1s;
    private final long[] g1sx;
    private final long[] g2spx;
    private final byte[] transcript;
    private final ContributionParams params;

    public ZkeyContribution(long[] deltaAfter, long[] g1s, long[] g1sx, long[] g2spx, byte[] transcript,
                            int type, String name, int numIterationsExp, byte[] beaconHash) {
        this.deltaAfter = copy(deltaAfter, 8, "deltaAfter");
        this.g1s = copy(g1s, 8, "g1_s");
        this.g1sx = copy(g1sx, 8, "g1_sx");
        this.g2spx = copy(g2spx, 16, "g2_spx");
        if (transcript == null || transcript.length != TRANSCRIPT_BYTES) {
            throw new IllegalArgumentException("transcript must have " + TRANSCRIPT_BYTES + " bytes");
        }
        this.transcript = transcript.clone();
        this.params = new ContributionParams(type, name, numIterationsExp, beaconHash);
    }

    private static long[] copy(long[] a, int n, String what) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(what + " must have " + n + " limbs");
        }
        return a.clone();
    }

    public long[] deltaAfter() {
        return deltaAfter.clone();
    }

    public long[] g1s() {
        return g1s.clone();
    }

    public long[] g1sx() {
        return g1sx.clone();
    }

    public long[] g2spx() {
        return g2spx.clone();
    }

    public byte[] transcript() {
        return transcript.clone();
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

    static ZkeyContribution read(SectionReader s, String field) {
        long[] pts = new long[24];
        long[] g2 = new long[16];
        s.g1Points(pts, 0, 3, field + " deltaAfter, g1_s, g1_sx");
        s.g2Points(g2, 0, 1, field + " g2_spx");
        byte[] transcript = s.bytes(TRANSCRIPT_BYTES, field + " transcript");
        ContributionParams p = ContributionParams.read(s, field);
        return new ZkeyContribution(Arrays.copyOfRange(pts, 0, 8), Arrays.copyOfRange(pts, 8, 16),
                Arrays.copyOfRange(pts, 16, 24), g2, transcript, p.type(), p.name(), p.numIterationsExp(),
                p.beaconHash());
    }

    void write(BinFileWriter w) {
        w.longs(deltaAfter, 0, 8);
        w.longs(g1s, 0, 8);
        w.longs(g1sx, 0, 8);
        w.longs(g2spx, 0, 16);
        w.bytes(transcript);
        params.write(w);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZkeyContribution c && Arrays.equals(deltaAfter, c.deltaAfter) && Arrays.equals(g1s, c.g1s)
                && Arrays.equals(g1sx, c.g1sx) && Arrays.equals(g2spx, c.g2spx)
                && Arrays.equals(transcript, c.transcript) && params.equals(c.params);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(transcript);
    }

    @Override
    public String toString() {
        return "ZkeyContribution[" + params + "]";
    }
}
