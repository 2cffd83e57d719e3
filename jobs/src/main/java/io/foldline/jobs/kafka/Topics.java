package io.foldline.jobs.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Topic creation and request producing for the demo and the tests, done so that a loaded machine cannot
 * lose or reorder a record.
 *
 * <p>{@link #create} returns only when every partition of every new topic has a leader: the admin call
 * returns when the controller has the topic, before the broker serves it. {@link #orderedProducer} is an
 * idempotent producer with one request in flight per connection: with five (Kafka's default), a batch
 * whose acknowledgement was lost on a slow broker can be retried after later batches of the same
 * partition were appended, and the broker then refuses it as out of order until it expires.
 */
public final class Topics {
    private Topics() {
    }

    /** Creates {@code topics} and waits, up to {@code timeout}, until each of their partitions has a leader. */
    public static void create(String bootstrap, List<NewTopic> topics, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> names = topics.stream().map(NewTopic::name).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            while (true) {
                String waiting = withoutLeader(admin.describeTopics(names).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS));
                if (waiting == null) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("partition " + waiting + " has no leader " + timeout.toSeconds()
                            + " s after its topic was created on " + bootstrap);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Creates those of {@code topics} the broker does not have (as {@link #create}); returns their names. */
    public static List<String> createMissing(String bootstrap, List<NewTopic> topics, Duration timeout)
            throws Exception {
        Set<String> existing;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
        if (!missing.isEmpty()) {
            create(bootstrap, missing, timeout);
        }
        return missing.stream().map(NewTopic::name).toList();
    }

    private static String withoutLeader(Map<String, TopicDescription> topics) {
        for (TopicDescription d : topics.values()) {
            for (TopicPartitionInfo p : d.partitions()) {
                if (p.leader() == null || p.leader().isEmpty()) {
                    return d.name() + "-" + p.partition();
                }
            }
        }
        return null;
    }

    /** Producer settings that write each partition's records once and in order: acks=all, idempotent, one in flight. */
    public static Properties orderedProducer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return p;
    }
}
