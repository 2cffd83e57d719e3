package io.foldline.circuits.snarkjs;

import io.foldline.circuits.FormatException;
import io.foldline.crypto.bn254.internal.MontField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes snarkjs Groth16 proving keys ({@code .zkey}, version 1, protocol 1), sections 1-10.
 * Every point is checked on the curve as it is read, the header's G2 points also in the subgroup (they
 * end up in the verification key), coefficients and indices against the header's counts.
 */
public final class ZkeyFile {
    public static final String MAGIC = "zkey";
    public static final int GROTH16 = 1;
    private static final MontField FR = MontField.FR;

    /** Section order on disk; readers accept any, snarkjs writes one of these two. */
    public enum Layout {
        /** {@code snarkjs groth16 setup} / {@code zkey new}: 1, 2, 4, 3, 9, 8, 5, 6, 7, 10. */
        SETUP(1, 2, 4, 3, 9, 8, 5, 6, 7, 10),
        /** {@code zkey contribute}, {@code zkey beacon}: 1, 2, ..., 10. */
        ASCENDING(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

        private final int[] order;

        Layout(int... order) {
            this.order = order;
        }
    }

    private ZkeyFile() {
    }

    public static Zkey read(Path path) {
        try (BinFileReader f = BinFileReader.open(path, MAGIC, 1)) {
            SectionReader p = f.section(1, "protocol");
            p.expectSize(4, "the protocol id");
            long protocol = p.u32("protocol");
            if (protocol != GROTH16) {
                throw p.error("protocol " + protocol + (protocol == 2 ? " (plonk)" : protocol == 10 ? " (fflonk)" : "")
                        + " is not supported, expected 1 (groth16)");
            }
            Zkey.Builder b = Zkey.builder();
            int[] counts = readHeader(f.section(2, "groth16 header"), b);
            int nVars = counts[0];
            int nPublic = counts[1];
            int domainSize = counts[2];
            long[] ic = g1Section(f.section(3, "IC"), nPublic + 1);
            readCoefficients(f.section(4, "coefficients"), b, nVars, domainSize);
            long[] a = g1Section(f.section(5, "A"), nVars);
            long[] b1 = g1Section(f.section(6, "B1"), nVars);
            SectionReader s7 = f.section(7, "B2");
            s7.expectSize(128L * nVars, nVars + " G2 points of 128 bytes");
            long[] b2 = new long[Math.multiplyExact(16, nVars)];
            s7.g2Points(b2, 0, nVars, "point");
            long[] c = g1Section(f.section(8, "C"), nVars - nPublic - 1);
            long[] h = g1Section(f.section(9, "H"), domainSize);
            b.points(ic, a, b1, b2, c, h);
            readContributions(f.section(10, "contributions"), b);
            return b.build();
        }
    }

    /** Reads section 2 into {@code b}; returns nVars, nPublic, domainSize. */
    private static int[] readHeader(SectionReader s, Zkey.Builder b) {
        s.expectSize(4 + 32 + 4 + 32 + 3 * 4 + 3 * 64 + 3 * 128, "n8q, q, n8r, r, 3 counts, 3 G1 and 3 G2 points");
        expectN8(s, "n8q");
        Fields.expectPrime(s, MontField.FQ, "q", "BN254 base field q");
        expectN8(s, "n8r");
        Fields.expectPrime(s, FR, "r", "BN254 scalar field r");
        int nVars = s.u32("nVars", Integer.MAX_VALUE / 16);
        int nPublic = s.u32("nPublic", Integer.MAX_VALUE / 16);
        int domainSize = s.u32("domainSize", 1 << 28);
        if (nVars < 1 || nPublic + 1L > nVars) {
            throw s.error("nPublic " + nPublic + " + 1 exceeds nVars " + nVars);
        }
        if (domainSize < 1 || Integer.bitCount(domainSize) != 1) {
            throw s.error("domainSize " + domainSize + " is not a power of two");
        }
        long[] alpha1 = new long[8], beta1 = new long[8], delta1 = new long[8];
        long[] beta2 = new long[16], gamma2 = new long[16], delta2 = new long[16];
        s.g1Points(alpha1, 0, 1, "alpha1");
        s.g1Points(beta1, 0, 1, "beta1");
        s.g2Points(beta2, 0, 1, "beta2");
        s.g2Points(gamma2, 0, 1, "gamma2");
        s.g1Points(delta1, 0, 1, "delta1");
        s.g2Points(delta2, 0, 1, "delta2");
        Points.requireG2Subgroup(beta2, 0, s.label() + ": beta2");
        Points.requireG2Subgroup(gamma2, 0, s.label() + ": gamma2");
        Points.requireG2Subgroup(delta2, 0, s.label() + ": delta2");
        b.header(nVars, nPublic, domainSize).keys(alpha1, beta1, beta2, gamma2, delta1, delta2);
        return new int[] {nVars, nPublic, domainSize};
    }

