package io.foldline.circuits.snarkjs;

import java.util.Arrays;
import java.util.Objects;

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
    private final int type;
    private final String name;
    private final int numIterationsExp;
    private final byte[] beaconHash;

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
        if (type != 0 && type != 1) {
            throw new IllegalArgumentException("type must be 0 (contribution) or 1 (beacon), got " + type);
        }
        if (type == 1 && (beaconHash == null || beaconHash.length > 255 || numIterationsExp < 0
                || numIterationsExp > 255)) {
            throw new IllegalArgumentException("a beacon needs a hash of at most 255 bytes and an exponent in [0, 255]");
        }
        this.type = type;
        this.name = name == null || name.isEmpty() ? null
                : name.length() > PtauContribution.MAX_NAME_CHARS ? name.substring(0, PtauContribution.MAX_NAME_CHARS) : name;
        this.numIterationsExp = type == 1 ? numIterationsExp : 0;
        this.beaconHash = type == 1 ? beaconHash.clone() : null;
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
        return type;
    }

    public String name() {
        return name;
    }

    public int numIterationsExp() {
        return numIterationsExp;
    }

    public byte[] beaconHash() {
        return beaconHash == null ? null : beaconHash.clone();
    }

    static ZkeyContribution read(SectionReader s, String field) {
        long[] pts = new long[24];
        long[] g2 = new long[16];
        s.g1Points(pts, 0, 3, field + " deltaAfter, g1_s, g1_sx");
        s.g2Points(g2, 0, 1, field + " g2_spx");
        byte[] transcript = s.bytes(TRANSCRIPT_BYTES, field + " transcript");
        long type = s.u32(field + " type");
        if (type > 1) {
            throw s.error(field + " type: " + type + ", expected 0 (contribution) or 1 (beacon)");
        }
        ContributionParams p = ContributionParams.read(s, field);
        if (type == 1 && (p.beaconHash() == null || p.numIterationsExp() < 0)) {
            throw s.error(field + ": beacon contribution without beacon hash and iteration exponent");
        }
        return new ZkeyContribution(Arrays.copyOfRange(pts, 0, 8), Arrays.copyOfRange(pts, 8, 16),
                Arrays.copyOfRange(pts, 16, 24), g2, transcript, (int) type, p.name(),
                Math.max(0, p.numIterationsExp()), p.beaconHash());
    }

    void write(BinFileWriter w) {
        w.longs(deltaAfter, 0, 8);
        w.longs(g1s, 0, 8);
        w.longs(g1sx, 0, 8);
        w.longs(g2spx, 0, 16);
        w.bytes(transcript);
        w.u32(type);
        ContributionParams.write(w, name, type, numIterationsExp, beaconHash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZkeyContribution c && Arrays.equals(deltaAfter, c.deltaAfter) && Arrays.equals(g1s, c.g1s)
                && Arrays.equals(g1sx, c.g1sx) && Arrays.equals(g2spx, c.g2spx)
                && Arrays.equals(transcript, c.transcript) && type == c.type && Objects.equals(name, c.name)
                && numIterationsExp == c.numIterationsExp && Arrays.equals(beaconHash, c.beaconHash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(transcript);
    }

    @Override
    public String toString() {
        return "ZkeyContribution[" + (type == 1 ? "beacon" : "contribution") + (name == null ? "" : " \"" + name + "\"")
                + "]";
    }
}
