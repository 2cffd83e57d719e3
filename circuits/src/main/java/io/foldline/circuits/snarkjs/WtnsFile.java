package io.foldline.circuits.snarkjs;

import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.internal.MontField;
import java.nio.file.Path;

/**
 * Reads and writes the witness files of circom's witness calculator and {@code snarkjs wtns calculate}
 * ({@code .wtns}, version 2; version 1 has the same layout): header (1) with n8, the prime r and the
 * number of values; values (2), each n8 bytes, little-endian, canonical (not Montgomery), in wire order.
 */
public final class WtnsFile {
    public static final String MAGIC = "wtns";
    private static final int N8 = 32;
    private static final MontField FR = MontField.FR;

    private WtnsFile() {
    }

    public static Witness read(Path path) {
        try (BinFileReader f = BinFileReader.open(path, MAGIC, 2)) {
            SectionReader h = f.section(1, "header");
            h.expectSize(4 + N8 + 4, "n8, prime, nWitness");
            long n8 = h.u32("n8");
            if (n8 != N8) {
                throw h.error("n8: " + n8 + ", expected 32 (BN254)");
            }
            Fields.expectPrime(h, FR, "prime", "BN254 scalar field r");
            int n = h.u32("nWitness", Integer.MAX_VALUE / 4);
            SectionReader s = f.section(2, "witness");
            s.expectSize((long) N8 * n, n + " values of 32 bytes");
            long[] values = new long[4 * n];
            s.canonicalElements(FR, values, 0, n, "value");
            return Witness.ofMont(values);
        }
    }

    public static void write(Witness w, Path path) {
        try (BinFileWriter out = BinFileWriter.create(path, MAGIC, 2, 2)) {
            out.beginSection(1);
            out.u32(N8);
            out.bigInteger(FR.modulus, N8);
            out.u32(w.size());
            out.endSection();
            out.beginSection(2);
            out.canonicalElements(FR, w.values(), 0, w.size());
            out.endSection();
            out.commit();
        }
    }
}
