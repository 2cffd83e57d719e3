package io.foldline.circuits.snarkjs;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.SparseMatrix;
import io.foldline.crypto.bn254.internal.MontField;
import java.nio.file.Path;

/**
 * Reads and writes circom's {@code .r1cs} (iden3 r1csfile, version 1): header (1), constraints (2) and the
 * wire-to-label map (3), written in circom's section order 2, 1, 3 so that a circom file read and written
 * back is byte-identical. Custom-gate sections (4, 5: PLONK only) are rejected, since a Groth16 setup
 * that ignored them would prove a different statement. Layout: see the package documentation.
 */
public final class R1csFile {
    public static final String MAGIC = "r1cs";
    static final int HEADER = 1;
    static final int CONSTRAINTS = 2;
    static final int WIRE_TO_LABEL = 3;
    private static final int N8 = 32;
    private static final MontField FR = MontField.FR;

    private R1csFile() {
    }

    public static R1cs read(Path path) {
        try (BinFileReader f = BinFileReader.open(path, MAGIC, 1)) {
            if (f.has(4) || f.has(5)) {
                throw new FormatException(f.fileName() + ": custom gates (sections 4 and 5, circom PLONK "
                        + "templates) are not supported: Groth16 cannot honour them");
            }
            Header h = readHeader(f.section(HEADER, "header"));
            SectionReader s = f.section(CONSTRAINTS, "constraints");
            SparseMatrix.Builder a = SparseMatrix.builder();
            SparseMatrix.Builder b = SparseMatrix.builder();
            SparseMatrix.Builder c = SparseMatrix.builder();
            long[] coeff = new long[4];
            for (int i = 0; i < h.nConstraints; i++) {
                readLc(s, a, h.nWires, i, 'A', coeff);
                readLc(s, b, h.nWires, i, 'B', coeff);
                readLc(s, c, h.nWires, i, 'C', coeff);
            }
            s.expectEnd();
            long[] labels = f.has(WIRE_TO_LABEL) ? readLabels(f.section(WIRE_TO_LABEL, "wire2label"), h) : null;
            return new R1cs(h.nWires, h.nPubOut, h.nPubIn, h.nPrvIn, h.nLabels, a.build(), b.build(), c.build(),
                    labels);
        }
    }

    private record Header(int nWires, int nPubOut, int nPubIn, int nPrvIn, long nLabels, int nConstraints) {
    }

    private static Header readHeader(SectionReader s) {
        s.expectSize(4 + N8 + 4 * 4 + 8 + 4, "n8, prime, 4 wire counts, nLabels, nConstraints");
        long n8 = s.u32("n8");
        if (n8 != N8) {
            throw s.error("n8: " + n8 + ", expected 32 (BN254)");
        }
        Fields.expectPrime(s, FR, "prime", "BN254 scalar field r");
        int nWires = s.u32("nWires", Integer.MAX_VALUE / 4);
        int nPubOut = s.u32("nPubOut", nWires);
        int nPubIn = s.u32("nPubIn", nWires);
        int nPrvIn = s.u32("nPrvIn", nWires);
        long nLabels = s.u64("nLabels");
        int nConstraints = s.u32("nConstraints", Integer.MAX_VALUE / 4);
        if (nWires < 1 || 1L + nPubOut + nPubIn + nPrvIn > nWires) {
            throw s.error("wire counts inconsistent: nWires=" + nWires + " < 1 + nPubOut " + nPubOut
                    + " + nPubIn " + nPubIn + " + nPrvIn " + nPrvIn);
        }
        return new Header(nWires, nPubOut, nPubIn, nPrvIn, nLabels, nConstraints);
    }

    /** One linear combination; error text is built only on failure (files hold millions of terms). */
    private static void readLc(SectionReader s, SparseMatrix.Builder m, int nWires, int row, char which, long[] coeff) {
        long n = s.u32("constraints");
        if (n > s.remaining() / (4 + N8)) {
            throw s.error("constraint " + row + " " + which + " nTerms: " + n + " terms of 36 bytes do not fit in the "
                    + s.remaining() + " bytes left");
        }
        for (int k = 0; k < n; k++) {
            long wire = s.u32("constraints");
            if (wire >= nWires) {
                throw s.error("constraint " + row + " " + which + " term " + k + " wire: " + wire
                        + " exceeds the maximum " + (nWires - 1));
            }
            s.longs(coeff, 0, 4, "constraints");
            if (!FR.isCanonical(coeff, 0)) {
                throw s.error("constraint " + row + " " + which + " term " + k + " coefficient: value >= field modulus");
            }
            FR.fromCanonical(coeff, 0, coeff, 0);
            m.add((int) wire, coeff, 0);
        }
        m.endRow();
    }

    private static long[] readLabels(SectionReader s, Header h) {
        s.expectSize(8L * h.nWires, h.nWires + " label ids of 8 bytes");
        long[] labels = new long[h.nWires];
        s.longs(labels, 0, h.nWires, "label ids");
        for (int i = 0; i < h.nWires; i++) {
            if (labels[i] < 0) {
                throw s.error("label of wire " + i + ": " + Long.toUnsignedString(labels[i]) + " does not fit in 63 bits");
            }
        }
        return labels;
    }

    public static void write(R1cs r, Path path) {
        try (BinFileWriter w = BinFileWriter.create(path, MAGIC, 1, 3)) {
            w.beginSection(CONSTRAINTS);
            for (int i = 0; i < r.nConstraints(); i++) {
                writeLc(w, r.a(), i);
                writeLc(w, r.b(), i);
                writeLc(w, r.c(), i);
            }
            w.endSection();
            w.beginSection(HEADER);
            w.u32(N8);
            w.bigInteger(FR.modulus, N8);
            w.u32(r.nWires());
            w.u32(r.nPubOut());
            w.u32(r.nPubIn());
            w.u32(r.nPrvIn());
            w.u64(r.nLabels());
            w.u32(r.nConstraints());
            w.endSection();
            w.beginSection(WIRE_TO_LABEL);
            for (int i = 0; i < r.nWires(); i++) {
                w.u64(r.label(i));
            }
            w.endSection();
            w.commit();
        }
    }

    private static void writeLc(BinFileWriter w, SparseMatrix m, int row) {
        int from = m.rowStart(row);
        int to = m.rowEnd(row);
        w.u32(to - from);
        for (int k = from; k < to; k++) {
            w.u32(m.col(k));
            w.canonicalElements(FR, m.coeffs(), 4 * k, 1);
        }
    }
}
