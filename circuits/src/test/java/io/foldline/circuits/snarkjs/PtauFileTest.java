package io.foldline.circuits.snarkjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import io.foldline.crypto.bn254.Fq;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtauFileTest {
    @TempDir
    Path dir;

    /** A file of the right shape whose points are all generators (the last of each G1 section is infinity). */
    static void writeSynthetic(Path p, int power, boolean prepared, List<PtauContribution> contributions) {
        try (PtauWriter w = PtauWriter.create(p, power, power, prepared)) {
            for (int id : new int[] {2, 3, 4, 5, 6}) {
                section(w, id, power);
            }
            w.contributions(contributions);
            if (prepared) {
                for (int id = 12; id <= 15; id++) {
                    section(w, id, power);
                }
            }
            w.commit();
        }
    }

    private static void section(PtauWriter w, int id, int power) {
        int n = (int) PtauWriter.pointCount(id, power);
        w.beginSection(id);
        if (PtauWriter.isG2(id)) {
            w.g2(TestPoints.repeat(TestPoints.g2(), n), 0, n);
        } else {
            long[] pts = TestPoints.repeat(TestPoints.g1(), n);
            Arrays.fill(pts, 8 * (n - 1), 8 * n, 0);
            w.g1(pts, 0, n);
        }
        w.endSection();
    }

    static PtauContribution contribution(String name, int type) {
        long[] key = new long[PtauContribution.KEY_LONGS];
        for (int i = 0; i < 6; i++) {
            System.arraycopy(TestPoints.g1(), 0, key, 8 * i, 8);
        }
        for (int i = 0; i < 3; i++) {
            System.arraycopy(TestPoints.g2(), 0, key, 48 + 16 * i, 16);
        }
        byte[] partial = new byte[PtauContribution.PARTIAL_HASH_BYTES];
        byte[] next = new byte[PtauContribution.HASH_BYTES];
        Arrays.fill(partial, (byte) 7);
        Arrays.fill(next, (byte) 9);
        return new PtauContribution(TestPoints.g1(), TestPoints.g2(), TestPoints.g1(), TestPoints.g1(), TestPoints.g2(),
                key, partial, next, type, name, 10, type == 1 ? new byte[] {1, 2, 3} : null);
    }

    @Test
    void roundTripsEverySection() {
        Path p = dir.resolve("pot2.ptau");
        List<PtauContribution> cs = List.of(contribution("alice", 0), contribution(null, 0), contribution("beacon", 1));
        writeSynthetic(p, 2, true, cs);
        try (PtauFile f = PtauFile.open(p)) {
            assertEquals(2, f.power());
            assertEquals(2, f.ceremonyPower());
            assertTrue(f.isPrepared());
            long[] g1 = f.tauG1(1, 3);
            assertArrayEquals(TestPoints.repeat(TestPoints.g1(), 3), g1);
            assertArrayEquals(new long[8], f.tauG1(6, 1), "last point of the synthetic section is infinity");
            assertArrayEquals(TestPoints.g2(), f.betaG2());
            assertEquals(4 * 16, f.tauG2(0, 4).length);
            assertEquals(8 * 8, f.lagrangeTauG1(3).length);
            assertEquals(4 * 16, f.lagrangeTauG2(2).length);
            assertEquals(2 * 8, f.lagrangeTauG1(3, 5, 2).length);
            assertEquals(cs, f.contributions());
            assertEquals("beacon", f.contributions().get(2).name());
            assertArrayEquals(new byte[] {1, 2, 3}, f.contributions().get(2).beaconHash());
            assertThrows(IllegalArgumentException.class, () -> f.lagrangeTauG2(3));
            assertThrows(IllegalArgumentException.class, () -> f.tauG1(5, 3));
        }
        Path unprepared = dir.resolve("pot2u.ptau");
        writeSynthetic(unprepared, 2, false, List.of());
        try (PtauFile f = PtauFile.open(unprepared)) {
            assertFalse(f.isPrepared());
            assertEquals(List.of(), f.contributions());
            assertThrows(IllegalStateException.class, () -> f.lagrangeTauG1(1));
        }
    }

    @Test
    void sectionSizeMismatchIsSpelledOut() {
        Path p = dir.resolve("pot12.ptau");
        try (BinFileWriter w = BinFileWriter.create(p, "ptau", 1, 2)) {
            w.beginSection(1);
            w.u32(32);
            w.bigInteger(Fq.MODULUS, 32);
            w.u32(12);
            w.u32(12);
            w.endSection();
            w.beginSection(2);
            w.bytes(new byte[524000]);
            w.endSection();
            w.commit();
        }
        FormatException e = assertThrows(FormatException.class, () -> PtauFile.open(p));
        assertEquals("pot12.ptau: section 2 (tauG1): expected 8191 points of 64 bytes (524224 bytes), found 524000 "
                + "bytes", e.getMessage());
    }

    @Test
    void damagedFilesFailWithFileAndField() {
        Path p = dir.resolve("pot1.ptau");
        writeSynthetic(p, 1, true, List.of(contribution("x", 0)));
        byte[] good = Corruption.read(p);
        java.util.function.Consumer<Path> readAll = q -> {
            try (PtauFile f = PtauFile.open(q)) {
                f.tauG1(0, 3);
                f.tauG2(0, 2);
                f.alphaTauG1(0, 2);
                f.betaTauG1(0, 2);
                f.betaG2();
                f.contributions();
                f.lagrangeTauG1(2);
                f.lagrangeTauG2(1);
                f.lagrangeAlphaTauG1(1);
                f.lagrangeBetaTauG1(1);
            }
        };
        readAll.accept(p);
        Corruption.everyTruncationFails(good, dir, "bad.ptau", readAll, 150);
        int rejected = Corruption.flipsFailCleanly(good, dir, "bad.ptau", readAll, 250);
        assertTrue(rejected > 200, "a flip in a point coordinate moves it off the curve; rejected " + rejected);
    }

    @Test
    void pointOffTheCurveAndBetaOutsideTheSubgroupAreNamed() {
        Path p = dir.resolve("pot1.ptau");
        writeSynthetic(p, 1, false, List.of());
        byte[] good = Corruption.read(p);
        byte[] b = good.clone();
        int tauG1Start = 12 + 12 + 44 + 12;
        b[tauG1Start + 64 + 32] ^= 1; // y of point 1
        Corruption.write(p, b);
        FormatException e = assertThrows(FormatException.class, () -> {
            try (PtauFile f = PtauFile.open(p)) {
                f.tauG1(0, 3);
            }
        });
        assertEquals("pot1.ptau: section 2 (tauG1): point[1]: point off the curve", e.getMessage());

        b = good.clone();
        long[] off = TestPoints.g2OffSubgroup();
        int betaG2Start = b.length - (12 + 4) - 128; // the file ends with section 7 holding only a zero count
        java.nio.ByteBuffer.wrap(b, betaG2Start, 128).order(java.nio.ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(off);
        Corruption.write(p, b);
        e = assertThrows(FormatException.class, () -> {
            try (PtauFile f = PtauFile.open(p)) {
                f.betaG2();
            }
        });
        assertEquals("pot1.ptau: section 6 (betaG2): point not in the subgroup", e.getMessage());
    }
}
