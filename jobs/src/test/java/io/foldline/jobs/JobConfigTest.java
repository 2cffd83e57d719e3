package io.foldline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings from YAML and flags, flags winning, and a clear message for each kind of bad setting. */
class JobConfigTest {
    private static final String[] MODEL = {"--models.m.dir", "/models/m", "--models.m.zkey", "/models/m.zkey"};

    @TempDir
    Path dir;

    @Test
    void yamlThenFlags() throws IOException {
        Path yaml = Files.writeString(dir.resolve("job.yaml"), """
                kafka:
                  bootstrap-servers: 127.0.0.1:9092
                topics:
                  requests: in
                models:
                  digits_mlp:
                    dir: models/digits_mlp
                    zkey: keys/digits.zkey
                window:
                  size: 16
                  max-age: 2s
                parallelism: 2
                """);
        JobConfig c = JobConfig.parse("--config", yaml.toString(), "--window.size=32", "--topics.dead-letters", "dlq");
        assertEquals("127.0.0.1:9092", c.kafka().bootstrapServers());
        assertEquals("in", c.kafka().requestsTopic());
        assertEquals("dlq", c.kafka().deadLettersTopic());
        assertEquals("window-proofs", c.kafka().windowProofsTopic());
        assertEquals(32, c.windows().size());
        assertEquals(Duration.ofSeconds(2), c.windows().maxAge());
        assertEquals(2, c.windows().shards(), "shards default to the parallelism");
        assertEquals(2, c.execution().parallelism());
        assertEquals(dir.resolve("models/digits_mlp").toString(), c.models().get("digits_mlp").dir(),
                "relative paths in the file are relative to the file");
        assertEquals(dir.resolve("keys/digits.zkey").toString(), c.models().get("digits_mlp").zkey());
        assertEquals(2, c.proving().capacity());
    }

    @Test
    void missingBootstrapServersNamesTheKey() {
        FormatException e = assertThrows(FormatException.class, () -> JobConfig.parse(MODEL));
        assertTrue(e.getMessage().contains("kafka.bootstrap-servers"), e.getMessage());
    }

    @Test
    void noModelIsAnError() {
        FormatException e = assertThrows(FormatException.class,
                () -> JobConfig.parse("--kafka.bootstrap-servers", "h:1"));
        assertTrue(e.getMessage().contains("models.<id>.dir"), e.getMessage());
    }

    @Test
    void modelWithoutKeyNamesTheMissingKey() {
        FormatException e = assertThrows(FormatException.class,
                () -> JobConfig.parse("--kafka.bootstrap-servers", "h:1", "--models.m.dir", "/x"));
        assertTrue(e.getMessage().contains("models.m.zkey"), e.getMessage());
    }

    @Test
    void windowKeysMakeAModelFoldedWithoutStandaloneProofsByDefault() {
        JobConfig c = JobConfig.parse("--kafka.bootstrap-servers", "h:1", "--models.m.dir", "/m",
                "--models.m.window-keys", "/keys/m", "--models.b.dir", "/b", "--models.b.zkey", "/b.zkey");
        var m = c.models().get("m");
        assertTrue(m.folded());
        assertEquals("/keys/m", m.windowKeys());
        assertEquals(false, m.groth16(), "no standalone Groth16 proof by default in folded mode");
        assertEquals(null, m.zkey(), "and then no proving key is needed");
        var b = c.models().get("b");
        assertEquals(false, b.folded(), "without window keys the model keeps BATCH windows");
        assertTrue(b.groth16());
        JobConfig both = JobConfig.parse("--kafka.bootstrap-servers", "h:1", "--models.m.dir", "/m",
                "--models.m.window-keys", "/keys/m", "--models.m.groth16", "true", "--models.m.zkey", "/m.zkey");
        assertTrue(both.models().get("m").groth16());
        assertEquals("/m.zkey", both.models().get("m").zkey());
    }

    @Test
    void aFoldedModelAskingForGroth16ProofsNeedsItsKey() {
        FormatException e = assertThrows(FormatException.class, () -> JobConfig.parse("--kafka.bootstrap-servers",
                "h:1", "--models.m.dir", "/m", "--models.m.window-keys", "/k", "--models.m.groth16", "yes"));
        assertTrue(e.getMessage().contains("models.m.zkey"), e.getMessage());
        e = assertThrows(FormatException.class, () -> JobConfig.parse("--kafka.bootstrap-servers", "h:1",
                "--models.m.dir", "/m", "--models.m.zkey", "/m.zkey", "--models.m.groth16", "false"));
        assertTrue(e.getMessage().startsWith("models.m.groth16 = false needs models.m.window-keys"), e.getMessage());
    }

    @Test
    void unknownKeyIsRefusedWithItsOrigin() throws IOException {
        Path yaml = Files.writeString(dir.resolve("bad.yaml"), "windw:\n  size: 3\n");
        FormatException e = assertThrows(FormatException.class,
                () -> JobConfig.parse(with("--config", yaml.toString(), "--kafka.bootstrap-servers", "h:1")));
        assertTrue(e.getMessage().startsWith("bad.yaml: unknown setting 'windw.size'"), e.getMessage());
    }

    @Test
    void badValuesSayWhatIsWrong() {
        FormatException e = assertThrows(FormatException.class,
                () -> JobConfig.parse(with("--kafka.bootstrap-servers", "h:1", "--window.max-age", "soon")));
        assertTrue(e.getMessage().contains("window.max-age = 'soon' is not a duration"), e.getMessage());
        e = assertThrows(FormatException.class,
                () -> JobConfig.parse(with("--kafka.bootstrap-servers", "h:1", "--window.size", "0")));
        assertTrue(e.getMessage().contains("must be at least 1"), e.getMessage());
    }

    @Test
    void transactionTimeoutMustOutlastACheckpoint() {
        FormatException e = assertThrows(FormatException.class, () -> JobConfig.parse(with("--kafka.bootstrap-servers",
                "h:1", "--checkpoint.interval", "2min", "--kafka.transaction-timeout", "60s")));
        assertTrue(e.getMessage().contains("kafka.transaction-timeout"), e.getMessage());
    }

    @Test
    void invalidYamlNamesTheFile() throws IOException {
        Path yaml = Files.writeString(dir.resolve("broken.yaml"), "kafka: [unclosed\n");
        FormatException e = assertThrows(FormatException.class, () -> JobConfig.parse("--config", yaml.toString()));
        assertTrue(e.getMessage().contains("broken.yaml: not valid YAML"), e.getMessage());
    }

    private static String[] with(String... args) {
        String[] out = new String[args.length + MODEL.length];
        System.arraycopy(args, 0, out, 0, args.length);
        System.arraycopy(MODEL, 0, out, args.length, MODEL.length);
        return out;
    }
}
