package io.foldline.circuits.interop;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Small powers-of-tau files made by snarkjs itself ({@code powersoftau new bn128}, one {@code contribute},
 * {@code prepare phase2}), cached as {@code .cache/ptau/pot<power>_final.ptau}: an independent source of
 * ptau files to check our own setup against. Test-only (snarkjs mixes OS randomness into the fixed entropy
 * text, so two caches hold different taus, but nobody guards the toxic waste); {@code prepare phase2} is
 * too slow for large powers on a small machine (minutes at 14, hours at 18).
 */
public final class SnarkjsPtau {

    public static final int MAX_POWER = 14;
    private static final Duration TIMEOUT = Duration.ofMinutes(60);

    private SnarkjsPtau() {
    }

    /** A phase-2-ready ptau for circuits of up to {@code 2^power} rows (snarkjs domain size). */
    public static Path ptau(int power) {
        if (power < 1 || power > MAX_POWER) {
            throw new IllegalArgumentException("power must be in [1, " + MAX_POWER + "], got " + power);
        }
        NodeTools.requireTools();
        Path target = NodeTools.cacheDir("ptau").resolve("pot" + power + "_final.ptau");
        return CacheDirs.materialize(target, tmp -> {
            Path p0 = tmp.resolve("pot_0000.ptau");
            Path p1 = tmp.resolve("pot_0001.ptau");
            Path fin = tmp.resolve("pot_final.ptau");
            NodeTools.snarkjs(tmp, TIMEOUT, "powersoftau", "new", "bn128", Integer.toString(power),
                    p0.toString()).requireOk();
            NodeTools.snarkjs(tmp, TIMEOUT, "powersoftau", "contribute", p0.toString(), p1.toString(),
                    "--name=foldline test contribution", "-e=foldline test entropy (not secret)").requireOk();
            NodeTools.snarkjs(tmp, TIMEOUT, "powersoftau", "prepare", "phase2", p1.toString(),
                    fin.toString()).requireOk();
            return fin;
        });
    }
}
