package io.foldline.jobs.source;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Keeps each record raw: decoding happens in the validation step, where a record that does not decode
 * becomes a dead letter instead of failing the source (which would stop the job on one bad record).
 * A null value (a tombstone) travels on as zero bytes and is dead-lettered as undecodable.
 */
public final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {
    private static final byte[] EMPTY = new byte[0];

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> r, Collector<RawRecord> out) {
        byte[] v = r.value() == null ? EMPTY : r.value();
        out.collect(new RawRecord(v, r.topic(), r.partition(), r.offset(), r.timestamp()));
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }
}
