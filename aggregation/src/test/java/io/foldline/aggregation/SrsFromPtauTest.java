package io.foldline.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.ptau.TestPowersOfTau;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.kzg.Kzg;
import io.foldline.crypto.kzg.Srs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SrsFromPtauTest {
    private static final String SEED = "aggregation srs test";

    @Test
    void readsTheTauPowersOfSectionsTwoAndThree(@TempDir Path dir) {
        Path ptau = dir.resolve("pot3.ptau");
        TestPowersOfTau.write(ptau, 3, SEED);
        Fr tau = TestPowersOfTau.secrets(SEED).get(0);
        int size = 15; // all 2^(3+1) - 1 powers of a power-3 file
        Srs srs = SrsFromPtau.read(ptau, size);
        Srs expected = Srs.insecureForTests(size, tau);
        for (int i = 0; i < size; i++) {
            assertEquals(expected.g1(i), srs.g1(i), "tau^" + i + " G1");
        }
        assertEquals(expected.g2(), srs.g2());
        assertEquals(expected.tauG2(), srs.tauG2());
        // and the pair works for KZG: an opening made with it verifies
        Fr[] p = {Fr.of(1), Fr.of(2), Fr.of(3)};
        assertTrue(Kzg.verify(srs, Kzg.open(srs, p, Fr.of(9))));
    }

    @Test
    void aFileWithTooFewPowersIsRefusedByName(@TempDir Path dir) {
        Path ptau = dir.resolve("pot2.ptau");
        TestPowersOfTau.write(ptau, 2, SEED);
        FormatException e = assertThrows(FormatException.class, () -> SrsFromPtau.read(ptau, 8));
        assertTrue(e.getMessage().startsWith("pot2.ptau: section 2 (tauG1): holds 7 powers"), e.getMessage());
        assertTrue(e.getMessage().contains("power 3"), e.getMessage());
        assertEquals(7, SrsFromPtau.read(ptau, 7).size());
    }
}
