package io.foldline.circuits.snarkjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.SparseMatrix;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class R1csFileTest {
    @TempDir
    Path dir;

    /** c = a * b over wires [1, c, a, b]: the worked example of the package documentation. */
    static R1cs multiplier() {
        SparseMatrix a = SparseMatrix.builder().add(2, Fr.ONE).endRow().build();
        SparseMatrix b = SparseMatrix.builder().add(3, Fr.ONE).endRow().build();
        SparseMatrix c = SparseMatrix.builder().add(1, Fr.ONE).endRow().build();
        return new R1cs(4, 1, 0, 2, 4, a, b, c, new long[] {0, 1, 2, 3});
    }

    /** The bytes spelled out from the iden3 r1cs spec (circom's section order 2, 1, 3). */
    private static final String MULTIPLIER_HEX = "72316373" + "01000000" + "03000000"
            + "02000000" + "7800000000000000"
            + "01000000" + "02000000" + "01" + "00".repeat(31)
            + "01000000" + "03000000" + "01" + "00".repeat(31)
            + "01000000" + "01000000" + "01" + "00".repeat(31)
            + "01000000" + "4000000000000000" + "20000000"
            + "010000f093f5e1439170b97948e833285d588181b64550b829a031e1724e6430"
            + "04000000" + "01000000" + "00000000" + "02000000" + "0400000000000000" + "01000000"
            + "03000000" + "2000000000000000"
            + "0000000000000000" + "0100000000000000" + "0200000000000000" + "0300000000000000";

    @Test
    void writesTheDocumentedBytes() {
        Path p = dir.resolve("multiplier.r1cs");
        R1csFile.write(multiplier(), p);
        assertEquals(MULTIPLIER_HEX, HexFormat.of().formatHex(Corruption.read(p)));
        assertEquals(multiplier(), R1csFile.read(p));
    }

    @Test
    void roundTripsRandomSystems() {
        Random rng = new Random(7);
        R1cs r = random(rng, 40, 25);
        Path p = dir.resolve("random.r1cs");
        R1csFile.write(r, p);
        R1cs back = R1csFile.read(p);
        assertEquals(r, back);
        byte[] first = Corruption.read(p);
        R1csFile.write(back, p);
        assertArrayEquals(first, Corruption.read(p));
    }

    @Test
    void satisfiedWitnessChecks() {
        R1cs r = multiplier();
        Witness ok = Witness.of(List.of(Fr.ONE, Fr.of(33), Fr.of(3), Fr.of(11)));
        Witness bad = Witness.of(List.of(Fr.ONE, Fr.of(34), Fr.of(3), Fr.of(11)));
        assertEquals(-1, r.firstUnsatisfied(ok));
        assertEquals(0, r.firstUnsatisfied(bad));
    }

    @Test
    void truncatedAndCorruptedFilesFailWithFileAndField() {
        Path p = dir.resolve("m.r1cs");
        R1csFile.write(random(new Random(1), 8, 4), p);
        byte[] good = Corruption.read(p);
        Corruption.everyTruncationFails(good, dir, "bad.r1cs", R1csFile::read, 200);
        // a flip inside a coefficient or label id often leaves a valid value: only the framing is sure to fail
        int rejected = Corruption.flipsFailCleanly(good, dir, "bad.r1cs", R1csFile::read, 200);
        assertTrue(rejected > 30, "flips in counts, indices and framing must be caught, got " + rejected);
    }

    @Test
    void coefficientNotBelowTheModulusIsNamed() {
        Path p = dir.resolve("big.r1cs");
        byte[] b = HexFormat.of().parseHex(MULTIPLIER_HEX);
        // the A coefficient starts at 12 + 12 + 4 + 4 = 32; r itself is not a valid value
        byte[] r = HexFormat.of().parseHex("010000f093f5e1439170b97948e833285d588181b64550b829a031e1724e6430");
        System.arraycopy(r, 0, b, 32, 32);
        Corruption.write(p, b);
        FormatException e = Corruption.expectFormatException(p, "big.r1cs", R1csFile::read, "coefficient = r");
        assertEquals("big.r1cs: section 2 (constraints): constraint 0 A term 0 coefficient: value >= field modulus",
                e.getMessage());
    }

    @Test
    void wireOutOfRangeAndCustomGatesAreRejected() {
        byte[] b = HexFormat.of().parseHex(MULTIPLIER_HEX);
        b[28] = 4; // A's wire index 2 -> 4, but nWires = 4
        Path p = dir.resolve("wire.r1cs");
        Corruption.write(p, b);
        FormatException e = Corruption.expectFormatException(p, "wire.r1cs", R1csFile::read, "wire 4");
        assertTrue(e.getMessage().contains("constraint 0 A term 0 wire: 4 exceeds the maximum 3"), e.getMessage());

        Path g = dir.resolve("gates.r1cs");
        try (BinFileWriter w = BinFileWriter.create(g, "r1cs", 1, 1)) {
            w.beginSection(4);
            w.u32(0);
            w.endSection();
            w.commit();
        }
        e = Corruption.expectFormatException(g, "gates.r1cs", R1csFile::read, "custom gates");
        assertTrue(e.getMessage().contains("custom gates"), e.getMessage());
    }

    @Test
    void wrongPrimeIsNamed() {
        byte[] b = HexFormat.of().parseHex(MULTIPLIER_HEX);
        int primeAt = 12 + 12 + 120 + 12 + 4;
        b[primeAt] = 0x47; // q's low byte differs from r's: a different prime
        Path p = dir.resolve("prime.r1cs");
        Corruption.write(p, b);
        FormatException e = Corruption.expectFormatException(p, "prime.r1cs", R1csFile::read, "prime");
        assertTrue(e.getMessage().startsWith("prime.r1cs: section 1 (header): prime: "), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"));
    }

    static R1cs random(Random rng, int nWires, int nConstraints) {
        SparseMatrix.Builder[] m = {SparseMatrix.builder(), SparseMatrix.builder(), SparseMatrix.builder()};
        for (int i = 0; i < nConstraints; i++) {
            for (SparseMatrix.Builder b : m) {
                int terms = rng.nextInt(4);
                for (int k = 0; k < terms; k++) {
                    b.add(rng.nextInt(nWires), Fr.random(rng));
                }
                b.endRow();
            }
        }
        long[] labels = new long[nWires];
        for (int i = 0; i < nWires; i++) {
            labels[i] = 3L * i;
        }
        return new R1cs(nWires, 2, 1, 3, 3L * nWires, m[0].build(), m[1].build(), m[2].build(), labels);
    }
}
