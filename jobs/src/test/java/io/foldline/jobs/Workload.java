package io.foldline.jobs;

import io.foldline.crypto.bn254.Fr;
import io.foldline.jobs.kafka.Topics;
import io.foldline.schemas.AvroBinary;
import io.foldline.schemas.DeadLetterReason;
import io.foldline.schemas.InferenceRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code n} requests over the digits test rows (cycled), every 20th one malformed, the kinds taking turns:
 * undecodable bytes, an unknown model, a wrong shape, an out-of-range value (1e6), a duplicate of the
 * previous request's id. Records are keyed by request id, so a duplicate lands in its original's partition
 * after it and is the copy that gets dead-lettered.
 */
final class Workload {
    static final long EPOCH = 1_750_000_000_000L;

    /** What one produced record should become: a window entry (reason null) or a dead letter. */
    record Expected(String requestId, double[] input, DeadLetterReason reason, byte[] value) {
    }

    final Map<String, double[]> valid = new LinkedHashMap<>();
    final List<Expected> malformed = new ArrayList<>();
    private final List<Expected> records = new ArrayList<>();

    Workload(String prefix, int n, List<double[]> rows, String model) {
        SplittableRandom rng = new SplittableRandom(prefix.hashCode());
        for (int i = 0; i < n; i++) {
            String id = String.format("%s-%05d", prefix, i);
            double[] x = rows.get(i % rows.size());
            long t = EPOCH + 10L * i;
            Expected e = i % 20 == 19 ? malformed(i / 20 % 5, i, id, x, t, model, rng) : valid(id, model, t, x, i);
            records.add(e);
            if (e.reason() == null) {
                valid.put(id, x);
            } else {
                malformed.add(e);
            }
        }
    }

    private static Expected valid(String id, String model, long t, double[] x, int i) {
        InferenceRequest r = Requests.request(id, model, t, x);
        if (i % 7 == 0) {
            r.setSalt(ByteBuffer.wrap(Fr.of(1000 + i).toBytesBE()));
        }
        return new Expected(id, x, null, AvroBinary.encode(r));
    }

    private static Expected malformed(int kind, int i, String id, double[] x, long t, String model,
                                      SplittableRandom rng) {
        return switch (kind) {
            case 0 -> {
                byte[] good = AvroBinary.encode(Requests.request(id, model, t, x));
                byte[] bad = i % 40 == 19 ? Arrays.copyOf(good, good.length / 2) : junk(rng);
                yield new Expected(id, x, DeadLetterReason.UNDECODABLE, bad);
            }
            case 1 -> new Expected(id, x, DeadLetterReason.UNKNOWN_MODEL,
                    AvroBinary.encode(Requests.request(id, "no_such_model", t, x)));
            case 2 -> new Expected(id, x, DeadLetterReason.WRONG_SHAPE,
                    AvroBinary.encode(Requests.request(id, model, t, Arrays.copyOf(x, x.length - 1))));
            case 3 -> {
                double[] big = x.clone();
                big[rng.nextInt(big.length)] = 1e6;
                yield new Expected(id, big, DeadLetterReason.OUT_OF_RANGE,
                        AvroBinary.encode(Requests.request(id, model, t, big)));
            }
            default -> {
                String previous = id.substring(0, id.lastIndexOf('-') + 1) + String.format("%05d", i - 1);
                yield new Expected(previous, x, DeadLetterReason.DUPLICATE_REQUEST,
                        AvroBinary.encode(Requests.request(previous, model, t, x)));
            }
        };
    }

    private static byte[] junk(SplittableRandom rng) {
        byte[] b = new byte[5 + rng.nextInt(40)];
        rng.nextBytes(b);
        b[0] = 0x01; // zigzag -1: a negative string length, never a valid first field
        return b;
    }

    /** Writes every record to {@code topic}; returns the malformed ones by "partition@offset". */
    Map<String, Expected> produce(String bootstrap, String topic) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Topics.orderedProducer(bootstrap), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Expected e : records) {
                sent.add(producer.send(new ProducerRecord<>(topic, e.requestId().getBytes(StandardCharsets.UTF_8),
                        e.value())));
            }
            producer.flush();
            Map<String, Expected> byAddress = new HashMap<>();
            for (int i = 0; i < records.size(); i++) {
                if (records.get(i).reason() != null) {
                    RecordMetadata m = sent.get(i).get();
                    byAddress.put(m.partition() + "@" + m.offset(), records.get(i));
                }
            }
            return byAddress;
        }
    }
}
