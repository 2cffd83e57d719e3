package io.foldline.circuits.ptau;

import io.foldline.circuits.interop.NodeTools;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Phase-2-ready INSECURE ptau files from {@link TestPowersOfTau}, cached as
 * {@code .cache/ptau/foldline-insecure-pot<power>.ptau} (seed {@link #SEED}) for tests that need a setup
 * larger than snarkjs can prepare quickly. The writer publishes the file with an atomic rename, so
 * concurrent test JVMs at worst compute it twice.
 */
public final class CachedTestPtau {
    public static final String SEED = "foldline cached test ptau";

    private CachedTestPtau() {
    }

    public static Path ptau(int power) {
        Path p = NodeTools.cacheDir("ptau").resolve("foldline-insecure-pot" + power + ".ptau");
        if (!Files.exists(p)) {
            try {
                Files.createDirectories(p.getParent());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            TestPowersOfTau.write(p, power, SEED);
        }
        return p;
    }
}
