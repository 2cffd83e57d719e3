package io.foldline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.foldline.jobs.window.ModelShard;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.junit.jupiter.api.Test;

/** With parallelism = shards, the shards of a model land on distinct subtasks, as Flink assigns keys. */
class ModelShardTest {
    @Test
    void shardsOfAModelSpreadOverAllSubtasks() {
        for (int maxParallelism : new int[] {128, 256, 1000}) {
            for (int n = 1; n <= 12; n++) {
                for (String model : new String[] {"digits_mlp", "credit_mlp", "m"}) {
                    ModelShard.Keys keys = new ModelShard.Keys(n, maxParallelism);
                    Set<Integer> subtasks = new HashSet<>();
                    for (int s = 0; s < n; s++) {
                        subtasks.add(KeyGroupRangeAssignment.assignKeyToParallelOperator(keys.shard(model, s),
                                maxParallelism, n));
                    }
                    assertEquals(n, subtasks.size(), model + " with " + n + " shards, max " + maxParallelism);
                }
            }
        }
    }

    @Test
    void aRequestAlwaysHasTheSameKey() {
        ModelShard.Keys keys = new ModelShard.Keys(8, 128);
        ModelShard a = keys.of("m", "request-17");
        assertEquals(a, new ModelShard.Keys(8, 128).of("m", "request-17"));
        assertEquals(Math.floorMod("request-17".hashCode(), 8), a.shard());
        assertEquals(KeyGroupRangeAssignment.assignToKeyGroup(a, 128),
                KeyGroupRangeAssignment.assignToKeyGroup(keys.shard("m", a.shard()), 128));
    }
}
