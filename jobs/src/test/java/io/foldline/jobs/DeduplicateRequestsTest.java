package io.foldline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.jobs.validate.Accepted;
import io.foldline.jobs.validate.DeadLetters;
import io.foldline.jobs.validate.DeduplicateRequests;
import io.foldline.schemas.DeadLetter;
import io.foldline.schemas.DeadLetterReason;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The first request of an id passes; later ones are dead letters, also after a restore from a checkpoint. */
class DeduplicateRequestsTest {
    private static final double[] INPUT = new double[64];

    @Test
    void secondCopyOfAnIdIsADeadLetter() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(accepted("a", 1), 0);
            h.processElement(accepted("b", 2), 0);
            h.processElement(accepted("a", 3), 0);
            assertEquals(List.of("a", "b"), ids(h.extractOutputValues()));
            List<DeadLetter> dead = dead(h);
            assertEquals(1, dead.size());
            assertEquals(DeadLetterReason.DUPLICATE_REQUEST, dead.get(0).getReason());
            assertEquals(3, dead.get(0).getOffset());
            assertTrue(dead.get(0).getMessage().contains("inference-requests[0]@1"), dead.get(0).getMessage());
        }
    }

    @Test
    void restoredStateStillKnowsTheIds() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            h.processElement(accepted("a", 1), 0);
            snapshot = h.snapshot(1, 10);
        }
        try (var h = harness()) {
            h.initializeState(snapshot);
            h.open();
            h.processElement(accepted("a", 2), 0);
            h.processElement(accepted("c", 3), 0);
            assertEquals(List.of("c"), ids(h.extractOutputValues()));
            assertEquals(1, dead(h).size());
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Accepted, Accepted> harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DeduplicateRequests(Duration.ofHours(1))),
                new DeduplicateRequests.RequestId(), Types.STRING);
    }

    private static Accepted accepted(String id, long offset) {
        return new Accepted(Requests.request(id, "m", 1000, INPUT), Requests.raw(new byte[] {1, 2}, offset));
    }

    private static List<String> ids(List<Accepted> out) {
        return out.stream().map(a -> a.request().getRequestId()).toList();
    }

    private static List<DeadLetter> dead(KeyedOneInputStreamOperatorTestHarness<String, Accepted, Accepted> h) {
        var side = h.getSideOutput(DeadLetters.TAG);
        return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
    }
}
