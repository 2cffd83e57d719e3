package io.foldline.jobs.model;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.groth16.ProvingKey;
import io.foldline.circuits.quant.ModelPackage;
import io.foldline.circuits.r1cs.R1cs;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The loaded models of this JVM, shared by every operator instance in it. Loading a package recompiles its
 * circuit and a proving key can be large, so a task manager running validation and proving in several
 * slots loads each file once, not once per operator and subtask. A job restart in the same JVM (a local
 * run) finds them loaded.
 */
public final class DeployedModels {
    private static final ConcurrentMap<String, ModelPackage> PACKAGES = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, ProvingKey> KEYS = new ConcurrentHashMap<>();

    private DeployedModels() {
    }

    /** The compiled model of {@code spec}; a FormatException names the folder and what is wrong. */
    public static ModelPackage pkg(ModelSpec spec) {
        return PACKAGES.computeIfAbsent(spec.dir(), d -> ModelPackage.load(Path.of(d)));
    }

    /**
     * The proving key of {@code spec}, checked against the model's circuit: a key set up for another
     * circuit would make proofs that never verify, so it is refused at load time.
     */
    public static ProvingKey provingKey(ModelSpec spec) {
        ModelPackage pkg = pkg(spec);
        return KEYS.computeIfAbsent(spec.zkey(), z -> {
            ProvingKey pk = ProvingKey.read(Path.of(z));
            R1cs r1cs = pkg.compiled().circuit().r1cs();
            if (pk.nVars() != r1cs.nWires() || pk.nPublic() != r1cs.nPublic()) {
                throw new FormatException(z + ": proving key for " + pk.nVars() + " wires and " + pk.nPublic()
                        + " public signals, but model " + spec.id() + " (" + spec.dir() + ") has " + r1cs.nWires()
                        + " wires and " + r1cs.nPublic() + " public signals: set it up from that folder's "
                        + ModelPackage.CIRCUIT);
            }
            return pk;
        });
    }
}
