package io.foldline.jobs.model;

import java.io.Serializable;

/**
 * A model the job serves: its id (the {@code modelId} of requests), the folder {@code foldline model
 * compile} wrote, the Groth16 proving key (.zkey) set up for that folder's {@code circuit.r1cs} (null when
 * no standalone proof is made), the folder of its window keys ({@code foldline window setup}; null: BATCH
 * windows), and whether each inference also gets a standalone Groth16 proof. A model with window keys is
 * folded: its windows are FOLDED window proofs. Paths are strings because operators that hold a spec are
 * serialized to the task managers, and are read there: on a cluster they must name the same files on
 * every machine.
 */
public record ModelSpec(String id, String dir, String zkey, String windowKeys, boolean groth16)
        implements Serializable {
    public ModelSpec {
        if (groth16 && zkey == null) {
            throw new IllegalArgumentException("model " + id + ": a standalone Groth16 proof needs a proving key");
        }
        if (!groth16 && windowKeys == null) {
            throw new IllegalArgumentException("model " + id + ": without window keys every inference needs its "
                    + "Groth16 proof");
        }
    }

    /** A BATCH model: one Groth16 proof per inference, no folding. */
    public ModelSpec(String id, String dir, String zkey) {
        this(id, dir, zkey, null, true);
    }

    /** Whether the model's windows are folded (it has window keys). */
    public boolean folded() {
        return windowKeys != null;
    }

    /** "FOLDED" or "BATCH", the {@code WindowKind} of its windows, for logs. */
    public String windowKind() {
        return folded() ? "FOLDED" : "BATCH";
    }
}