    private static void expectN8(SectionReader s, String field) {
        long n8 = s.u32(field);
        if (n8 != 32) {
            throw s.error(field + ": " + n8 + ", expected 32 (BN254)");
        }
    }

    private static long[] g1Section(SectionReader s, int count) {
        s.expectSize(64L * count, count + " G1 points of 64 bytes");
        long[] out = new long[Math.multiplyExact(8, count)];
        s.g1Points(out, 0, count, "point");
        return out;
    }

    private static void readCoefficients(SectionReader s, Zkey.Builder b, int nVars, int domainSize) {
        int n = s.u32("nCoefficients", s.remaining() / 44);
        s.expectSize(4 + 44L * n, n + " coefficients of 44 bytes after the count");
        int[] matrix = new int[n], constraint = new int[n], signal = new int[n];
        long[] values = new long[4 * n];
        for (int i = 0; i < n; i++) {
            long mi = s.u32("coefficients");
            long ci = s.u32("coefficients");
            long si = s.u32("coefficients");
            if (mi > 1 || ci >= domainSize || si >= nVars) {
                throw s.error("coefficient[" + i + "]: matrix " + mi + " (0 or 1), constraint " + ci + " (< domainSize "
                        + domainSize + "), signal " + si + " (< nVars " + nVars + ")");
            }
            matrix[i] = (int) mi;
            constraint[i] = (int) ci;
            signal[i] = (int) si;
            s.longs(values, 4 * i, 4, "coefficients");
            if (!FR.isCanonical(values, 4 * i)) {
                throw s.error("coefficient[" + i + "] value: value >= field modulus");
            }
            // stored as value * R^2 mod r: read as Montgomery limbs, divided once more by R
            FR.toCanonical(values, 4 * i, values, 4 * i);
        }
        b.coefficients(matrix, constraint, signal, values);
    }

    private static void readContributions(SectionReader s, Zkey.Builder b) {
        byte[] csHash = s.bytes(Zkey.CS_HASH_BYTES, "csHash");
        int n = s.u32("nContributions", s.remaining() / ZkeyContribution.MIN_BYTES);
        List<ZkeyContribution> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(ZkeyContribution.read(s, "contribution " + (i + 1)));
        }
        s.expectEnd();
        b.contributions(csHash, list);
    }

    /** Writes in the layout of {@code snarkjs groth16 setup}. */
    public static void write(Zkey z, Path path) {
        write(z, path, Layout.SETUP);
    }

    public static void write(Zkey z, Path path, Layout layout) {
        try (BinFileWriter w = BinFileWriter.create(path, MAGIC, 1, 10)) {
            for (int id : layout.order) {
                w.beginSection(id);
                writeSection(w, z, id);
                w.endSection();
            }
            w.commit();
        }
    }

    private static void writeSection(BinFileWriter w, Zkey z, int id) {
        switch (id) {
            case 1 -> w.u32(GROTH16);
            case 2 -> writeHeader(w, z);
            case 3 -> w.longs(z.ic(), 0, z.ic().length);
            case 4 -> writeCoefficients(w, z);
            case 5 -> w.longs(z.a(), 0, z.a().length);
            case 6 -> w.longs(z.b1(), 0, z.b1().length);
            case 7 -> w.longs(z.b2(), 0, z.b2().length);
            case 8 -> w.longs(z.c(), 0, z.c().length);
            case 9 -> w.longs(z.h(), 0, z.h().length);
            case 10 -> {
                w.bytes(z.csHash());
                w.u32(z.contributions().size());
                for (ZkeyContribution c : z.contributions()) {
                    c.write(w);
                }
            }
            default -> throw new FormatException("no zkey section " + id);
        }
    }

    private static void writeHeader(BinFileWriter w, Zkey z) {
        w.u32(32);
        w.bigInteger(MontField.FQ.modulus, 32);
        w.u32(32);
        w.bigInteger(FR.modulus, 32);
        w.u32(z.nVars());
        w.u32(z.nPublic());
        w.u32(z.domainSize());
        w.longs(z.alpha1(), 0, 8);
        w.longs(z.beta1(), 0, 8);
        w.longs(z.beta2(), 0, 16);
        w.longs(z.gamma2(), 0, 16);
        w.longs(z.delta1(), 0, 8);
        w.longs(z.delta2(), 0, 16);
    }

    private static void writeCoefficients(BinFileWriter w, Zkey z) {
        w.u32(z.coefCount());
        long[] t = new long[4];
        for (int i = 0; i < z.coefCount(); i++) {
            w.u32(z.coefMatrix()[i]);
            w.u32(z.coefConstraint()[i]);
            w.u32(z.coefSignal()[i]);
            FR.fromCanonical(z.coefValues(), 4 * i, t, 0);
            w.longs(t, 0, 4);
        }
    }
}
