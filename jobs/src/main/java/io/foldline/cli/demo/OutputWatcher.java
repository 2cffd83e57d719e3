package io.foldline.cli.demo;

import io.foldline.schemas.AvroBinary;
import io.foldline.schemas.DeadLetter;
import io.foldline.schemas.WindowProof;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the two output topics as a downstream consumer would (read_committed, from the beginning) while the
 * job runs, on its own thread: each window proof is written to {@code windowsDir} as the record's bytes
 * ({@code <windowId>.avro}, Avro binary of {@code WindowProof}), and the moment each record became visible
 * is kept, since that is when a consumer could act on it. Records only become visible when the checkpoint
 * that commits their Kafka transaction completes.
 */
final class OutputWatcher implements AutoCloseable {
    /** A window proof and when this consumer first saw it. */
    record SeenWindow(WindowProof window, long seenAtMillis) {
    }

    private final String bootstrap;
    private final String windowsTopic;
    private final String deadLettersTopic;
    private final Path windowsDir;
    private final List<SeenWindow> windows = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final Thread thread;
    private volatile boolean draining;
    private volatile boolean stop;
    private volatile Exception failure;

    OutputWatcher(String bootstrap, String windowsTopic, String deadLettersTopic, Path windowsDir) {
        this.bootstrap = bootstrap;
        this.windowsTopic = windowsTopic;
        this.deadLettersTopic = deadLettersTopic;
        this.windowsDir = windowsDir;
        this.thread = new Thread(this::run, "foldline-demo-output-watcher");
        thread.setDaemon(true);
    }

    OutputWatcher start() {
        thread.start();
        return this;
    }

    synchronized List<SeenWindow> windows() {
        return List.copyOf(windows);
    }

    synchronized List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Reads on until every partition reaches its end offset as of now (the job has finished), then stops. */
    void drain(Duration timeout) throws Exception {
        draining = true;
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            stop = true;
            throw new TimeoutException("the output topics could not be read to their end within " + timeout);
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void run() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (String topic : List.of(windowsTopic, deadLettersTopic)) {
                c.partitionsFor(topic).forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = null;
            while (!stop) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    accept(r);
                }
                if (draining && end == null) {
                    end = c.endOffsets(parts); // the last stable offsets under read_committed
                }
                Map<TopicPartition, Long> last = end;
                if (last != null && parts.stream().allMatch(tp -> c.position(tp) >= last.get(tp))) {
                    return;
                }
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    private void accept(ConsumerRecord<byte[], byte[]> r) throws IOException {
        long now = System.currentTimeMillis();
        if (r.topic().equals(windowsTopic)) {
            WindowProof w = AvroBinary.decode(r.value(), WindowProof.class);
            Files.write(windowsDir.resolve(fileName(w.getWindowId()) + ".avro"), r.value());
            synchronized (this) {
                windows.add(new SeenWindow(w, now));
            }
        } else {
            DeadLetter d = AvroBinary.decode(r.value(), DeadLetter.class);
            synchronized (this) {
                deadLetters.add(d);
            }
        }
    }

    /** Window ids name model, shard and start; anything but [A-Za-z0-9._-] becomes '_' in a file name. */
    static String fileName(String windowId) {
        return windowId.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
