package io.foldline.jobs.model;

import java.io.Serializable;

/**
 * A model the job serves: its id (the {@code modelId} of requests), the folder {@code foldline model
 * compile} wrote, and the Groth16 proving key (.zkey) set up for that folder's {@code circuit.r1cs}.
 * Paths are strings because operators that hold a spec are serialized to the task managers, and are read
 * there: on a cluster they must name the same files on every machine.
 */
public record ModelSpec(String id, String dir, String zkey) implements Serializable {
}
