package io.foldline.jobs;

import io.foldline.circuits.FormatException;
import io.foldline.jobs.model.DeployedModels;
import io.foldline.jobs.model.ModelSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Checks, before a job is submitted, what would otherwise fail later and less clearly inside a running
 * job: every model folder loads, its proving key (when it makes standalone proofs) fits its circuit, and its
 * window keys folder (a folded model) holds the four files of the window setup, made for that circuit; the
 * broker answers within
 * {@code timeout}; the three topics exist; the broker accepts the sinks' transaction timeout.
 */
public final class Preflight {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private Preflight() {
    }

    public static void check(JobConfig cfg, Duration timeout) {
        checkModels(cfg.models().values());
        checkKafka(cfg.kafka(), timeout);
    }

    static void checkModels(Collection<ModelSpec> models) {
        for (ModelSpec m : models) {
            try {
                DeployedModels.pkg(m);
                if (m.groth16()) {
                    DeployedModels.provingKey(m);
                }
                if (m.folded()) {
                    DeployedModels.windowKeys(m);
                }
            } catch (FormatException e) {
                throw new FormatException("model " + m.id() + ": " + e.getMessage(), e);
            }
        }
    }

    static void checkKafka(JobConfig.Kafka k, Duration timeout) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, k.bootstrapServers());
        int ms = (int) timeout.toMillis();
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        Admin created;
        try {
            created = Admin.create(p);
        } catch (KafkaException e) {
            throw new JobSetupException("kafka.bootstrap-servers '" + k.bootstrapServers() + "': "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        try (Admin admin = created) {
            Set<String> existing = await(admin.listTopics().names(), k, timeout);
            List<String> missing = new ArrayList<>();
            for (String t : List.of(k.requestsTopic(), k.windowProofsTopic(), k.deadLettersTopic())) {
                if (!existing.contains(t)) {
                    missing.add(t);
                }
            }
            if (!missing.isEmpty()) {
                throw new JobSetupException("topic" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                        + " missing on the broker at " + k.bootstrapServers() + " (it has: "
                        + String.join(", ", new TreeSet<>(existing)) + "); create "
                        + (missing.size() > 1 ? "them" : "it") + " or set topics.* to existing topics");
            }
            checkTransactionTimeout(admin, k, timeout);
        }
    }

    private static void checkTransactionTimeout(Admin admin, JobConfig.Kafka k, Duration timeout) {
        Collection<Node> nodes = await(admin.describeCluster().nodes(), k, timeout);
        for (Node n : nodes) {
            ConfigResource r = new ConfigResource(ConfigResource.Type.BROKER, n.idString());
            Map<ConfigResource, Config> configs = await(admin.describeConfigs(List.of(r)).all(), k, timeout);
            ConfigEntry max = configs.get(r).get("transaction.max.timeout.ms");
            if (max != null && max.value() != null && Long.parseLong(max.value()) < k.transactionTimeout().toMillis()) {
                throw new JobSetupException("kafka.transaction-timeout " + k.transactionTimeout() + " is above broker "
                        + n.idString() + "'s transaction.max.timeout.ms (" + max.value() + " ms): the sinks' "
                        + "transactions would be refused; lower it");
            }
        }
    }

    private static <T> T await(KafkaFuture<T> f, JobConfig.Kafka k, Duration timeout) {
        try {
            return f.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            Throwable c = e instanceof ExecutionException ? e.getCause() : e;
            // Kafka's own timeout (the admin client gave up), or ours (the future never completed)
            if (c instanceof org.apache.kafka.common.errors.TimeoutException || c instanceof TimeoutException) {
                throw new JobSetupException("cannot reach Kafka at " + k.bootstrapServers() + " within "
                        + timeout.toSeconds() + " s: is the broker running, and is kafka.bootstrap-servers right?", c);
            }
            throw new JobSetupException("Kafka at " + k.bootstrapServers() + ": " + c.getMessage(), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobSetupException("interrupted while checking Kafka at " + k.bootstrapServers(), e);
        }
    }
}
