package io.foldline.jobs.model;

import io.foldline.aggregation.WindowKeys;
import io.foldline.circuits.FormatException;
import io.foldline.circuits.groth16.ProvingKey;
import io.foldline.circuits.quant.ModelPackage;
import io.foldline.circuits.r1cs.R1cs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The loaded models of this JVM, shared by every operator instance in it. Loading a package recompiles its
 * circuit and a proving key can be large, so a task manager running validation and proving in several
 * slots loads each file once, not once per operator and subtask. A job restart in the same JVM (a local
 * run) finds them loaded.
 */
public final class DeployedModels {
    /** What a prover's window keys folder holds ({@code WindowKeys.write}). */
    public static final List<String> WINDOW_KEY_FILES = List.of(WindowKeys.DECIDER_ZKEY, WindowKeys.COMMITMENT_KEY,
            WindowKeys.VERIFICATION_KEY, WindowKeys.WINDOW_VK);

    private static final ConcurrentMap<String, ModelPackage> PACKAGES = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, ProvingKey> KEYS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, WindowKeys> WINDOW_KEYS = new ConcurrentHashMap<>();

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

    /**
     * The window keys of a folded {@code spec}, checked against the model's circuit (keys made for another
     * circuit are refused: their digest differs). A FormatException names the folder and the missing or
     * malformed file.
     */
    public static WindowKeys windowKeys(ModelSpec spec) {
        if (!spec.folded()) {
            throw new IllegalArgumentException("model " + spec.id() + " has no window keys: its windows are BATCH");
        }
        ModelPackage pkg = pkg(spec);
        return WINDOW_KEYS.computeIfAbsent(spec.windowKeys(), d -> {
            Path dir = Path.of(d);
            if (!Files.isDirectory(dir)) {
                throw new FormatException(dir + ": window keys folder not found (make it with foldline window setup)");
            }
            for (String f : WINDOW_KEY_FILES) {
                if (!Files.isRegularFile(dir.resolve(f))) {
                    throw new FormatException(dir + ": window keys folder has no " + f
                            + " (foldline window setup writes " + String.join(", ", WINDOW_KEY_FILES) + ")");
                }
            }
            try {
                return WindowKeys.load(dir, pkg.compiled().circuit().r1cs());
            } catch (FormatException e) {
                throw new FormatException(dir + ": " + e.getMessage(), e);
            }
        });
    }
}
