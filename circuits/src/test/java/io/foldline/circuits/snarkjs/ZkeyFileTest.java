package io.foldline.circuits.snarkjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import io.foldline.crypto.bn254.Fr;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZkeyFileTest {
    @TempDir
    Path dir;

    static Zkey synthetic(Random rng) {
        int nVars = 5;
        int nPublic = 1;
        int domain = 4;
        int nCoef = 7;
        int[] m = new int[nCoef];
        int[] c = new int[nCoef];
        int[] s = new int[nCoef];
        for (int i = 0; i < nCoef; i++) {
            m[i] = rng.nextInt(2);
            c[i] = rng.nextInt(domain);
            s[i] = rng.nextInt(nVars);
        }
        long[] g1 = TestPoints.g1();
        long[] g2 = TestPoints.g2();
        long[] a = TestPoints.repeat(g1, nVars);
        Arrays.fill(a, 8, 16, 0); // an unused wire: infinity, as snarkjs writes it
        byte[] cs = new byte[64];
        rng.nextBytes(cs);
        byte[] transcript = new byte[64];
        rng.nextBytes(transcript);
        List<ZkeyContribution> contributions = List.of(
                new ZkeyContribution(g1, g1, g1, g2, transcript, 0, "first", 0, null),
                new ZkeyContribution(g1, g1, g1, g2, transcript, 1, null, 10, new byte[] {9, 9}));
        return Zkey.builder().header(nVars, nPublic, domain).keys(g1, g1, g2, g2, g1, g2)
                .points(TestPoints.repeat(g1, nPublic + 1), a, TestPoints.repeat(g1, nVars),
                        TestPoints.repeat(g2, nVars), TestPoints.repeat(g1, nVars - nPublic - 1),
                        TestPoints.repeat(g1, domain))
                .coefficients(m, c, s, TestPoints.randomFr(rng, nCoef))
                .contributions(cs, contributions).build();
    }

    @Test
    void roundTripsInBothLayouts() {
        Zkey z = synthetic(new Random(11));
        Path setup = dir.resolve("setup.zkey");
        Path ascending = dir.resolve("ascending.zkey");
        ZkeyFile.write(z, setup);
        ZkeyFile.write(z, ascending, ZkeyFile.Layout.ASCENDING);
        assertEquals(z, ZkeyFile.read(setup));
        assertEquals(z, ZkeyFile.read(ascending));
        assertNotEquals(Arrays.toString(Corruption.read(setup)), Arrays.toString(Corruption.read(ascending)));
        try (BinFileReader f = BinFileReader.open(setup, "zkey", 1)) {
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), f.sectionIds());
        }
        Zkey back = ZkeyFile.read(setup);
        assertEquals("first", back.contributions().get(0).name());
        assertArrayEquals(new byte[] {9, 9}, back.contributions().get(1).beaconHash());
    }

    @Test
    void coefficientsAreStoredTimesRSquared() {
        Zkey z = synthetic(new Random(2));
        Path p = dir.resolve("c.zkey");
        ZkeyFile.write(z, p);
        byte[] b = Corruption.read(p);
        // setup layout: sections 1 (4 bytes) and 2 (660 bytes) come first, then section 4
        int first = 12 + (12 + 4) + (12 + 660) + 12 + 4;
        int at = first + 12; // matrix, constraint, signal
        byte[] le = Arrays.copyOfRange(b, at, at + 32);
        java.math.BigInteger stored = new java.math.BigInteger(1, reverse(le));
        java.math.BigInteger r2 = java.math.BigInteger.ONE.shiftLeft(512).mod(Fr.MODULUS);
        Fr expected = Fr.fromMont(z.coefValues(), 0);
        assertEquals(expected.toBigInteger().multiply(r2).mod(Fr.MODULUS), stored);
    }

    @Test
    void damagedFilesFailWithFileAndField() {
        Path p = dir.resolve("g.zkey");
        ZkeyFile.write(synthetic(new Random(4)), p);
        byte[] good = Corruption.read(p);
        Corruption.everyTruncationFails(good, dir, "bad.zkey", ZkeyFile::read, 200);
        int rejected = Corruption.flipsFailCleanly(good, dir, "bad.zkey", ZkeyFile::read, 300);
        assertTrue(rejected > 150, "most flips hit point coordinates; rejected " + rejected);
    }

    @Test
    void headerG2PointOutsideTheSubgroupIsNamed() {
        Path p = dir.resolve("gamma.zkey");
        ZkeyFile.write(synthetic(new Random(4)), p);
        byte[] b = Corruption.read(p);
        int gamma2 = 12 + (12 + 4) + 12 + (4 + 32 + 4 + 32 + 12 + 64 + 64 + 128);
        ByteBuffer.wrap(b, gamma2, 128).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(TestPoints.g2OffSubgroup());
        Corruption.write(p, b);
        FormatException e = assertThrows(FormatException.class, () -> ZkeyFile.read(p));
        assertEquals("gamma.zkey: section 2 (groth16 header): gamma2: point not in the subgroup", e.getMessage());
    }

    private static byte[] reverse(byte[] a) {
        byte[] r = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }
}
