package io.foldline.jobs.window;

import io.foldline.jobs.prove.Proven;
import io.foldline.jobs.validate.Accepted;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;

/**
 * The key of proving and of windows: a model and one of its shards. The shard of a request is its id's
 * {@code String.hashCode} (fixed by the language specification) modulo the shard count, so one busy model
 * spreads over that many keys.
 *
 * <p>{@code keyHash} is the key's {@code hashCode}, chosen rather than derived: Flink hashes a key into one of
 * max-parallelism key groups and gives each subtask a range of groups, so a handful of (model, shard) keys
 * land on subtasks at random (measured: both shards of the test's only model on one proving subtask, half
 * the throughput). {@link Keys} picks, for shard s, a hash whose key group is the middle of the s-th of
 * {@code shards} equal ranges (rotated per model), so with parallelism = shards every subtask proves one
 * shard. It stays a real keyBy: unaligned checkpoints and rescaling work as for any key.
 */
public record ModelShard(String modelId, int shard, int keyHash) {
    @Override
    public int hashCode() {
        return keyHash;
    }

    /** Makes the keys of one job: its shard count and max parallelism (fixed for the job's lifetime). */
    public static final class Keys implements Serializable {
        private final int shards;
        private final int maxParallelism;
        private transient int[] hashOfGroup;

        public Keys(int shards, int maxParallelism) {
            if (shards < 1 || shards > maxParallelism) {
                throw new IllegalArgumentException("shards must be in [1, max parallelism " + maxParallelism
                        + "], got " + shards);
            }
            this.shards = shards;
            this.maxParallelism = maxParallelism;
        }

        public ModelShard of(String modelId, String requestId) {
            return shard(modelId, Math.floorMod(requestId.hashCode(), shards));
        }

        public ModelShard shard(String modelId, int shard) {
            int slot = Math.floorMod(shard + modelId.hashCode(), shards);
            int group = (int) ((2L * slot + 1) * maxParallelism / (2L * shards));
            return new ModelShard(modelId, shard, hashOfGroup()[group]);
        }

        /** For each key group, the smallest non-negative int that Flink hashes into it. */
        private int[] hashOfGroup() {
            if (hashOfGroup == null) {
                int[] h = new int[maxParallelism];
                Arrays.fill(h, -1);
                for (int v = 0, found = 0; found < maxParallelism; v++) {
                    int g = KeyGroupRangeAssignment.computeKeyGroupForKeyHash(v, maxParallelism);
                    if (h[g] < 0) {
                        h[g] = v;
                        found++;
                    }
                }
                hashOfGroup = h;
            }
            return hashOfGroup;
        }
    }

    /** Keys a validated request. */
    public record OfAccepted(Keys keys) implements KeySelector<Accepted, ModelShard> {
        @Override
        public ModelShard getKey(Accepted a) {
            return keys.of(a.request().getModelId(), a.request().getRequestId());
        }
    }

    /** Keys a proven request, the same way. */
    public record OfProven(Keys keys) implements KeySelector<Proven, ModelShard> {
        @Override
        public ModelShard getKey(Proven p) {
            return keys.of(p.inference().getModelId(), p.inference().getRequestId());
        }
    }
}
