package io.foldline.jobs.settle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The final records of each input record (its settlement and receipts, a FAILED status, a dead letter), released
 * in input order per partition together with the offset after them. Windows settle out of order (a small one
 * confirms before a big one read earlier), but a committed offset must never pass a window whose outcome is not
 * yet written, and an outcome must never be written without its offset: a restart re-reads exactly the records
 * whose outcomes were not written, so each outcome is written once.
 */
final class InOrderOutcomes {
    /** What {@link #release} hands out: records to write and offsets to commit in the same transaction. */
    record Released(List<ProducerRecord<byte[], byte[]>> records, Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    // null: the record's outcome is not known yet
    private final Map<TopicPartition, TreeMap<Long, List<ProducerRecord<byte[], byte[]>>>> byPartition = new HashMap<>();

    /** A record read at {@code offset}, whose outcome comes later. */
    void opened(TopicPartition tp, long offset) {
        byPartition.computeIfAbsent(tp, k -> new TreeMap<>()).put(offset, null);
    }

    /** The outcome of the record at {@code offset} (may be empty: nothing to write, only the offset). */
    void finished(TopicPartition tp, long offset, List<ProducerRecord<byte[], byte[]>> outcome) {
        TreeMap<Long, List<ProducerRecord<byte[], byte[]>>> q = byPartition.get(tp);
        if (q == null || !q.containsKey(offset) || q.get(offset) != null) {
            throw new IllegalStateException("offset " + offset + " of " + tp + " is not waiting for an outcome");
        }
        q.put(offset, List.copyOf(outcome));
    }

    /** Takes every outcome at the head of its partition, in order, and the offset after the last one taken. */
    Released release() {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        byPartition.forEach((tp, q) -> {
            while (!q.isEmpty() && q.firstEntry().getValue() != null) {
                Map.Entry<Long, List<ProducerRecord<byte[], byte[]>>> head = q.pollFirstEntry();
                records.addAll(head.getValue());
                offsets.put(tp, new OffsetAndMetadata(head.getKey() + 1));
            }
        });
        return new Released(records, offsets);
    }

    int waiting() {
        return byPartition.values().stream().mapToInt(TreeMap::size).sum();
    }
}
