package io.foldline.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.schemas.DeadLetter;
import io.foldline.schemas.DeadLetterReason;
import io.foldline.schemas.ProvenInference;
import io.foldline.schemas.WindowKind;
import io.foldline.schemas.WindowProof;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactlyOnceTest {
    private static final RequestWorkload.Sent SENT = new RequestWorkload.Sent(
            new LinkedHashMap<>(Map.of("a", 1L, "b", 2L, "c", 3L)),
            Map.of("0@7", DeadLetterReason.WRONG_SHAPE, "1@2", DeadLetterReason.DUPLICATE_REQUEST), 1, 3);

    @Test
    void exactOutputsHaveNoProblems() {
        List<String> p = ExactlyOnce.problems(SENT, List.of(window("w1", "a", "b"), window("w2", "c")),
                List.of(dead(0, 7, DeadLetterReason.WRONG_SHAPE), dead(1, 2, DeadLetterReason.DUPLICATE_REQUEST)));
        assertEquals(List.of(), p);
    }

    @Test
    void everyKindOfMistakeIsNamed() {
        List<String> p = ExactlyOnce.problems(SENT,
                List.of(window("w1", "a", "b"), window("w1", "b", "x")), // c missing, b twice, x unknown, w1 twice
                List.of(dead(0, 7, DeadLetterReason.OUT_OF_RANGE), dead(0, 9, DeadLetterReason.UNDECODABLE)));
        String all = String.join("\n", p);
        assertTrue(all.contains("window w1 appears twice"), all);
        assertTrue(all.contains("1 valid requests in no window: [c]"), all);
        assertTrue(all.contains("1 requests in more than one window entry: [b]"), all);
        assertTrue(all.contains("were not sent as valid: [x]"), all);
        assertTrue(all.contains("1 malformed records without a dead letter: [1@2]"), all);
        assertTrue(all.contains("0@7 expected WRONG_SHAPE got [OUT_OF_RANGE]"), all);
        assertTrue(all.contains("for records that were not malformed: [0@9]"), all);
        assertEquals(7, p.size(), all);
    }

    private static WindowProof window(String id, String... requests) {
        ByteBuffer zero = ByteBuffer.wrap(new byte[32]);
        List<ProvenInference> in = Arrays.stream(requests).map(r -> ProvenInference.newBuilder().setRequestId(r)
                .setModelId("m").setEventTime(Instant.EPOCH).setCommitment(zero).setOutputs(List.of(1L))
                .setTag(zero).setProof(ByteBuffer.wrap(new byte[0])).setProveMillis(1).build()).toList();
        return WindowProof.newBuilder().setWindowId(id).setModelId("m").setShard(0).setWindowStart(Instant.EPOCH)
                .setWindowEnd(Instant.EPOCH).setKind(WindowKind.BATCH).setInferences(in).setReceiptsRoot(zero)
                .build();
    }

    private static DeadLetter dead(int partition, long offset, DeadLetterReason reason) {
        return DeadLetter.newBuilder().setReason(reason).setMessage("x").setOriginal(ByteBuffer.wrap(new byte[1]))
                .setSourceTopic("t").setPartition(partition).setOffset(offset).setTimestamp(Instant.EPOCH).build();
    }
}
