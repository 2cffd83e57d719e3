package io.foldline.aggregation;

import io.foldline.circuits.frontend.CompiledCircuit;
import io.foldline.circuits.ptau.TestPowersOfTau;
import io.foldline.crypto.bn254.G1Affine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The decider keys of {@link Circuits#modelShaped} on an insecure test ptau, made once per test JVM (every
 * decider test class shares them), and honest windows folded with them.
 */
final class DeciderFixture {
    static final CompiledCircuit MODEL = Circuits.modelShaped();
    static final byte[] VK_DIGEST = R1csDigest.of(MODEL.r1cs());
    static final String SEED = "aggregation decider test";

    private static DeciderKey key;
    private static Path ptau;

    private DeciderFixture() {
    }

    static synchronized DeciderKey key() {
        if (key == null) {
            key = Decider.setup(MODEL.r1cs(), ptau());
        }
        return key;
    }

    /** The smallest power that fits the model's decider circuit. */
    static synchronized Path ptau() {
        if (ptau == null) {
            CompiledCircuit decider = DeciderCircuit.compile(new RelaxedR1cs(MODEL.r1cs()));
            int rows = decider.nConstraints() + decider.r1cs().nPublic() + 1;
            int power = 32 - Integer.numberOfLeadingZeros(rows - 1);
            try {
                Path dir = Files.createTempDirectory("foldline-decider-test");
                dir.toFile().deleteOnExit(); // runs after the file's: deleteOnExit goes in reverse order
                ptau = dir.resolve("pot" + power + ".ptau");
                ptau.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TestPowersOfTau.write(ptau, power, SEED);
        }
        return ptau;
    }

    /** A window as the prover hands it over, with the folded pair the decider proves. */
    record Window(CommittedInstance start, List<CommittedInstance> instances, List<G1Affine> crossTerms,
                  Nifs.InstanceWitness folded) {
    }

    /** {@code n} honest inferences (seeds 1..n) folded onto a random start. */
    static Window fold(int n, RandomGenerator rng) {
        Nifs nifs = key().nifs();
        Nifs.InstanceWitness acc = nifs.start(rng);
        CommittedInstance start = acc.instance();
        List<CommittedInstance> instances = new ArrayList<>();
        List<G1Affine> crossTerms = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Nifs.InstanceWitness fresh = nifs.fresh(Circuits.modelShapedWitness(MODEL, i, 1000 + i), rng);
            Nifs.FoldResult step = nifs.fold(VK_DIGEST, acc, fresh, rng);
            instances.add(fresh.instance());
            crossTerms.add(step.crossTerm());
            acc = step.folded();
        }
        return new Window(start, List.copyOf(instances), List.copyOf(crossTerms), acc);
    }
}
