package io.foldline.cli.demo;

import io.foldline.jobs.kafka.Topics;
import io.foldline.schemas.AvroBinary;
import io.foldline.schemas.DeadLetterReason;
import io.foldline.schemas.InferenceRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code valid} requests over a data set's rows (cycled) and {@code malformed} bad records spread evenly
 * between them, the kinds taking turns: undecodable bytes, an unknown model, a wrong shape, an out-of-range
 * value (1e6), a second request with the previous request's id. Records are keyed by request id, so a
 * duplicate lands after its original in the same partition and is the copy the job dead-letters. Event
 * times are the wall clock at sending.
 */
public final class RequestWorkload {
    private static final DeadLetterReason[] KINDS = {DeadLetterReason.UNDECODABLE, DeadLetterReason.UNKNOWN_MODEL,
            DeadLetterReason.WRONG_SHAPE, DeadLetterReason.OUT_OF_RANGE, DeadLetterReason.DUPLICATE_REQUEST};

    /** One record to send: a valid request (reason null) or a malformed one with the reason it must get. */
    private record Planned(String key, DeadLetterReason reason, double[] input, String model) {
    }

    /** What was sent: send times of the valid requests, and the reason each malformed record must get. */
    public record Sent(Map<String, Long> validSentAtMillis, Map<String, DeadLetterReason> malformedByAddress,
                       long firstMillis, long lastMillis) {
        public int total() {
            return validSentAtMillis.size() + malformedByAddress.size();
        }
    }

    private final List<Planned> plan = new ArrayList<>();
    private final SplittableRandom rng;

    public RequestWorkload(String prefix, int valid, int malformed, List<double[]> rows, String model) {
        if (valid < 1 || malformed < 0 || rows.isEmpty()) {
            throw new IllegalArgumentException("a workload needs at least one valid request and one row");
        }
        rng = new SplittableRandom(prefix.hashCode());
        int nextBad = 0;
        String previous = null;
        for (int i = 0; i < valid; i++) {
            String id = String.format("%s-%05d", prefix, i);
            plan.add(new Planned(id, null, rows.get(i % rows.size()), model));
            previous = id;
            // malformed record j goes after valid request (j + 1) * valid / (malformed + 1)
            while (nextBad < malformed && (long) (nextBad + 1) * valid / (malformed + 1) <= i + 1) {
                plan.add(malformed(KINDS[nextBad % KINDS.length], prefix, nextBad, previous, rows.get(i % rows.size()),
                        model));
                nextBad++;
            }
        }
    }

    private Planned malformed(DeadLetterReason kind, String prefix, int j, String previous, double[] row,
                              String model) {
        String id = String.format("%s-bad-%04d", prefix, j);
        return switch (kind) {
            case UNKNOWN_MODEL -> new Planned(id, kind, row, "no_such_model");
            case WRONG_SHAPE -> new Planned(id, kind, Arrays.copyOf(row, row.length - 1), model);
            case OUT_OF_RANGE -> {
                double[] big = row.clone();
                big[rng.nextInt(big.length)] = 1e6;
                yield new Planned(id, kind, big, model);
            }
            case DUPLICATE_REQUEST -> new Planned(previous, kind, row, model);
            default -> new Planned(id, kind, null, model); // UNDECODABLE: bytes made at sending
        };
    }

    /** Sends every record to {@code topic} (acks=all) and waits until the broker has them all. */
    public Sent produce(String bootstrap, String topic) throws Exception {
        Properties p = Topics.orderedProducer(bootstrap);
        Map<String, Long> sentAt = new LinkedHashMap<>();
        List<Future<RecordMetadata>> futures = new ArrayList<>();
        long first = System.currentTimeMillis();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (Planned r : plan) {
                long now = System.currentTimeMillis();
                byte[] value = r.reason() == DeadLetterReason.UNDECODABLE ? junk() : request(r, now);
                futures.add(producer.send(new ProducerRecord<>(topic, r.key().getBytes(StandardCharsets.UTF_8),
                        value)));
                if (r.reason() == null) {
                    sentAt.put(r.key(), now);
                }
            }
            producer.flush();
            Map<String, DeadLetterReason> bad = new HashMap<>();
            for (int i = 0; i < plan.size(); i++) {
                RecordMetadata m = futures.get(i).get();
                if (plan.get(i).reason() != null) {
                    bad.put(m.partition() + "@" + m.offset(), plan.get(i).reason());
                }
            }
            return new Sent(sentAt, bad, first, System.currentTimeMillis());
        }
    }

    private static byte[] request(Planned r, long eventTime) {
        List<Double> in = new ArrayList<>(r.input().length);
        for (double d : r.input()) {
            in.add(d);
        }
        return AvroBinary.encode(InferenceRequest.newBuilder().setRequestId(r.key()).setModelId(r.model())
                .setEventTime(Instant.ofEpochMilli(eventTime)).setInput(in).setSalt(null).setMetadata(Map.of())
                .build());
    }

    private byte[] junk() {
        byte[] b = new byte[5 + rng.nextInt(40)];
        rng.nextBytes(b);
        b[0] = 0x01; // zigzag -1: a negative string length, never a valid first field
        return b;
    }
}
