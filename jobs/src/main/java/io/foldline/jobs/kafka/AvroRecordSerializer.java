package io.foldline.jobs.kafka;

import io.foldline.schemas.AvroBinary;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a record to {@code topic} as its plain Avro binary ({@link AvroBinary}, the wire format of every
 * Foldline topic), with an optional UTF-8 key (null: no key, the producer spreads the records) and the
 * send time as the Kafka timestamp (event times are in the records themselves).
 */
public final class AvroRecordSerializer<T extends SpecificRecord> implements KafkaRecordSerializationSchema<T> {
    private final String topic;
    private final KeySelector<T, String> key;

    public AvroRecordSerializer(String topic, KeySelector<T, String> key) {
        this.topic = topic;
        this.key = key;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        byte[] k = null;
        if (key != null) {
            try {
                k = key.getKey(element).getBytes(StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException("cannot key a " + element.getClass().getSimpleName(), e);
            }
        }
        // No timestamp: the producer stamps the send time. Flink would pass the event time, and a record whose
        // timestamp is older than the topic's retention (a replayed backlog) is deleted at once by the broker.
        return new ProducerRecord<>(topic, null, null, k, AvroBinary.encode(element));
    }
}
