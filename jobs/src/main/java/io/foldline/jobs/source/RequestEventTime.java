package io.foldline.jobs.source;

import io.foldline.schemas.AvroBinary;
import io.foldline.schemas.InferenceRequest;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * The event time of a raw request, read at the source so that watermarks are per Kafka partition (the
 * Kafka source tracks them per split). The whole record is decoded, not just the prefix up to eventTime:
 * random bytes can look like a plausible prefix. A record that does not decode gets {@link #NONE}, the
 * smallest timestamp, which the bounded-out-of-orderness generator ignores (it keeps the largest it has
 * seen): neither its garbage nor its Kafka timestamp (the producer's clock, not event time) may move the
 * watermark past the honest requests behind it. Validation dead-letters it anyway.
 */
public final class RequestEventTime implements SerializableTimestampAssigner<RawRecord> {
    public static final long NONE = Long.MIN_VALUE;

    @Override
    public long extractTimestamp(RawRecord r, long kafkaTimestamp) {
        return of(r.value());
    }

    /** The eventTime of an encoded InferenceRequest, or {@link #NONE} if it does not decode. */
    static long of(byte[] value) {
        try {
            return AvroBinary.decode(value, InferenceRequest.class).getEventTime().toEpochMilli();
        } catch (Exception e) { // IOException or Avro's runtime exceptions for malformed data
            return NONE;
        }
    }
}
