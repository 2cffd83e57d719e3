package io.foldline.cli.bench;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G1Jacobian;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.bn254.G2Jacobian;
import io.foldline.crypto.bn254.Pairing;
import io.foldline.crypto.bn254.internal.MontField;
import io.foldline.crypto.fft.Domain;
import io.foldline.crypto.msm.G1Msm;
import io.foldline.crypto.msm.G2Msm;
import io.foldline.crypto.msm.MsmConfig;
import java.util.SplittableRandom;

/** The building blocks: Fr multiplication, MSM, NTT, pairing. */
final class CoreBench {
    private final Report report;
    private final SplittableRandom rng = new SplittableRandom(42);

    CoreBench(Report report) {
        this.report = report;
    }

    void field() throws Exception {
        int n = 1 << 16;
        long[] a = randomScalars(n);
        long[] acc = new long[4];
        a[0] = 1;
        int reps = 64;
        double t = Timer.median(3, 7, () -> {
            MontField f = MontField.FR;
            for (int r = 0; r < reps; r++) {
                for (int i = 0; i < n; i++) {
                    f.mul(acc, 0, a, 4 * i, acc, 0);
                }
            }
        });
        report.row("Fr multiplication (dependent chain)", "1", t / (n * (double) reps));
    }

    void msm(int logG1Small, int logG1Large, int logG2) throws Exception {
        for (int log : new int[] {logG1Small, logG1Large}) {
            int n = 1 << log;
            long[] bases = g1Bases(n);
            long[] scalars = randomScalars(n);
            double t = Timer.median(1, 3, () -> G1Msm.msm(bases, scalars, n, MsmConfig.defaults()));
            report.row("G1 MSM", "2^" + log, t);
        }
        int n = 1 << logG2;
        long[] bases = g2Bases(n);
        long[] scalars = randomScalars(n);
        double t = Timer.median(1, 3, () -> G2Msm.msm(bases, scalars, n, MsmConfig.defaults()));
        report.row("G2 MSM", "2^" + logG2, t);
    }

    void ntt(int log) throws Exception {
        Domain d = Domain.of(log);
        long[] a = randomScalars(d.size());
        double t = Timer.median(2, 5, () -> d.fft(a));
        report.row("NTT (forward, in place)", "2^" + log, t);
    }

    void pairing() throws Exception {
        G1Affine p = G1Affine.GENERATOR.mul(Fr.of(rng.nextLong()));
        G2Affine q = G2Affine.GENERATOR.mul(Fr.of(rng.nextLong()));
        double t = Timer.median(20, 31, () -> Pairing.pair(p, q));
        report.row("optimal ate pairing", "1", t);
        G1Affine[] ps = {p, p.neg(), p, p.neg()};
        G2Affine[] qs = {q, q, q, q};
        double t4 = Timer.median(10, 21, () -> Pairing.pairingCheck(ps, qs));
        report.row("pairing check (Groth16 verify: 4 pairs)", "4", t4);
    }

    long[] randomScalars(int n) {
        long[] s = new long[4 * n];
        for (int i = 0; i < n; i++) {
            Fr.of(rng.nextLong()).mul(Fr.of(rng.nextLong())).mul(Fr.of(rng.nextLong())).copyMontTo(s, 4 * i);
        }
        return s;
    }

    /** Distinct-looking bases cheaply: a running sum of one random point, normalised in batches. */
    long[] g1Bases(int n) {
        long[] flat = new long[8 * n];
        G1Jacobian step = G1Affine.GENERATOR.mul(Fr.of(rng.nextLong())).toJacobian();
        G1Jacobian acc = step;
        int chunk = 4096;
        G1Jacobian[] buf = new G1Jacobian[Math.min(chunk, n)];
        for (int i = 0; i < n; i += chunk) {
            int m = Math.min(chunk, n - i);
            if (buf.length != m) {
                buf = new G1Jacobian[m];
            }
            for (int j = 0; j < m; j++) {
                buf[j] = acc;
                acc = acc.add(step);
            }
            G1Affine[] aff = G1Jacobian.batchToAffine(buf);
            for (int j = 0; j < m; j++) {
                aff[j].copyTo(flat, 8 * (i + j));
            }
        }
        return flat;
    }

    long[] g2Bases(int n) {
        long[] flat = new long[16 * n];
        G2Jacobian step = G2Affine.GENERATOR.mul(Fr.of(rng.nextLong())).toJacobian();
        G2Jacobian acc = step;
        for (int i = 0; i < n; i++) {
            acc.toAffine().copyTo(flat, 16 * i);
            acc = acc.add(step);
        }
        return flat;
    }
}
