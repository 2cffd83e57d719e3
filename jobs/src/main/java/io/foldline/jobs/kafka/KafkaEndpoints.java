package io.foldline.jobs.kafka;

import io.foldline.jobs.source.RawRecord;
import io.foldline.jobs.source.RawRecordDeserializer;
import io.foldline.schemas.DeadLetter;
import io.foldline.schemas.WindowProof;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The job's Kafka source and its two transactional sinks. Exactly once end to end: the source's offsets
 * are part of each checkpoint, each sink writes in a Kafka transaction that commits when the checkpoint
 * completes, and readers of the output topics use {@code isolation.level=read_committed}. Each sink has its
 * own transactional-id prefix ({@code <prefix>-window-proofs}, {@code <prefix>-dead-letters}) so that two
 * sinks, or two jobs with different prefixes, never fence each other; the transaction timeout must stay
 * below the broker's {@code transaction.max.timeout.ms} (15 minutes by default).
 */
public final class KafkaEndpoints {
    private KafkaEndpoints() {
    }

    /**
     * The requests topic, read_committed, starting at the group's committed offsets (earliest for a new
     * group); {@code bounded} stops at the offsets that were latest when the job started.
     */
    public static KafkaSource<RawRecord> requests(String bootstrap, String topic, String groupId, boolean bounded) {
        KafkaSourceBuilder<RawRecord> b = KafkaSource.<RawRecord>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                .setProperty("isolation.level", "read_committed")
                .setProperty("partition.discovery.interval.ms", "60000");
        if (bounded) {
            b.setBounded(OffsetsInitializer.latest());
            // a finished split's consumer no longer polls, so its offset commits only time out (noisy
            // warnings); a bounded run is a replay of a fixed range and needs no group offsets
            b.setProperty("commit.offsets.on.checkpoint", "false");
        }
        return b.build();
    }

    public static KafkaSink<WindowProof> windowProofs(String bootstrap, String topic, String idPrefix,
                                                     Duration transactionTimeout) {
        return sink(bootstrap, new AvroRecordSerializer<>(topic, new WindowIdKey()), idPrefix + "-window-proofs",
                transactionTimeout);
    }

    public static KafkaSink<DeadLetter> deadLetters(String bootstrap, String topic, String idPrefix,
                                                    Duration transactionTimeout) {
        return sink(bootstrap, new AvroRecordSerializer<DeadLetter>(topic, null), idPrefix + "-dead-letters",
                transactionTimeout);
    }

    private static <T extends SpecificRecord> KafkaSink<T> sink(
            String bootstrap, AvroRecordSerializer<T> serializer, String idPrefix, Duration transactionTimeout) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(idPrefix)
                .setProperty("transaction.timeout.ms", String.valueOf(transactionTimeout.toMillis()))
                .build();
    }

    /** Window proofs are keyed by window id, so that all copies of one id would land in one partition. */
    static final class WindowIdKey implements KeySelector<WindowProof, String> {
        @Override
        public String getKey(WindowProof w) {
            return w.getWindowId();
        }
    }
}
