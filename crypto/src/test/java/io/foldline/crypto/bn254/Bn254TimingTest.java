package io.foldline.crypto.bn254;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.bn254.internal.Fq2Ops;
import io.foldline.crypto.bn254.internal.MontField;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rough timings (thread CPU time after warm-up, which is steadier than wall time on a shared machine) of the
 * field kernels, the G2 subgroup tests and the pairing. Prints, never asserts on time; tagged slow so that it
 * runs under {@code mvn verify} only.
 */
@Tag("slow")
class Bn254TimingTest {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private static double micros(int runs, BooleanSupplier op) {
        for (int i = 0; i < runs; i++) {
            assertTrue(op.getAsBoolean());
        }
        long t0 = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < runs; i++) {
            assertTrue(op.getAsBoolean());
        }
        return (CPU.getCurrentThreadCpuTime() - t0) / 1e3 / runs;
    }

    @Test
    void printTimings() {
        SplittableRandom rng = new SplittableRandom(1);
        long[] x = new long[16];
        Fq2Test.random(rng).copyMontTo(x, 0);
        Fq2Test.random(rng).copyMontTo(x, 8);
        int n = 1_000_000;
        double fqMul = micros(3, () -> {
            for (int i = 0; i < n; i++) {
                MontField.FQ.mul(x, 0, x, 4, x, 0);
            }
            return true;
        }) * 1e3 / n;
        double fq2Mul = micros(3, () -> {
            for (int i = 0; i < n; i++) {
                Fq2Ops.mul(x, 0, x, 8, x, 0);
            }
            return true;
        }) * 1e3 / n;
        double fq2Sqr = micros(3, () -> {
            for (int i = 0; i < n; i++) {
                Fq2Ops.sqr(x, 0, x, 0);
            }
            return true;
        }) * 1e3 / n;
        G1Affine p = G1Affine.GENERATOR.mul(PrimeFieldTest.randomBelow(Fr.MODULUS, rng));
        G2Affine q = G2Affine.GENERATOR.mul(PrimeFieldTest.randomBelow(Fr.MODULUS, rng));
        G1Affine[] ps = {p, p.neg(), p, p.neg()};
        G2Affine[] qs = {q, q, q.neg(), q.neg()};
        double psi = micros(50, q::isInSubgroup);
        double byOrder = micros(50, q::isInSubgroupByOrder);
        double pair = micros(50, () -> !Pairing.pair(p, q).isOne());
        double miller = micros(50, () -> !Pairing.millerLoop(new G1Affine[] {p}, new G2Affine[] {q}).isOne());
        double check4 = micros(50, () -> Pairing.pairingCheck(ps, qs));
        System.out.printf("Fq mul %.1f ns, Fq2 mul %.1f ns, Fq2 sqr %.1f ns%n", fqMul, fq2Mul, fq2Sqr);
        System.out.printf("G2 subgroup test: psi %.0f us, [r]Q %.0f us%n", psi, byOrder);
        System.out.printf("pairing %.0f us (Miller loop %.0f us), 4-pair pairingCheck %.0f us%n", pair, miller, check4);
        System.out.printf("G1 [k]P %.0f us, G2 [k]Q %.0f us%n",
                micros(20, () -> !p.mul(BigInteger.valueOf(rng.nextLong()).shiftLeft(190)).isInfinity()),
                micros(20, () -> !q.mul(BigInteger.valueOf(rng.nextLong()).shiftLeft(190)).isInfinity()));
    }
}
