package io.foldline.crypto.kzg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.msm.MsmConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KzgTest {
    private static final Srs SRS = Srs.insecureForTests(64, Fr.of(7));

    private static Fr[] randomPoly(SplittableRandom rng, int n) {
        Fr[] p = new Fr[n];
        for (int i = 0; i < n; i++) {
            p[i] = Fr.of(rng.nextLong() & Long.MAX_VALUE).mul(Fr.of(rng.nextLong()));
        }
        return p;
    }

    @Test
    void workedExampleFromThePackageDocs() {
        Fr[] p = {Fr.of(1), Fr.of(2), Fr.of(3)};
        assertEquals(G1Affine.GENERATOR.mul(Fr.of(162)), Kzg.commit(SRS, p));
        Kzg.Opening o = Kzg.open(SRS, p, Fr.of(2));
        assertEquals(Fr.of(17), o.value());
        assertEquals(G1Affine.GENERATOR.mul(Fr.of(29)), o.proof());
        assertTrue(Kzg.verify(SRS, o));
    }

    @Test
    void honestOpeningsVerifyAndEveryTamperedPartIsRejected() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int n : new int[] {1, 2, 5, 64}) {
            Fr[] p = randomPoly(rng, n);
            Fr z = Fr.of(rng.nextLong());
            Kzg.Opening o = Kzg.open(SRS, p, z);
            assertTrue(Kzg.verify(SRS, o), "degree " + (n - 1));
            assertEquals(Kzg.evaluate(Kzg.flatten(p), n, z), o.value());
            assertFalse(Kzg.verify(SRS, new Kzg.Opening(o.commitment(), z, o.value().add(Fr.ONE), o.proof())));
            if (n > 1) { // a constant polynomial takes its value everywhere: moving the point is no tampering
                assertFalse(Kzg.verify(SRS, new Kzg.Opening(o.commitment(), z.add(Fr.ONE), o.value(), o.proof())));
            }
            assertFalse(Kzg.verify(SRS, new Kzg.Opening(o.commitment().add(G1Affine.GENERATOR), z, o.value(), o.proof())));
            assertFalse(Kzg.verify(SRS, new Kzg.Opening(o.commitment(), z, o.value(), o.proof().add(G1Affine.GENERATOR))));
        }
    }

    @Test
    void commitmentsAreLinearAndOffsetsShiftThePowers() {
        SplittableRandom rng = new SplittableRandom(2);
        Fr[] a = randomPoly(rng, 10), b = randomPoly(rng, 10), sum = new Fr[10];
        for (int i = 0; i < 10; i++) {
            sum[i] = a[i].add(b[i]);
        }
        assertEquals(Kzg.commit(SRS, a).add(Kzg.commit(SRS, b)), Kzg.commit(SRS, sum));
        Fr[] shifted = new Fr[15];
        java.util.Arrays.fill(shifted, Fr.ZERO);
        System.arraycopy(a, 0, shifted, 5, 10);
        assertEquals(Kzg.commit(SRS, shifted), Kzg.commitAt(SRS, Kzg.flatten(a), 10, 5, MsmConfig.defaults()));
    }

    @Test
    void batchVerificationAcceptsHonestAndRejectsOneBadOpening() {
        SplittableRandom rng = new SplittableRandom(3);
        List<Kzg.Opening> os = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            os.add(Kzg.open(SRS, randomPoly(rng, 1 + rng.nextInt(40)), Fr.of(rng.nextLong())));
        }
        assertTrue(Kzg.batchVerify(SRS, os));
        Kzg.Opening bad = os.get(3);
        os.set(3, new Kzg.Opening(bad.commitment(), bad.point(), bad.value().add(Fr.ONE), bad.proof()));
        assertFalse(Kzg.batchVerify(SRS, os));
    }

    @Test
    void aPolynomialLargerThanTheSrsIsAnError() {
        CryptoException e = assertThrows(CryptoException.class,
                () -> Kzg.commit(SRS, randomPoly(new SplittableRandom(4), 65)));
        assertTrue(e.getMessage().contains("65 coefficients"), e.getMessage());
    }
}
