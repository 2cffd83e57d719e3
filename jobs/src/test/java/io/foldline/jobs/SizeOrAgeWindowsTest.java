package io.foldline.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.jobs.prove.Proven;
import io.foldline.jobs.validate.DeadLetters;
import io.foldline.jobs.window.ModelShard;
import io.foldline.jobs.window.ReceiptLeaf;
import io.foldline.jobs.window.SizeOrAgeWindows;
import io.foldline.schemas.DeadLetter;
import io.foldline.schemas.DeadLetterReason;
import io.foldline.schemas.ProvenInference;
import io.foldline.schemas.WindowKind;
import io.foldline.schemas.WindowProof;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Windows close at their size or when the watermark passes their age; late inferences are dead letters. */
class SizeOrAgeWindowsTest {
    private static final int SHARDS = 1;

    @Test
    void closesAtSizeWithMembersInEventTimeOrder() throws Exception {
        try (var h = harness(3, Duration.ofSeconds(10))) {
            h.processElement(Proofs.proven("r10", "m", 10_000), 10_000);
            h.processElement(Proofs.proven("r05", "m", 5_000), 5_000);
            assertEquals(List.of(), h.extractOutputValues());
            h.processElement(Proofs.proven("r20", "m", 20_000), 20_000);
            List<WindowProof> out = h.extractOutputValues();
            assertEquals(1, out.size());
            WindowProof w = out.get(0);
            assertEquals(List.of("r05", "r10", "r20"), ids(w));
            assertEquals("m/0/10000/0", w.getWindowId());
            assertEquals(WindowKind.BATCH, w.getKind());
            assertEquals(Instant.ofEpochMilli(5_000), w.getWindowStart());
            assertEquals(Instant.ofEpochMilli(20_000), w.getWindowEnd());
            assertArrayEquals(ReceiptLeaf.root(w.getWindowId(), w.getInferences()),
                    InferenceProverTest.bytes(w.getReceiptsRoot()));

            h.processWatermark(100_000); // the closed window's age timer was removed: nothing more
            assertEquals(1, h.extractOutputValues().size());
        }
    }

    @Test
    void closesAtAgeWhenTheWatermarkPassesIt() throws Exception {
        try (var h = harness(100, Duration.ofMillis(100))) {
            h.processElement(Proofs.proven("a", "m", 1_000), 1_000);
            h.processElement(Proofs.proven("b", "m", 1_050), 1_050);
            h.processWatermark(1_099);
            assertEquals(List.of(), h.extractOutputValues());
            h.processWatermark(1_100);
            assertEquals(1, h.extractOutputValues().size());
            assertEquals(List.of("a", "b"), ids(h.extractOutputValues().get(0)));

            h.processElement(Proofs.proven("c", "m", 1_200), 1_200);
            h.processWatermark(1_300);
            List<WindowProof> out = h.extractOutputValues();
            assertEquals(2, out.size());
            assertEquals("m/0/1200/1", out.get(1).getWindowId(), "the second window of the key has sequence 1");
        }
    }

    @Test
    void inferenceBehindTheWatermarkIsLate() throws Exception {
        try (var h = harness(10, Duration.ofSeconds(1))) {
            h.processWatermark(5_000);
            h.processElement(Proofs.proven("late", "m", 4_000), 4_000);
            h.processElement(Proofs.proven("on-time", "m", 5_001), 5_001);
            var side = h.getSideOutput(DeadLetters.TAG);
            List<DeadLetter> dead = side.stream().map(StreamRecord::getValue).toList();
            assertEquals(1, dead.size());
            assertEquals(DeadLetterReason.LATE, dead.get(0).getReason());
            assertArrayEquals("late".getBytes(), InferenceProverTest.bytes(dead.get(0).getOriginal()));
            assertTrue(dead.get(0).getMessage().contains("watermark"), dead.get(0).getMessage());
            h.processWatermark(Long.MAX_VALUE);
            assertEquals(List.of("on-time"), ids(h.extractOutputValues().get(0)));
        }
    }

    @Test
    void openWindowSurvivesARestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness(10, Duration.ofSeconds(1))) {
            h.processElement(Proofs.proven("a", "m", 1_000), 1_000);
            h.processElement(Proofs.proven("b", "m", 1_500), 1_500);
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness(10, Duration.ofSeconds(1), snapshot)) {
            h.processElement(Proofs.proven("c", "m", 1_700), 1_700);
            h.processWatermark(2_000);
            List<WindowProof> out = h.extractOutputValues();
            assertEquals(1, out.size());
            assertEquals(List.of("a", "b", "c"), ids(out.get(0)));
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<ModelShard, Proven, WindowProof> harness(
            int size, Duration age) throws Exception {
        return harness(size, age, null);
    }

    private static KeyedOneInputStreamOperatorTestHarness<ModelShard, Proven, WindowProof> harness(
            int size, Duration age, OperatorSubtaskState restore) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new SizeOrAgeWindows(size, age)),
                new ModelShard.OfProven(new ModelShard.Keys(SHARDS, 128)), TypeInformation.of(ModelShard.class));
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    private static List<String> ids(WindowProof w) {
        return w.getInferences().stream().map(ProvenInference::getRequestId).toList();
    }
}
