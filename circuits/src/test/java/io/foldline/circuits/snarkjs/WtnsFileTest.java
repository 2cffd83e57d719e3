package io.foldline.circuits.snarkjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WtnsFileTest {
    @TempDir
    Path dir;

    @Test
    void writesTheDocumentedBytes() {
        Path p = dir.resolve("w.wtns");
        WtnsFile.write(Witness.of(List.of(Fr.ONE, Fr.of(33))), p);
        String expected = "77746e73" + "02000000" + "02000000"
                + "01000000" + "2800000000000000" + "20000000"
                + "010000f093f5e1439170b97948e833285d588181b64550b829a031e1724e6430" + "02000000"
                + "02000000" + "4000000000000000" + "01" + "00".repeat(31) + "21" + "00".repeat(31);
        assertEquals(expected, HexFormat.of().formatHex(Corruption.read(p)));
    }

    @Test
    void roundTrips() {
        Random rng = new Random(3);
        Witness w = Witness.ofMont(TestPoints.randomFr(rng, 100));
        Path p = dir.resolve("r.wtns");
        WtnsFile.write(w, p);
        assertEquals(w, WtnsFile.read(p));
    }

    @Test
    void damagedFilesFailWithFileAndField() {
        Path p = dir.resolve("g.wtns");
        WtnsFile.write(Witness.ofMont(TestPoints.randomFr(new Random(5), 5)), p);
        byte[] good = Corruption.read(p);
        Corruption.everyTruncationFails(good, dir, "bad.wtns", WtnsFile::read, 300);
        Corruption.flipsFailCleanly(good, dir, "bad.wtns", WtnsFile::read, 300);

        byte[] b = good.clone();
        b[12 + 12 + 4 + 32] = 6; // nWitness 5 -> 6: the values section is then one value short
        Corruption.write(p, b);
        FormatException e = Corruption.expectFormatException(p, "g.wtns", WtnsFile::read, "count");
        assertEquals("g.wtns: section 2 (witness): expected 6 values of 32 bytes (192 bytes), found 160 bytes",
                e.getMessage());

        b = good.clone();
        b[0] = 'x';
        Corruption.write(p, b);
        e = Corruption.expectFormatException(p, "g.wtns", WtnsFile::read, "magic");
        assertTrue(e.getMessage().contains("not a wtns file"), e.getMessage());
    }
}
