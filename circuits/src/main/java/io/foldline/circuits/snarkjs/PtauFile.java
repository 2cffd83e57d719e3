package io.foldline.circuits.snarkjs;

import io.foldline.crypto.bn254.internal.MontField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A snarkjs powers-of-tau file ({@code .ptau}, version 1), opened for random access: the header and every
 * section size are checked when the file is opened, and points are read (and checked on the curve) only
 * when asked for, so a caller that needs the first 2^k powers of a 2^24 file reads only those.
 *
 * <p>Points come back as flat Montgomery limbs: G1 8 longs, G2 16 longs per point. Layout and section
 * sizes: see the package documentation. Not thread-safe; close it when done.
 */
public final class PtauFile implements AutoCloseable {
    public static final String MAGIC = "ptau";
    public static final int HEADER = 1;
    public static final int TAU_G1 = 2;
    public static final int TAU_G2 = 3;
    public static final int ALPHA_TAU_G1 = 4;
    public static final int BETA_TAU_G1 = 5;
    public static final int BETA_G2 = 6;
    public static final int CONTRIBUTIONS = 7;
    public static final int LAGRANGE_TAU_G1 = 12;
    public static final int LAGRANGE_TAU_G2 = 13;
    public static final int LAGRANGE_ALPHA_TAU_G1 = 14;
    public static final int LAGRANGE_BETA_TAU_G1 = 15;
    /** Fr has 2-adicity 28, and the Lagrange section of tau G1 goes one power further. */
    public static final int MAX_POWER = 27;
    static final int G1_BYTES = 64;
    static final int G2_BYTES = 128;

    private final BinFileReader file;
    private final int power;
    private final int ceremonyPower;
    private final boolean prepared;

    private PtauFile(BinFileReader file, int power, int ceremonyPower, boolean prepared) {
        this.file = file;
        this.power = power;
        this.ceremonyPower = ceremonyPower;
        this.prepared = prepared;
    }

