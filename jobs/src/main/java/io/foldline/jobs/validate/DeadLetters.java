package io.foldline.jobs.validate;

import io.foldline.jobs.source.RawRecord;
import io.foldline.schemas.DeadLetter;
import io.foldline.schemas.DeadLetterReason;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** How every step of the job builds a dead letter, and the side output they travel on. */
public final class DeadLetters {
    /** The side output of each operator that can reject a record; the job unions them into one sink. */
    public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters",
            TypeInformation.of(DeadLetter.class));

    private DeadLetters() {
    }

    /**
     * A dead letter carrying the original bytes of {@code source} and its address; its timestamp is the
     * Kafka record's, so that topic, partition, offset and timestamp all describe the input.
     */
    public static DeadLetter of(DeadLetterReason reason, String message, RawRecord source) {
        return DeadLetter.newBuilder()
                .setReason(reason)
                .setMessage(message)
                .setOriginal(ByteBuffer.wrap(source.value()))
                .setSourceTopic(source.topic())
                .setPartition(source.partition())
                .setOffset(source.offset())
                .setTimestamp(Instant.ofEpochMilli(source.timestamp()))
                .build();
    }
}
