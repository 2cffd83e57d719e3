package io.foldline.jobs.settle;

import io.foldline.chain.evm.Evm;
import io.foldline.chain.submit.Submitter;
import io.foldline.chain.submit.WindowId;
import io.foldline.chain.submit.WindowStatus;
import io.foldline.chain.window.WindowVerifierViews;
import io.foldline.jobs.JobSetupException;
import io.foldline.schemas.AvroBinary;
import io.foldline.schemas.DeadLetter;
import io.foldline.schemas.DeadLetterReason;
import io.foldline.schemas.Receipt;
import io.foldline.schemas.Settlement;
import io.foldline.schemas.SettlementState;
import io.foldline.schemas.SettlementStatus;
import io.foldline.schemas.WindowProof;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Settles the windows of a window-proofs topic on chain and writes what happened back to Kafka. One thread
 * polls the topic (read_committed), hands each FOLDED window to the {@link Submitter} for its model's
 * contract, and turns the submitter's status changes into records: a {@code SettlementStatus} for every change,
 * and on CONFIRMED one {@code Settlement} and one {@code Receipt} per inference. A record that cannot be decoded
 * goes to the dead-letter topic with its bytes; a window that cannot settle (BATCH, no deployment for its model,
 * a proof that does not match its inferences, a call that would revert) gets a FAILED status with the reason.
 *
 * <p>Exactly once: the outcome of each input record (CONFIRMED status + settlement + receipts, a FAILED status,
 * a dead letter) is written in one Kafka transaction together with the input offset after it, in input order per
 * partition ({@link InOrderOutcomes}: a window that confirms early waits for the ones read before it). The chain
 * side is idempotent by window id (the submitter's journal and the contract's {@code isSettled}). A crash anywhere
 * therefore re-reads exactly the records whose outcomes are not written; the submitter answers "already
 * confirmed" from its journal or the chain without sending anything, and each outcome is written once. Progress
 * statuses (PENDING, SUBMITTED) go out as they happen and may repeat after a restart. Before writing receipts the
 * service checks that the contract's stored receipts root is this window's: a different proof settled earlier
 * under the same window id gets a FAILED status, never receipts.
 *
 * <p>One service per consumer group and signing key (the submitter's nonce manager owns the key).
 */
public final class SettlementService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SettlementService.class.getName());

    /** Where records come from and go, and which contract settles which model. */
    public record Config(String bootstrap, String windowProofs, String settlements, String receipts,
                         String statuses, String deadLetters, String groupId, String transactionalId,
                         Map<String, String> contractByModel, long chainId) {
        public Config {
            contractByModel = Map.copyOf(contractByModel);
        }
    }

    /** Told of each outcome once its transaction committed (on the service's thread). */
    public interface Outcomes {
        void settled(Settlement s);

        void failed(SettlementStatus s);

        Outcomes NONE = new Outcomes() {
            @Override
            public void settled(Settlement s) {
            }

            @Override
            public void failed(SettlementStatus s) {
            }
        };
    }

    /** One window between offer and outcome. */
    private record Open(SettleableWindow window, TopicPartition tp, long offset) {
    }

    private final Config config;
    private final Evm evm;
    private final ConcurrentLinkedQueue<WindowStatus> changes = new ConcurrentLinkedQueue<>();
    private final Map<WindowId, Open> open = new HashMap<>();
    private final InOrderOutcomes outcomes = new InOrderOutcomes();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private Consumer<List<ProducerRecord<byte[], byte[]>>> beforeCommit = out -> { };
    private final Outcomes outcomesListener;
    private long settled;
    private long failed;
    private long deadLettered;

    public SettlementService(Config config, Evm evm, Outcomes outcomes) {
        this.config = config;
        this.outcomesListener = outcomes;
        this.evm = evm;
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The submitter's status listener: hand it to {@link Submitter#open}. */
    public Consumer<WindowStatus> listener() {
        return changes::add;
    }

    /** Test hook: runs with a batch's records just before its transaction commits; a throw is a crash there. */
    void beforeCommit(Consumer<List<ProducerRecord<byte[], byte[]>>> hook) {
        this.beforeCommit = hook;
    }

    /**
     * Runs until {@code keepGoing} says stop, or, with a non-null {@code idle}, until no window has been open and
     * no record has arrived for that long. The submitter must be started.
     */
    public void run(Submitter submitter, BooleanSupplier keepGoing, Duration idle) {
        new TreeSet<>(config.contractByModel().values()).forEach(c -> WindowVerifierViews.requireProtocol(evm, c));
        requireTopics(Duration.ofSeconds(30));
        producer.initTransactions();
        consumer.subscribe(List.of(config.windowProofs()));
        long quietSince = System.nanoTime();
        while (keepGoing.getAsBoolean()) {
            List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
            int received = 0;
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                received++;
                accept(r, submitter);
            }
            for (WindowStatus s; (s = changes.poll()) != null; ) {
                onStatus(s, out);
            }
            commit(out);
            if (received > 0 || !open.isEmpty()) {
                quietSince = System.nanoTime();
            } else if (idle != null && System.nanoTime() - quietSince > idle.toNanos()) {
                return;
            }
            if (submitter.halted() != null) {
                throw new IllegalStateException("the submitter halted: " + submitter.halted());
            }
        }
    }

    /** Refuses to start, naming them, when the input or an output topic is missing or no broker answers. */
    private void requireTopics(Duration timeout) {
        Set<String> existing;
        try {
            existing = consumer.listTopics(timeout).keySet();
        } catch (KafkaException e) {
            throw new JobSetupException("no Kafka broker answered at " + config.bootstrap() + " within "
                    + timeout.toSeconds() + " s (" + e.getMessage() + ")", e);
        }
        List<String> missing = new ArrayList<>();
        for (String t : List.of(config.windowProofs(), config.settlements(), config.receipts(), config.statuses(),
                config.deadLetters())) {
            if (!existing.contains(t)) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            throw new JobSetupException("topic" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " missing on the broker at " + config.bootstrap() + "; create "
                    + (missing.size() > 1 ? "them" : "it") + " or name existing topics");
        }
    }

    /** Counts outcomes and tells the listener, once they are committed. */
    private void told(List<ProducerRecord<byte[], byte[]>> committed) {
        for (ProducerRecord<byte[], byte[]> r : committed) {
            try {
                if (r.topic().equals(config.settlements())) {
                    settled++;
                    outcomesListener.settled(AvroBinary.decode(r.value(), Settlement.class));
                } else if (r.topic().equals(config.deadLetters())) {
                    deadLettered++;
                } else if (r.topic().equals(config.statuses())) {
                    SettlementStatus st = AvroBinary.decode(r.value(), SettlementStatus.class);
                    if (st.getState() == SettlementState.FAILED) {
                        failed++;
                        outcomesListener.failed(st);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("a record this service encoded does not decode", e);
            }
        }
    }

    public long deadLetteredCount() {
        return deadLettered;
    }

    public long settledCount() {
        return settled;
    }

    public long failedCount() {
        return failed;
    }

    private void accept(ConsumerRecord<byte[], byte[]> r, Submitter submitter) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        outcomes.opened(tp, r.offset());
        WindowProof record;
        try {
            record = AvroBinary.decode(r.value(), WindowProof.class);
        } catch (IOException | RuntimeException e) {
            outcomes.finished(tp, r.offset(), List.of(deadLetter(r, "not a WindowProof record: " + e.getMessage())));
            return;
        }
        try {
            SettleableWindow w = SettleableWindow.of(record, config.contractByModel().get(record.getModelId()));
            if (open.putIfAbsent(w.id(), new Open(w, tp, r.offset())) != null) {
                // the same window twice in flight: the first one's outcome covers it, and keeps the offset open
                LOG.log(Level.INFO, "window {0} at {1}@{2}: already being settled", w.name, tp, r.offset());
                outcomes.finished(tp, r.offset(), List.of());
                return;
            }
            submitter.offer(w.pending());
        } catch (SettleableWindow.Refused e) {
            outcomes.finished(tp, r.offset(), List.of(status(record.getWindowId(), record.getModelId(),
                    SettlementState.FAILED, e.getMessage(), null, null)));
        }
    }

    private void onStatus(WindowStatus s, List<ProducerRecord<byte[], byte[]>> out) {
        Open o = open.get(s.windowId());
        if (o == null) {
            // a window the submitter recovered from its journal before its record was read again
            LOG.log(Level.DEBUG, "status of a window not read yet: {0} {1}", s.windowId(), s.state());
            return;
        }
        SettleableWindow w = o.window();
        byte[] tx = s.txHash() == null ? null : hexBytes(s.txHash());
        Long block = s.block() == null ? null : s.block().longValueExact();
        switch (s.state()) {
            case PENDING, SUBMITTED -> out.add(status(w.name, w.modelId, state(s.state()), s.reason(), tx, block));
            case FAILED -> finish(o, List.of(status(w.name, w.modelId, SettlementState.FAILED, s.reason(), tx, block)));
            case CONFIRMED -> finish(o, confirmed(w, s.reason(), tx, block));
        }
    }

    /** The outcome of a CONFIRMED window: its status, settlement and receipts, if the chain holds its root. */
    private List<ProducerRecord<byte[], byte[]>> confirmed(SettleableWindow w, String reason, byte[] tx, Long block) {
        byte[] stored = WindowVerifierViews.receiptsRoot(evm, w.contract, w.key);
        if (!Arrays.equals(stored, w.root)) {
            return List.of(status(w.name, w.modelId, SettlementState.FAILED, "the contract holds receipts root "
                    + hex(stored) + " for this window id, not this proof's " + hex(w.root)
                    + ": another proof settled under the same window id; no receipts written", tx, block));
        }
        Long gas = null;
        try {
            if (tx == null) {
                // settled before this run's journal knew it: the contract's event names the transaction
                Optional<WindowVerifierViews.Settled> e = WindowVerifierViews.settledEvent(evm, w.contract, w.key);
                if (e.isPresent()) {
                    tx = e.get().txHash();
                    block = e.get().block();
                }
            }
            if (tx != null) {
                gas = evm.web3j().ethGetTransactionReceipt(hex(tx)).send().getTransactionReceipt()
                        .map(t -> t.getGasUsed().longValueExact()).orElse(null);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "window {0}: reading its transaction back failed ({1}); receipts go out without it",
                    w.name, e.getMessage());
        }
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        out.add(status(w.name, w.modelId, SettlementState.CONFIRMED, reason, tx, block));
        out.add(new ProducerRecord<>(config.settlements(), utf8(w.name),
                AvroBinary.encode(w.settlement(config.chainId(), tx, block, gas, Instant.now()))));
        for (Receipt r : w.receipts(config.chainId(), tx, block)) {
            out.add(new ProducerRecord<>(config.receipts(), utf8(r.getRequestId()), AvroBinary.encode(r)));
        }
        return out;
    }

    private void finish(Open o, List<ProducerRecord<byte[], byte[]>> outcome) {
        open.remove(o.window().id());
        outcomes.finished(o.tp(), o.offset(), outcome);
    }

    /**
     * One Kafka transaction: the progress statuses of this step, then every outcome now at the head of its
     * partition, with the offsets after them.
     */
    private void commit(List<ProducerRecord<byte[], byte[]>> progress) {
        InOrderOutcomes.Released done = outcomes.release();
        if (progress.isEmpty() && done.records().isEmpty() && done.offsets().isEmpty()) {
            return;
        }
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>(progress);
        out.addAll(done.records());
        producer.beginTransaction();
        try {
            out.forEach(producer::send);
            if (!done.offsets().isEmpty()) {
                producer.sendOffsetsToTransaction(done.offsets(), consumer.groupMetadata());
            }
            beforeCommit.accept(out);
            producer.commitTransaction();
            told(out);
        } catch (RuntimeException e) {
            // nothing of this transaction is visible to read_committed readers; a restart re-reads its windows
            throw new IllegalStateException("writing " + out.size() + " settlement records failed: " + e.getMessage(),
                    e);
        }
    }

    private ProducerRecord<byte[], byte[]> status(String windowId, String modelId, SettlementState state,
                                                  String reason, byte[] tx, Long block) {
        SettlementStatus s = SettlementStatus.newBuilder().setWindowId(windowId).setModelId(modelId).setState(state)
                .setReason(reason).setTxHash(tx == null ? null : ByteBuffer.wrap(tx)).setBlock(block)
                .setAt(Instant.now()).build();
        return new ProducerRecord<>(config.statuses(), utf8(windowId), AvroBinary.encode(s));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> r, String message) {
        DeadLetter d = DeadLetter.newBuilder().setReason(DeadLetterReason.UNDECODABLE).setMessage(message)
                .setOriginal(ByteBuffer.wrap(r.value() == null ? new byte[0] : r.value()))
                .setSourceTopic(r.topic()).setPartition(r.partition()).setOffset(r.offset())
                .setTimestamp(Instant.ofEpochMilli(r.timestamp())).build();
        return new ProducerRecord<>(config.deadLetters(), null, AvroBinary.encode(d));
    }

    private static SettlementState state(WindowStatus.State s) {
        return SettlementState.valueOf(s.name());
    }

    private static String hex(byte[] b) {
        return "0x" + HexFormat.of().formatHex(b);
    }

    private static byte[] hexBytes(String hex) {
        return HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }
}
