package io.foldline.circuits.groth16;

import io.foldline.circuits.snarkjs.PtauFile;
import io.foldline.circuits.snarkjs.PtauWriter;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.fft.Domain;
import java.nio.file.Path;
import java.util.List;

/**
 * A tiny phase-2-ready ptau from known tau, alpha, beta, for unit tests (insecure by construction): the
 * monomial sections tau^i, alpha tau^i, beta tau^i, and the Lagrange sections L_i(tau) for every domain
 * 2^0..2^power (2^(power+1) for tau G1), with L_i(x) = omega^i (x^n - 1) / (n (x - omega^i)).
 */
final class SmallPtau {
    private SmallPtau() {
    }

    static Path write(Path path, int power, Fr tau, Fr alpha, Fr beta) {
        try (PtauWriter w = PtauWriter.create(path, power, power, true)) {
            int n = 1 << power;
            g1Section(w, PtauFile.TAU_G1, powers(tau, 2 * n - 1, Fr.ONE));
            g2Section(w, PtauFile.TAU_G2, powers(tau, n, Fr.ONE));
            g1Section(w, PtauFile.ALPHA_TAU_G1, powers(tau, n, alpha));
            g1Section(w, PtauFile.BETA_TAU_G1, powers(tau, n, beta));
            g2Section(w, PtauFile.BETA_G2, new Fr[] {beta});
            w.contributions(List.of());
            g1Section(w, PtauFile.LAGRANGE_TAU_G1, lagrange(tau, power + 1, Fr.ONE));
            g2Section(w, PtauFile.LAGRANGE_TAU_G2, lagrange(tau, power, Fr.ONE));
            g1Section(w, PtauFile.LAGRANGE_ALPHA_TAU_G1, lagrange(tau, power, alpha));
            g1Section(w, PtauFile.LAGRANGE_BETA_TAU_G1, lagrange(tau, power, beta));
            w.commit();
        }
        return path;
    }

    private static Fr[] powers(Fr x, int count, Fr factor) {
        Fr[] out = new Fr[count];
        Fr acc = factor;
        for (int i = 0; i < count; i++) {
            out[i] = acc;
            acc = acc.mul(x);
        }
        return out;
    }

    /** factor * L_i(tau) for i in [0, 2^k), for k = 0..maxLog, blocks concatenated. */
    private static Fr[] lagrange(Fr tau, int maxLog, Fr factor) {
        Fr[] out = new Fr[(2 << maxLog) - 1];
        int o = 0;
        for (int k = 0; k <= maxLog; k++) {
            int n = 1 << k;
            Fr omega = Domain.of(k).omega();
            Fr zn = tau.pow(n).sub(Fr.ONE).mul(Fr.of(n).inverse());
            Fr wi = Fr.ONE;
            for (int i = 0; i < n; i++) {
                out[o++] = factor.mul(wi).mul(zn).mul(tau.sub(wi).inverse());
                wi = wi.mul(omega);
            }
        }
        return out;
    }

    private static void g1Section(PtauWriter w, int id, Fr[] scalars) {
        w.beginSection(id);
        long[] buf = new long[8];
        for (Fr s : scalars) {
            G1Affine.GENERATOR.mul(s).copyTo(buf, 0);
            w.g1(buf, 0, 1);
        }
        w.endSection();
    }

    private static void g2Section(PtauWriter w, int id, Fr[] scalars) {
        w.beginSection(id);
        long[] buf = new long[16];
        for (Fr s : scalars) {
            G2Affine.GENERATOR.mul(s).copyTo(buf, 0);
            w.g2(buf, 0, 1);
        }
        w.endSection();
    }
}
