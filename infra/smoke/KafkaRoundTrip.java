// A single-file smoke check for infra/kafka.sh, run with the broker's own jars on the class path:
//   java -cp '.cache/infra/kafka/lib/*' infra/smoke/KafkaRoundTrip.java 127.0.0.1:19092
// It creates a topic if needed, writes one record in a committed transaction (so the transaction state log
// must work on this one-node broker) and reads it back with isolation.level=read_committed.
// Exits 0 when the record came back, 1 otherwise. Not part of the Maven build.

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public final class KafkaRoundTrip {
  private static final String TOPIC = "foldline-smoke";

  public static void main(String[] args) throws Exception {
    String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:19092";
    String value = "smoke-" + UUID.randomUUID();
    long start = System.nanoTime();
    createTopic(bootstrap);
    produce(bootstrap, value);
    boolean found = consume(bootstrap, value);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("%s: %s '%s' on %s in %d ms%n",
        found ? "ok" : "FAILED", found ? "read back" : "did not read back", value, TOPIC, millis);
    System.exit(found ? 0 : 1);
  }

  private static void createTopic(String bootstrap) throws InterruptedException, ExecutionException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
    } catch (ExecutionException e) {
      // A second run finds the topic from the first; anything else is a real failure.
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private static void produce(String bootstrap, String value) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("transactional.id", "foldline-smoke-" + UUID.randomUUID());
    p.put("key.serializer", StringSerializer.class.getName());
    p.put("value.serializer", StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(TOPIC, "smoke", value));
      producer.commitTransaction();
    }
  }

  private static boolean consume(String bootstrap, String value) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("group.id", "foldline-smoke-" + UUID.randomUUID());
    p.put("auto.offset.reset", "earliest");
    p.put("isolation.level", "read_committed");
    p.put("key.deserializer", StringDeserializer.class.getName());
    p.put("value.deserializer", StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (value.equals(r.value())) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