    public static PtauFile open(Path path) {
        BinFileReader f = BinFileReader.open(path, MAGIC, 1);
        try {
            SectionReader h = f.section(HEADER, "header");
            h.expectSize(4 + 32 + 4 + 4, "n8, q, power, ceremonyPower");
            long n8 = h.u32("n8");
            if (n8 != 32) {
                throw h.error("n8: " + n8 + ", expected 32 (BN254)");
            }
            Fields.expectPrime(h, MontField.FQ, "q", "BN254 base field q");
            int power = h.u32("power", MAX_POWER);
            int ceremonyPower = h.u32("ceremonyPower", MAX_POWER);
            if (power < 1 || ceremonyPower < power) {
                throw h.error("power " + power + " must be >= 1 and <= ceremonyPower " + ceremonyPower);
            }
            checkSizes(f, power);
            boolean prepared = checkLagrangeSizes(f, power);
            f.section(CONTRIBUTIONS, "contributions");
            return new PtauFile(f, power, ceremonyPower, prepared);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
    }

    private static void checkSizes(BinFileReader f, int p) {
        long n = 1L << p;
        points(f.section(TAU_G1, "tauG1"), 2 * n - 1, G1_BYTES);
        points(f.section(TAU_G2, "tauG2"), n, G2_BYTES);
        points(f.section(ALPHA_TAU_G1, "alphaTauG1"), n, G1_BYTES);
        points(f.section(BETA_TAU_G1, "betaTauG1"), n, G1_BYTES);
        points(f.section(BETA_G2, "betaG2"), 1, G2_BYTES);
    }

    private static boolean checkLagrangeSizes(BinFileReader f, int p) {
        int present = 0;
        for (int id = LAGRANGE_TAU_G1; id <= LAGRANGE_BETA_TAU_G1; id++) {
            present += f.has(id) ? 1 : 0;
        }
        if (present == 0) {
            return false;
        }
        long n = 1L << p;
        // one block per domain 2^0 .. 2^p (sum 2n - 1 points), plus 2^(p+1) for tau G1
        points(f.section(LAGRANGE_TAU_G1, "lagrange tauG1"), 4 * n - 1, G1_BYTES);
        points(f.section(LAGRANGE_TAU_G2, "lagrange tauG2"), 2 * n - 1, G2_BYTES);
        points(f.section(LAGRANGE_ALPHA_TAU_G1, "lagrange alphaTauG1"), 2 * n - 1, G1_BYTES);
        points(f.section(LAGRANGE_BETA_TAU_G1, "lagrange betaTauG1"), 2 * n - 1, G1_BYTES);
        return true;
    }

    private static void points(SectionReader s, long count, int bytes) {
        s.expectSize(count * bytes, count + " points of " + bytes + " bytes");
    }

    public String fileName() {
        return file.fileName();
    }

    public int power() {
        return power;
    }

    public int ceremonyPower() {
        return ceremonyPower;
    }

    /** True when the Lagrange sections 12-15 of {@code snarkjs powersoftau prepare phase2} are present. */
    public boolean isPrepared() {
        return prepared;
    }

    /** tau^i G1 for i in [first, first + count), i < 2^(power+1) - 1. */
    public long[] tauG1(int first, int count) {
        return g1(TAU_G1, "tauG1", first, count, (2L << power) - 1);
    }

    /** tau^i G2 for i in [first, first + count), i < 2^power. */
    public long[] tauG2(int first, int count) {
        return g2(TAU_G2, "tauG2", first, count, 1L << power);
    }

    public long[] alphaTauG1(int first, int count) {
        return g1(ALPHA_TAU_G1, "alphaTauG1", first, count, 1L << power);
    }

    public long[] betaTauG1(int first, int count) {
        return g1(BETA_TAU_G1, "betaTauG1", first, count, 1L << power);
    }

    public long[] betaG2() {
        long[] p = g2(BETA_G2, "betaG2", 0, 1, 1);
        Points.requireG2Subgroup(p, 0, file.fileName() + ": section 6 (betaG2)");
        return p;
    }

    /** L_i(tau) G1 for the domain of size 2^logSize, i in [0, 2^logSize); logSize <= power + 1. */
    public long[] lagrangeTauG1(int logSize) {
        return lagrangeG1(LAGRANGE_TAU_G1, "lagrange tauG1", logSize, power + 1);
    }

    /** L_i(tau) G2 for the domain of size 2^logSize; logSize <= power. */
    public long[] lagrangeTauG2(int logSize) {
        requirePrepared();
        checkLog(logSize, power, "lagrange tauG2");
        long n = 1L << logSize;
        return g2(LAGRANGE_TAU_G2, "lagrange tauG2", n - 1, (int) n, (2L << power) - 1);
    }

    public long[] lagrangeAlphaTauG1(int logSize) {
        return lagrangeG1(LAGRANGE_ALPHA_TAU_G1, "lagrange alphaTauG1", logSize, power);
    }

    public long[] lagrangeBetaTauG1(int logSize) {
        return lagrangeG1(LAGRANGE_BETA_TAU_G1, "lagrange betaTauG1", logSize, power);
    }

    /**
     * A slice of the Lagrange tau G1 block of domain 2^logSize: points [first, first + count) of it
     * (the zkey's H section takes the odd ones of the block of twice the circuit's domain).
     */
    public long[] lagrangeTauG1(int logSize, int first, int count) {
        requirePrepared();
        checkLog(logSize, power + 1, "lagrange tauG1");
        long n = 1L << logSize;
        if (first < 0 || count < 0 || first + (long) count > n) {
            throw new IllegalArgumentException("slice [" + first + ", " + first + "+" + count + ") outside 2^" + logSize);
        }
        return g1(LAGRANGE_TAU_G1, "lagrange tauG1", n - 1 + first, count, (4L << power) - 1);
    }

    /** Every record of the contributions section, oldest first. */
    public List<PtauContribution> contributions() {
        SectionReader s = file.section(CONTRIBUTIONS, "contributions");
        int n = s.u32("nContributions", s.remaining() / PtauContribution.MIN_BYTES);
        List<PtauContribution> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(PtauContribution.read(s, "contribution " + (i + 1)));
        }
        s.expectEnd();
        return out;
    }

    private long[] lagrangeG1(int id, String name, int logSize, int maxLog) {
        requirePrepared();
        checkLog(logSize, maxLog, name);
        long n = 1L << logSize;
        return g1(id, name, n - 1, (int) n, (id == LAGRANGE_TAU_G1 ? 4L : 2L) * (1L << power) - 1);
    }

    private void requirePrepared() {
        if (!prepared) {
            throw new IllegalStateException(file.fileName() + " has no Lagrange sections 12-15: run "
                    + "snarkjs powersoftau prepare phase2 on it first");
        }
    }

    private void checkLog(int logSize, int maxLog, String name) {
        if (logSize < 0 || logSize > maxLog) {
            throw new IllegalArgumentException(file.fileName() + ": " + name + ": domain 2^" + logSize
                    + " not in this file (power " + power + ", at most 2^" + maxLog + ")");
        }
    }

    private long[] g1(int id, String name, long first, int count, long total) {
        checkRange(name, first, count, total);
        SectionReader s = file.section(id, name);
        s.seek(first * G1_BYTES);
        long[] out = new long[Math.multiplyExact(8, count)];
        s.g1Points(out, 0, count, "point", first);
        return out;
    }

    private long[] g2(int id, String name, long first, int count, long total) {
        checkRange(name, first, count, total);
        SectionReader s = file.section(id, name);
        s.seek(first * G2_BYTES);
        long[] out = new long[Math.multiplyExact(16, count)];
        s.g2Points(out, 0, count, "point", first);
        return out;
    }

    private void checkRange(String name, long first, int count, long total) {
        if (first < 0 || count < 0 || first + count > total) {
            throw new IllegalArgumentException(file.fileName() + ": " + name + ": points [" + first + ", "
                    + (first + count) + ") outside [0, " + total + ")");
        }
    }

    @Override
    public void close() {
        file.close();
    }
}
