package io.foldline.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.aggregation.CommittedInstance;
import io.foldline.aggregation.WindowKeys;
import io.foldline.aggregation.WindowProofFile;
import io.foldline.aggregation.WindowVerifier;
import io.foldline.circuits.groth16.ProvingKey;
import io.foldline.circuits.groth16.Verifier;
import io.foldline.circuits.quant.QuantizedModel;
import io.foldline.jobs.kafka.KafkaEndpoints;
import io.foldline.jobs.kafka.Topics;
import io.foldline.jobs.model.DeployedModels;
import io.foldline.jobs.model.ModelSpec;
import io.foldline.jobs.prove.InferenceProver;
import io.foldline.jobs.prove.ProofBytes;
import io.foldline.jobs.source.RawRecord;
import io.foldline.jobs.window.ReceiptLeaf;
import io.foldline.schemas.AvroBinary;
import io.foldline.schemas.DeadLetter;
import io.foldline.schemas.ProvenInference;
import io.foldline.schemas.WindowKind;
import io.foldline.schemas.WindowProof;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a local Flink (parallelism 2) against an in-process KRaft broker: real proofs of the
 * digits MLP, malformed requests of every kind, and a failure injected after a checkpoint. Outputs are read
 * with read_committed and must hold each valid request exactly once and one dead letter, with the right
 * reason and the original bytes, per malformed record. The 1,000-request runs fold their windows (digits_mlp
 * has window keys, set up once here): every FOLDED window's proof must verify with the window verifier read
 * from the keys folder alone, and list exactly the inferences of the window, in its order. A smaller run
 * without window keys keeps the BATCH path (one Groth16 proof per inference) checked.
 */
@Tag("slow")
class PipelineIT {
    private static final int VERIFIED_SAMPLE = 25;

    @TempDir
    static Path dir;
    static KafkaClusterTestKit cluster;
    static ModelSpec spec;
    static Path windowKeys;

