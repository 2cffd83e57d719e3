package io.foldline.circuits.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.circuits.snarkjs.ProofJson;
import io.foldline.circuits.snarkjs.Zkey;
import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fq;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.bn254.Pairing;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setup, prove and verify end to end on x^3 + x + 5 = out with a ptau of known tau. */
class Groth16Test {
    @TempDir
    static Path dir;
    static ProvingKey pk;
    static PreparedVerifyingKey pvk;
    static Prover.Result result;
    static final ProverOptions SEEDED = ProverOptions.builder().random(new SplittableRandom(42)).build();

    @BeforeAll
    static void setUp() {
        Path ptau = SmallPtau.write(dir.resolve("small.ptau"), 4, Fr.of(123456789), Fr.of(11), Fr.of(17));
        Zkey z = Setup.newZkey(CubicCircuit.r1cs(), "cubic.r1cs", ptau, s -> { });
        pk = ProvingKey.of(z, "cubic.zkey");
        pvk = PreparedVerifyingKey.prepare(pk.verifyingKey());
        result = Prover.prove(pk, CubicCircuit.witness(3), SEEDED);
    }

    @Test
    void honestProofVerifies() {
        assertEquals(List.of(Fr.of(35)), result.publicSignals());
        assertTrue(Verifier.verify(pvk, new Fr[] {Fr.of(35)}, result.proof()));
        assertTrue(Verifier.verify(pvk, List.of(BigInteger.valueOf(35)), result.proof()));
    }

    @Test
    void proofsAreRandomized() {
        Prover.Result again = Prover.prove(pk, CubicCircuit.witness(3), ProverOptions.defaults());
        assertNotEquals(result.proof(), again.proof());
        assertTrue(Verifier.verify(pvk, new Fr[] {Fr.of(35)}, again.proof()));
    }

    @Test
    void bothSchedulesGiveValidProofs() {
        for (ProverOptions.Schedule sch : ProverOptions.Schedule.values()) {
            Prover.Result r = Prover.prove(pk, CubicCircuit.witness(4),
                    ProverOptions.builder().schedule(sch).selfCheck(false).build());
            assertTrue(Verifier.verify(pvk, new Fr[] {Fr.of(73)}, r.proof()), sch.name());
        }
    }

    @Test
    void everyTamperedElementIsRejected() {
        Proof p = result.proof();
        Fr[] x = {Fr.of(35)};
        assertFalse(Verifier.verify(pvk, x, new Proof(p.a().add(G1Affine.GENERATOR), p.b(), p.c())));
        assertFalse(Verifier.verify(pvk, x, new Proof(p.a(), p.b().add(G2Affine.GENERATOR), p.c())));
        assertFalse(Verifier.verify(pvk, x, new Proof(p.a(), p.b(), p.c().add(G1Affine.GENERATOR))));
        assertFalse(Verifier.verify(pvk, x, new Proof(p.c(), p.b(), p.a())));
        assertFalse(Verifier.verify(pvk, new Fr[] {Fr.of(36)}, p));
        assertFalse(Verifier.verify(pvk, new Fr[] {Fr.of(35).neg()}, p));
    }

    @Test
    void malformedInputsThrow() {
        Proof p = result.proof();
        assertThrows(FormatException.class, () -> Verifier.verify(pvk, new Fr[0], p));
        assertThrows(FormatException.class, () -> Verifier.verify(pvk, new Fr[] {Fr.ONE, Fr.ONE}, p));
        FormatException e = assertThrows(FormatException.class,
                () -> Verifier.verify(pvk, List.of(Fr.MODULUS), p));
        assertTrue(e.getMessage().contains("public input 0"), e.getMessage());
        assertThrows(FormatException.class, () -> Verifier.verify(pvk, List.of(BigInteger.ONE.negate()), p));
        assertThrows(CryptoException.class, () -> G1Affine.of(Fq.ONE, Fq.ONE));
        String json = p.toJson().toJson();
        String offCurve = json.replaceFirst("\"pi_a\": \\[\\s*\"\\d+\"", "\"pi_a\": [\"1\"");
        assertNotEquals(json, offCurve);
        FormatException off = assertThrows(FormatException.class, () -> ProofJson.parse(offCurve, "proof.json"));
        assertTrue(off.getMessage().contains("proof.json"), off.getMessage());
    }

