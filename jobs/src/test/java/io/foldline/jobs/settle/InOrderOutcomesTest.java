package io.foldline.jobs.settle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class InOrderOutcomesTest {
    private static final TopicPartition P0 = new TopicPartition("w", 0);
    private static final TopicPartition P1 = new TopicPartition("w", 1);

    private static ProducerRecord<byte[], byte[]> rec(String what) {
        return new ProducerRecord<>("out", what.getBytes(), new byte[0]);
    }

    private static List<String> keys(InOrderOutcomes.Released r) {
        return r.records().stream().map(p -> new String(p.key())).toList();
    }

    @Test
    void anOutcomeWaitsForTheRecordsReadBeforeIt() {
        InOrderOutcomes o = new InOrderOutcomes();
        o.opened(P0, 10);
        o.opened(P0, 11);
        o.opened(P1, 3);
        o.finished(P0, 11, List.of(rec("b")));
        o.finished(P1, 3, List.of(rec("x")));
        InOrderOutcomes.Released first = o.release();
        assertEquals(List.of("x"), keys(first), "offset 11 must wait for 10");
        assertEquals(Map.of(P1, new OffsetAndMetadata(4)), first.offsets());

        o.finished(P0, 10, List.of(rec("a1"), rec("a2")));
        InOrderOutcomes.Released second = o.release();
        assertEquals(List.of("a1", "a2", "b"), keys(second));
        assertEquals(Map.of(P0, new OffsetAndMetadata(12)), second.offsets());
        assertEquals(0, o.waiting());
        assertTrue(o.release().offsets().isEmpty(), "nothing released twice");
    }

    @Test
    void anEmptyOutcomeStillMovesTheOffset() {
        InOrderOutcomes o = new InOrderOutcomes();
        o.opened(P0, 0);
        o.finished(P0, 0, List.of());
        InOrderOutcomes.Released r = o.release();
        assertTrue(r.records().isEmpty());
        assertEquals(Map.of(P0, new OffsetAndMetadata(1)), r.offsets());
    }

    @Test
    void anOutcomeForARecordNotWaitingIsABug() {
        InOrderOutcomes o = new InOrderOutcomes();
        assertThrows(IllegalStateException.class, () -> o.finished(P0, 5, List.of()));
        o.opened(P0, 5);
        o.finished(P0, 5, List.of());
        assertThrows(IllegalStateException.class, () -> o.finished(P0, 5, List.of()), "finished twice");
    }
}
