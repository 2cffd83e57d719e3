package io.foldline.circuits.groth16;

import io.foldline.crypto.concurrent.Jobs;

import io.foldline.circuits.snarkjs.Zkey;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.msm.G1Msm;
import io.foldline.crypto.msm.G2Msm;
import io.foldline.crypto.msm.MsmConfig;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The QAP evaluation (on all threads, its FFTs parallelise well), then the five multi-scalar
 * multiplications of a proof, either one after another with each spread over all threads (SEQUENTIAL, the
 * default) or side by side with one thread each, longest first (CONCURRENT: B2 in G2, then A, B1, H, C).
 */
final class ProverMsms {
    /** The raw MSM results, before alpha, beta, delta and the blinding terms. */
    record Sums(G1Affine a, G1Affine b1, G2Affine b2, G1Affine c, G1Affine h) {
    }

    private ProverMsms() {
    }

    static Sums compute(ProvingKey pk, long[] w, ProverOptions options) {
        Zkey z = pk.zkey();
        int nVars = z.nVars();
        int nPub = z.nPublic();
        MsmConfig cfg = options.msm();
        Consumer<String> progress = options.progress();
        boolean concurrent = switch (options.schedule()) {
            case AUTO, SEQUENTIAL -> false;
            case CONCURRENT -> cfg.threads() > 1;
        };
        MsmConfig each = concurrent ? MsmConfig.builder().threads(1).pool(cfg.pool()).build() : cfg;
        long start = System.nanoTime();
        long[] h = pk.qap().hEvaluations(w);
        lap(progress, "h = A·B - C on the coset (" + z.domainSize() + " rows)", start);
        Object[] out = new Object[5];
        Runnable[] jobs = {
            () -> out[2] = timed(progress, "MSM B2 (G2, " + nVars + ")", () -> g2(z.b2(), w, nVars, each)),
            () -> out[0] = timed(progress, "MSM A (G1, " + nVars + ")", () -> g1(z.a(), w, 0, nVars, each)),
            () -> out[1] = timed(progress, "MSM B1 (G1, " + nVars + ")", () -> g1(z.b1(), w, 0, nVars, each)),
            () -> out[4] = timed(progress, "MSM H (G1, " + z.domainSize() + ")",
                    () -> g1(z.h(), h, 0, z.domainSize(), each)),
            () -> out[3] = timed(progress, "MSM C (G1, " + (nVars - nPub - 1) + ")",
                    () -> g1(z.c(), w, 4 * (nPub + 1), nVars - nPub - 1, each)),
        };
        Jobs.run(jobs.length, concurrent ? cfg.threads() : 1, cfg.pool(), i -> jobs[i].run());
        return new Sums((G1Affine) out[0], (G1Affine) out[1], (G2Affine) out[2], (G1Affine) out[3],
                (G1Affine) out[4]);
    }

    private static <T> T timed(Consumer<String> progress, String what, Supplier<T> f) {
        long start = System.nanoTime();
        T r = f.get();
        lap(progress, what, start);
        return r;
    }

    private static void lap(Consumer<String> progress, String what, long start) {
        progress.accept("prove: " + what + ": " + (System.nanoTime() - start) / 1_000_000 + " ms ["
                + Thread.currentThread().getName() + "]");
    }

    private static G1Affine g1(long[] bases, long[] scalars, int scalarsOff, int n, MsmConfig cfg) {
        long[] out = new long[8];
        G1Msm.msmInto(bases, 0, scalars, scalarsOff, n, cfg, out, 0);
        return G1Affine.fromLimbs(out, 0);
    }

    private static G2Affine g2(long[] bases, long[] scalars, int n, MsmConfig cfg) {
        long[] out = new long[16];
        G2Msm.msmInto(bases, 0, scalars, 0, n, cfg, out, 0);
        return G2Affine.fromLimbs(out, 0);
    }
}