    @Test
    void wrongWitnessIsReported() {
        Witness good = CubicCircuit.witness(3);
        long[] bad = good.values().clone();
        Fr.of(36).copyMontTo(bad, 4); // out = 36, no longer x^3 + x + 5
        FormatException e = assertThrows(FormatException.class,
                () -> Prover.prove(pk, Witness.ofMont(bad), SEEDED, "bad.wtns"));
        assertTrue(e.getMessage().contains("bad.wtns") && e.getMessage().contains("does not satisfy"), e.getMessage());
        Prover.Result unchecked = Prover.prove(pk, Witness.ofMont(bad),
                ProverOptions.builder().selfCheck(false).build());
        assertFalse(Verifier.verify(pvk, new Fr[] {Fr.of(36)}, unchecked.proof()));
        long[] shortW = java.util.Arrays.copyOf(good.values(), 16);
        FormatException len = assertThrows(FormatException.class,
                () -> Prover.prove(pk, Witness.ofMont(shortW), SEEDED, "short.wtns"));
        assertTrue(len.getMessage().contains("short.wtns") && len.getMessage().contains("4 witness values"),
                len.getMessage());
    }

    @Test
    void setupPointsMatchTheQapAtTau() {
        // A_s = u_s(tau) G1 with u_s the interpolant of column s of A (plus the extra public rows)
        Fr tau = Fr.of(123456789);
        int n = pk.domainSize();
        Fr[] lag = new Fr[n];
        Fr omega = io.foldline.crypto.fft.Domain.of(Integer.numberOfTrailingZeros(n)).omega();
        Fr wi = Fr.ONE;
        Fr zn = tau.pow(n).sub(Fr.ONE).mul(Fr.of(n).inverse());
        for (int i = 0; i < n; i++) {
            lag[i] = wi.mul(zn).mul(tau.sub(wi).inverse());
            wi = wi.mul(omega);
        }
        // wire 2 (x): A row 0 (coeff 1) and row 2 (coeff 1)
        Fr u2 = lag[0].add(lag[2]);
        assertEquals(G1Affine.GENERATOR.mul(u2), G1Affine.fromLimbs(pk.zkey().a(), 8 * 2));
        // wire 0: A row 2 (coeff 5) and the extra row 3
        Fr u0 = lag[2].mul(Fr.of(5)).add(lag[3]);
        assertEquals(G1Affine.GENERATOR.mul(u0), G1Affine.fromLimbs(pk.zkey().a(), 0));
        // wire 1 (out, public): IC_1 = beta u_1 + alpha v_1 + w_1 = 17 lag[4] + lag[2]
        Fr ic1 = Fr.of(17).mul(lag[4]).add(lag[2]);
        assertEquals(G1Affine.GENERATOR.mul(ic1), G1Affine.fromLimbs(pk.zkey().ic(), 8));
    }

    @Test
    void contributionsKeepProofsWorkingAndMoveDelta() {
        Phase2.Result c1 = Phase2.contribute(pk.zkey(), "alice", "x".getBytes(StandardCharsets.UTF_8),
                new SecureRandom());
        Phase2.Result c2 = Phase2.beacon(c1.zkey(), new byte[] {1, 2, 3}, 10, "beacon");
        ProvingKey pk2 = ProvingKey.of(c2.zkey(), "cubic_final.zkey");
        assertNotEquals(pk.verifyingKey().delta2(), pk2.verifyingKey().delta2());
        assertEquals(2, c2.zkey().contributions().size());
        Prover.Result r = Prover.prove(pk2, CubicCircuit.witness(5), SEEDED);
        PreparedVerifyingKey pvk2 = PreparedVerifyingKey.prepare(pk2.verifyingKey());
        assertTrue(Verifier.verify(pvk2, new Fr[] {Fr.of(135)}, r.proof()));
        assertFalse(Verifier.verify(pvk, new Fr[] {Fr.of(135)}, r.proof()), "old key must reject");
        // e(deltaAfter, G2) = e(G1, delta2): the record matches the key
        G1Affine deltaAfter = G1Affine.fromLimbs(c2.zkey().contributions().get(1).deltaAfter(), 0);
        assertTrue(Pairing.pair(deltaAfter, G2Affine.GENERATOR).equals(
                Pairing.pair(G1Affine.GENERATOR, pk2.verifyingKey().delta2())));
    }

    @Test
    void beaconIsDeterministic() {
        Phase2.Result a = Phase2.beacon(pk.zkey(), new byte[] {9, 9}, 10, "b");
        Phase2.Result b = Phase2.beacon(pk.zkey(), new byte[] {9, 9}, 10, "b");
        assertEquals(a.zkey(), b.zkey());
        assertThrows(FormatException.class, () -> Phase2.beacon(pk.zkey(), new byte[] {9}, 9, "b"));
        assertThrows(FormatException.class, () -> Phase2.beacon(pk.zkey(), new byte[0], 10, "b"));
    }
}
