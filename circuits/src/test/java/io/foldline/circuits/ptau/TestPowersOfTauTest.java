package io.foldline.circuits.ptau;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.snarkjs.PtauContribution;
import io.foldline.circuits.snarkjs.PtauFile;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G1Jacobian;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.bn254.Pairing;
import io.foldline.crypto.fft.Domain;
import io.foldline.crypto.msm.MsmConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPowersOfTauTest {
    private static final String SEED = "unit test seed";
    private static final int POWER = 3;

    @TempDir
    static Path dir;
    private static Path file;

    @BeforeAll
    static void generate() {
        file = dir.resolve("pot3.ptau");
        TestPowersOfTau.write(file, POWER, SEED, true, MsmConfig.builder().threads(2).build(), 3);
    }

    @Test
    void powerSectionsAreTheSecretsTimesTheGenerators() {
        List<Fr> s = TestPowersOfTau.secrets(SEED);
        Fr tau = s.get(0);
        try (PtauFile f = PtauFile.open(file)) {
            assertEquals(POWER, f.power());
            long[] g1 = f.tauG1(0, 15);
            for (int i = 0; i < 15; i++) {
                assertEquals(G1Affine.GENERATOR.mul(tau.pow(i)), G1Affine.fromLimbs(g1, 8 * i), "tauG1[" + i + "]");
            }
            assertEquals(G2Affine.GENERATOR.mul(tau.pow(7)), G2Affine.fromLimbs(f.tauG2(7, 1), 0));
            assertEquals(G1Affine.GENERATOR.mul(s.get(1).mul(tau.pow(5))), G1Affine.fromLimbs(f.alphaTauG1(5, 1), 0));
            assertEquals(G1Affine.GENERATOR.mul(s.get(2).mul(tau.pow(2))), G1Affine.fromLimbs(f.betaTauG1(2, 1), 0));
            assertEquals(G2Affine.GENERATOR.mul(s.get(2)), G2Affine.fromLimbs(f.betaG2(), 0));
        }
    }

    /** sum_i omega^(ij) L_i(tau) G = tau^j G: the Lagrange blocks interpolate the power sections. */
    @Test
    void lagrangeBlocksInterpolateThePowers() {
        try (PtauFile f = PtauFile.open(file)) {
            long[] powers = f.tauG1(0, 15);
            for (int k = 0; k <= POWER + 1; k++) {
                int n = 1 << k;
                long[] lag = f.lagrangeTauG1(k);
                Domain d = Domain.of(k);
                for (int j = 0; j < n; j++) {
                    G1Jacobian acc = G1Jacobian.INFINITY;
                    for (int i = 0; i < n; i++) {
                        acc = acc.add(G1Affine.fromLimbs(lag, 8 * i).toJacobian().mul(d.element((int) ((long) i * j % n))));
                    }
                    // the extra domain 2^(power+1) is built from a section one power short: its top power is 0
                    G1Affine expected = k == POWER + 1 && j == n - 1 ? G1Affine.INFINITY : G1Affine.fromLimbs(powers, 8 * j);
                    assertEquals(expected, acc.toAffine(), "domain 2^" + k + ", power " + j);
                }
            }
            Fr alpha = TestPowersOfTau.secrets(SEED).get(1);
            long[] lagAlpha = f.lagrangeAlphaTauG1(POWER);
            long[] lagTau = f.lagrangeTauG1(POWER);
            for (int i = 0; i < 8; i++) {
                assertEquals(G1Affine.fromLimbs(lagTau, 8 * i).mul(alpha), G1Affine.fromLimbs(lagAlpha, 8 * i));
            }
        }
    }

    @Test
    void contributionCarriesAValidProofOfKnowledge() {
        try (PtauFile f = PtauFile.open(file)) {
            List<PtauContribution> cs = f.contributions();
            assertEquals(1, cs.size());
            PtauContribution c = cs.get(0);
            assertEquals(TestPowersOfTau.CONTRIBUTION_NAME, c.name());
            assertTrue(c.name().startsWith("INSECURE"));
            assertArrayEquals(f.tauG1(1, 1), c.tauG1());
            byte[] challenge = ContributionProof.firstChallenge(POWER);
            long[] key = c.key();
            for (int k = 0; k < 3; k++) {
                G1Affine s = G1Affine.fromLimbs(key, 16 * k);
                G1Affine sx = G1Affine.fromLimbs(key, 16 * k + 8);
                G2Affine spx = G2Affine.fromLimbs(key, PtauContribution.TAU_G2_SPX + 16 * k);
                G2Affine sp = ContributionProof.g2sp(k, challenge, s, sx);
                assertTrue(Pairing.pairingCheck(new G1Affine[] {s, sx.neg()}, new G2Affine[] {spx, sp}),
                        "e(s, s_p^x) = e(s^x, s_p) for key " + k);
            }
            // tauG1 of the record follows from the generator by the proven tau: e(tauG1, G2) = e(G1, tau G2)
            assertTrue(Pairing.pairingCheck(
                    new G1Affine[] {G1Affine.fromLimbs(c.tauG1(), 0), G1Affine.GENERATOR.neg()},
                    new G2Affine[] {G2Affine.GENERATOR, G2Affine.fromLimbs(c.tauG2(), 0)}));
        }
    }

    @Test
    void omegaIsTheDomainsRoot() {
        for (int k = 0; k <= 12; k++) {
            assertEquals(Domain.of(k).omega(), TauScalars.omega(k), "2^" + k);
        }
        assertTrue(TauScalars.omega(28).pow(1 << 27).equals(Fr.ONE.neg()), "a primitive 2^28-th root");
    }
}
