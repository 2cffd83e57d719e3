package io.foldline.jobs.source;

/**
 * One Kafka record of the requests topic as it arrived: the value's bytes, untouched, so that a dead letter
 * can carry exactly what the producer wrote, and where it came from. {@code timestamp} is the Kafka
 * record's timestamp (milliseconds since the epoch), not the request's event time.
 */
public record RawRecord(byte[] value, String topic, int partition, long offset, long timestamp) {
    /** "topic[partition]@offset", the record's address in messages. */
    public String address() {
        return topic + "[" + partition + "]@" + offset;
    }
}