    @BeforeAll
    static void start() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                .setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        spec = TestModels.digits(dir, true);
        long t0 = System.nanoTime();
        windowKeys = TestModels.digitsWindowKeys(dir, spec);
        System.out.printf("PipelineIT: digits_mlp window keys (test ptau and window setup) in %.1f s%n",
                (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void thousandRequestsExactlyOnceInFoldedWindows() throws Exception {
        runAndCheck("clean", 1000, false, true);
    }

    @Test
    void failureAfterACheckpointStillGivesExactlyOnceFoldedWindows() throws Exception {
        runAndCheck("failover", 1000, true, true);
        assertTrue(FailOnceAfterCheckpoint.FIRED.get(), "the injected failure never happened");
    }

    @Test
    void withoutWindowKeysWindowsAreBatchesOfGroth16Proofs() throws Exception {
        runAndCheck("batch", 200, false, false);
    }

    /**
     * The job's folded windows go through the settlement service to a real anvil and back to Kafka, across a
     * crash between a confirmation and its Kafka commit (checks in {@link SettlementCheck}).
     */
    @Test
    void foldedWindowsSettleOnChainAndTheirReceiptsGoToKafkaExactlyOnce() throws Exception {
        SettlementCheck.requireChainTools();
        runAndCheck("settle", 300, false, true);
        SettlementCheck.settleAndCheck(cluster.bootstrapServers(), "settle", windowKeys, dir,
                TopicReader.readCommitted(cluster.bootstrapServers(), "settle-window-proofs"));
    }

    @Test
    void preflightRefusesMissingTopicsAndTooLongTransactions() throws Exception {
        createTopics("pf");
        JobConfig missing = config("pf", "--topics.dead-letters", "pf-nowhere");
        JobSetupException e = assertThrows(JobSetupException.class,
                () -> Preflight.check(missing, Duration.ofSeconds(10)));
        assertTrue(e.getMessage().startsWith("topic pf-nowhere missing on the broker"), e.getMessage());
        JobConfig longTx = config("pf", "--kafka.transaction-timeout", "20min");
        e = assertThrows(JobSetupException.class, () -> Preflight.check(longTx, Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("transaction.max.timeout.ms"), e.getMessage());
        Preflight.check(config("pf"), Duration.ofSeconds(10)); // and the right configuration passes
    }

    private void runAndCheck(String name, int n, boolean injectFailure, boolean folded) throws Exception {
        createTopics(name);
        Workload w = new Workload(name, n, TestModels.digitsRows(), TestModels.DIGITS);
        Map<String, Workload.Expected> malformed = w.produce(cluster.bootstrapServers(), name + "-requests");
        assertEquals(n / 20, malformed.size());

        JobConfig cfg = folded ? foldedConfig(name) : config(name);
        Preflight.check(cfg, Duration.ofSeconds(10));
        StreamExecutionEnvironment env = ProvingJob.environment(cfg);
        String bs = cluster.bootstrapServers();
        DataStream<RawRecord> in = ProvingJob.requests(env,
                KafkaEndpoints.requests(bs, name + "-requests", name + "-group", true), cfg.windows());
        ProvingJob.Outputs out = ProvingJob.topology(in, cfg);
        DataStream<WindowProof> proofs = out.windowProofs();
        if (injectFailure) {
            // folded windows are few (a handful per subtask), so fail at the second one after a checkpoint
            proofs = proofs.map(new FailOnceAfterCheckpoint<WindowProof>(folded ? 2 : 3)).uid("fail-once")
                    .name("fail once");
        }
        Duration tx = cfg.kafka().transactionTimeout();
        proofs.sinkTo(KafkaEndpoints.windowProofs(bs, name + "-window-proofs", name, tx)).uid("window-proofs-sink");
        out.deadLetters().sinkTo(KafkaEndpoints.deadLetters(bs, name + "-dead-letters", name, tx))
                .uid("dead-letters-sink");
        long start = System.nanoTime();
        env.execute(name);
        System.out.printf("PipelineIT %s: %d requests in %.1f s%n", name, n, (System.nanoTime() - start) / 1e9);

        var windows = TopicReader.readCommitted(bs, name + "-window-proofs");
        var dead = TopicReader.readCommitted(bs, name + "-dead-letters");
        System.out.printf("PipelineIT %s: %d window records, dead letters by reason %s%n", name, windows.size(),
                summary(dead));
        checkWindows(w, windows, cfg.windows().size(), folded);
        checkDeadLetters(malformed, dead, name);
    }

    private static void checkWindows(Workload w, List<ConsumerRecord<byte[], byte[]>> records, int maxSize,
                                     boolean folded) throws Exception {
        Map<String, ProvenInference> seen = new HashMap<>();
        Set<String> windowIds = new HashSet<>();
        WindowVerifier verifier = folded ? WindowKeys.readVerifier(windowKeys) : null;
        for (ConsumerRecord<byte[], byte[]> r : records) {
            WindowProof wp = AvroBinary.decode(r.value(), WindowProof.class);
            assertTrue(windowIds.add(wp.getWindowId()), "window " + wp.getWindowId() + " twice");
            assertEquals(folded ? WindowKind.FOLDED : WindowKind.BATCH, wp.getKind());
            assertTrue(wp.getInferences().size() <= maxSize);
            assertArrayEquals(ReceiptLeaf.root(wp.getWindowId(), wp.getInferences()),
                    InferenceProverTest.bytes(wp.getReceiptsRoot()));
            if (folded) {
                checkFolded(wp, verifier);
            } else {
                assertNull(wp.getFoldedProof());
            }
            for (ProvenInference p : wp.getInferences()) {
                ProvenInference before = seen.put(p.getRequestId(), p);
                assertEquals(null, before, "request " + p.getRequestId() + " in two window entries");
            }
        }
        Set<String> missing = new TreeSet<>(w.valid.keySet());
        missing.removeAll(seen.keySet());
        Set<String> extra = new TreeSet<>(seen.keySet());
        extra.removeAll(w.valid.keySet());
        assertTrue(missing.isEmpty() && extra.isEmpty(), "exactly the valid requests, each once; missing "
                + missing.size() + " " + missing + ", unexpected " + extra);
        QuantizedModel model = DeployedModels.pkg(spec).model();
        ProvingKey pk = DeployedModels.provingKey(spec);
        List<String> ids = new ArrayList<>(w.valid.keySet());
        for (int k = 0; k < VERIFIED_SAMPLE; k++) {
            String id = ids.get(k * ids.size() / VERIFIED_SAMPLE);
            ProvenInference p = seen.get(id);
            long[] logits = model.infer(model.quantizeInput(w.valid.get(id), id)).logits();
            assertEquals(Arrays.stream(logits).boxed().toList(), p.getOutputs(), id);
            if (!folded) {
                assertTrue(Verifier.verify(pk.preparedVerifyingKey(), InferenceProver.publicSignals(p),
                        ProofBytes.decode(InferenceProverTest.bytes(p.getProof()), id)), id + ": proof does not verify");
            }
        }
    }

    /**
     * The folded proof verifies, and its instances are the window's inferences in the listed order: public
     * signals (h_in, outputs, class, tag) and commitment K_i. No standalone proof (off by default when folded).
     */
    private static void checkFolded(WindowProof wp, WindowVerifier verifier) {
        String id = wp.getWindowId();
        assertNotNull(wp.getFoldedProof(), id + ": FOLDED without a folded proof");
        io.foldline.aggregation.WindowProof folded = WindowProofFile.decode(
                InferenceProverTest.bytes(wp.getFoldedProof()), id);
        assertTrue(verifier.verify(folded), id + ": the folded window proof does not verify");
        assertEquals(wp.getInferences().size(), folded.size(), id);
        for (int i = 0; i < folded.size(); i++) {
            ProvenInference p = wp.getInferences().get(i);
            CommittedInstance c = folded.instances().get(i);
            assertArrayEquals(InferenceProver.publicSignals(p), c.x(), id + " instance " + i + " public signals");
            assertArrayEquals(InferenceProverTest.bytes(p.getInstanceCommitment()), c.commitment().toBytesBE(),
                    id + " instance " + i + " K_i");
            assertEquals(0, p.getProof().remaining(), "no standalone Groth16 proof in folded mode");
        }
    }

    private static void checkDeadLetters(Map<String, Workload.Expected> malformed,
                                         List<ConsumerRecord<byte[], byte[]>> records, String name) throws Exception {
        Map<String, DeadLetter> byAddress = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            DeadLetter d = AvroBinary.decode(r.value(), DeadLetter.class);
            assertEquals(name + "-requests", d.getSourceTopic());
            DeadLetter before = byAddress.put(d.getPartition() + "@" + d.getOffset(), d);
            assertEquals(null, before, "two dead letters for " + d.getPartition() + "@" + d.getOffset());
        }
        assertEquals(malformed.keySet(), byAddress.keySet(), "one dead letter per malformed record, no other");
        for (Map.Entry<String, Workload.Expected> e : malformed.entrySet()) {
            DeadLetter d = byAddress.get(e.getKey());
            assertNotNull(d);
            assertEquals(e.getValue().reason(), d.getReason(), e.getKey() + ": " + d.getMessage());
            assertArrayEquals(e.getValue().value(), InferenceProverTest.bytes(d.getOriginal()));
            assertTrue(!d.getMessage().isBlank());
        }
    }

    private static Map<String, Integer> summary(List<ConsumerRecord<byte[], byte[]>> dead) throws Exception {
        Map<String, Integer> n = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : dead) {
            n.merge(AvroBinary.decode(r.value(), DeadLetter.class).getReason().name(), 1, Integer::sum);
        }
        return n;
    }

    /** digits_mlp folded, in windows of up to 256 (in this workload they close by age: a few per shard). */
    private static JobConfig foldedConfig(String name) {
        return config(name, "--models." + spec.id() + ".window-keys", windowKeys.toString(), "--window.size", "256",
                "--window.max-age", "4s");
    }

    private static JobConfig config(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("--kafka.bootstrap-servers", cluster.bootstrapServers(),
                "--topics.requests", name + "-requests", "--topics.window-proofs", name + "-window-proofs",
                "--topics.dead-letters", name + "-dead-letters", "--kafka.group-id", name + "-group",
                "--kafka.transactional-id-prefix", name, "--models." + spec.id() + ".dir", spec.dir(),
                "--models." + spec.id() + ".zkey", spec.zkey(), "--parallelism", "2", "--window.size", "32",
                "--window.max-age", "2s", "--checkpoint.interval", "1s", "--source.bounded", "true",
                "--proving.threads", "1"));
        args.addAll(List.of(extra));
        return JobConfig.parse(args.toArray(String[]::new));
    }

    private static void createTopics(String name) throws Exception {
        Topics.create(cluster.bootstrapServers(), List.of(new NewTopic(name + "-requests", 2, (short) 1),
                new NewTopic(name + "-window-proofs", 2, (short) 1),
                new NewTopic(name + "-dead-letters", 1, (short) 1)), Duration.ofSeconds(60));
    }
}
