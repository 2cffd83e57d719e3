package io.foldline.cli.demo;

import io.foldline.cli.Console;
import io.foldline.schemas.AvroBinary;
import io.foldline.schemas.DeadLetter;
import io.foldline.schemas.DeadLetterReason;
import io.foldline.schemas.WindowProof;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The Java steps of {@code infra/cluster-run.sh}, run from the foldline jar:
 * <pre>
 * model    --root R                         prepare the demo model; print its job flags, one per line
 * topics   --bootstrap B --run ID --partitions N   create the run's three topics
 * produce  --bootstrap B --run ID --root R --valid N --malformed M --manifest F
 * check    --bootstrap B --run ID --manifest F     read both output topics read_committed and check them
 * </pre>
 * The manifest is text, one record per line: {@code valid <requestId> <sentAtMillis>} or
 * {@code malformed <partition>@<offset> <REASON>}. {@code check} exits 0 when every valid request is in
 * exactly one window and every malformed record in exactly one dead letter with its reason, else 1.
 */
public final class ClusterTool {
    private ClusterTool() {
    }

    public static void main(String[] argv) throws Exception {
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.foldline.schemas");
        }
        if (argv.length == 0) {
            System.err.println("usage: ClusterTool model|topics|produce|check --key value ...");
            System.exit(2);
        }
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i + 1 < argv.length; i += 2) {
            o.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        Console console = Console.system();
        int rc = switch (argv[0]) {
            case "model" -> {
                model(o).jobSettings().forEach(System.out::println);
                yield 0;
            }
            case "topics" -> {
                LocalBroker.external(need(o, "bootstrap"), console)
                        .createTopics(DemoTopics.forRun(need(o, "run")), Integer.parseInt(need(o, "partitions")));
                yield 0;
            }
            case "produce" -> produce(o);
            case "check" -> check(o);
            default -> {
                System.err.println("ClusterTool: unknown step " + argv[0]);
                yield 2;
            }
        };
        System.exit(rc);
    }

    private static DemoModel model(Map<String, String> o) throws Exception {
        Path root = Path.of(need(o, "root"));
        // BATCH windows: this run is about surviving a lost TaskManager; folded windows are PipelineIT's and the demo's
        return DemoModel.of(DemoModel.DIGITS, root.resolve("circuits/src/test/resources/models"),
                root.resolve(".cache/demo"), false).prepare(Console.system());
    }

    private static int produce(Map<String, String> o) throws Exception {
        DemoModel m = model(o);
        String run = need(o, "run");
        RequestWorkload w = new RequestWorkload("req-" + run, Integer.parseInt(need(o, "valid")),
                Integer.parseInt(need(o, "malformed")), m.testRows(), m.id());
        RequestWorkload.Sent sent = w.produce(need(o, "bootstrap"), DemoTopics.forRun(run).requests());
        List<String> lines = new ArrayList<>();
        sent.validSentAtMillis().forEach((id, t) -> lines.add("valid " + id + " " + t));
        sent.malformedByAddress().forEach((a, r) -> lines.add("malformed " + a + " " + r.name()));
        Files.write(Path.of(need(o, "manifest")), lines);
        System.out.printf("sent %d requests (%d valid, %d malformed)%n", sent.total(), sent.validSentAtMillis().size(),
                sent.malformedByAddress().size());
        return 0;
    }

    private static int check(Map<String, String> o) throws Exception {
        Map<String, Long> valid = new LinkedHashMap<>();
        Map<String, DeadLetterReason> malformed = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(need(o, "manifest")))) {
            String[] f = line.split(" ");
            if (f[0].equals("valid")) {
                valid.put(f[1], Long.parseLong(f[2]));
            } else {
                malformed.put(f[1], DeadLetterReason.valueOf(f[2]));
            }
        }
        RequestWorkload.Sent sent = new RequestWorkload.Sent(valid, malformed, 0, 0);
        DemoTopics t = DemoTopics.forRun(need(o, "run"));
        String bs = need(o, "bootstrap");
        List<WindowProof> windows = new ArrayList<>();
        for (byte[] v : readCommitted(bs, t.windowProofs())) {
            windows.add(AvroBinary.decode(v, WindowProof.class));
        }
        List<DeadLetter> dead = new ArrayList<>();
        Map<String, Integer> byReason = new TreeMap<>();
        for (byte[] v : readCommitted(bs, t.deadLetters())) {
            DeadLetter d = AvroBinary.decode(v, DeadLetter.class);
            dead.add(d);
            byReason.merge(d.getReason().name(), 1, Integer::sum);
        }
        long inferences = windows.stream().mapToLong(w -> w.getInferences().size()).sum();
        System.out.printf("read_committed: %d windows holding %d inferences (%d valid requests sent); "
                + "%d dead letters %s (%d malformed sent)%n", windows.size(), inferences, valid.size(), dead.size(),
                byReason, malformed.size());
        List<String> problems = ExactlyOnce.problems(sent, windows, dead);
        if (problems.isEmpty()) {
            System.out.println("exactly once: OK (every valid request in exactly one window, every malformed record "
                    + "in exactly one dead letter with the right reason)");
            return 0;
        }
        problems.forEach(p -> System.out.println("exactly once: FAILED: " + p));
        return 1;
    }

    /** Every committed record of a topic, read to its last stable offsets. */
    static List<byte[]> readCommitted(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<byte[]> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!parts.stream().allMatch(tp -> c.position(tp) >= end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " up to " + end + " in 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    out.add(r.value());
                }
            }
        }
        return out;
    }

    private static String need(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            System.err.println("ClusterTool: missing --" + key);
            System.exit(2);
        }
        return v;
    }
}
