package io.foldline.jobs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.aggregation.WindowKeys;
import io.foldline.circuits.FormatException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad configuration stops before the job starts, with a message: an unknown model folder, an incomplete
 * window keys folder, a broker that does not answer. (Missing topics need a broker: PipelineIT checks them.)
 */
class PreflightTest {
    @TempDir
    Path dir;

    @Test
    void unknownModelFolder() {
        JobConfig c = JobConfig.parse("--kafka.bootstrap-servers", "127.0.0.1:1", "--models.digits.dir",
                dir.resolve("nowhere").toString(), "--models.digits.zkey", dir.resolve("k.zkey").toString());
        FormatException e = assertThrows(FormatException.class, () -> Preflight.check(c, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().startsWith("model digits: "), e.getMessage());
        assertTrue(e.getMessage().contains("no such folder"), e.getMessage());
    }

    @Test
    void windowKeysFolderWithoutAFileNamesThePathAndTheFile() throws IOException {
        var spec = TestModels.digits(dir, false);
        Path keys = Files.createDirectories(dir.resolve("keys"));
        for (String f : List.of(WindowKeys.COMMITMENT_KEY, WindowKeys.VERIFICATION_KEY, WindowKeys.WINDOW_VK)) {
            Files.write(keys.resolve(f), new byte[0]);
        }
        JobConfig c = JobConfig.parse("--kafka.bootstrap-servers", "127.0.0.1:1", "--models.digits_mlp.dir",
                spec.dir(), "--models.digits_mlp.window-keys", keys.toString());
        FormatException e = assertThrows(FormatException.class, () -> Preflight.check(c, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().startsWith("model digits_mlp: " + keys + ": window keys folder has no "
                + WindowKeys.DECIDER_ZKEY), e.getMessage());
        JobConfig none = JobConfig.parse("--kafka.bootstrap-servers", "127.0.0.1:1", "--models.digits_mlp.dir",
                spec.dir(), "--models.digits_mlp.window-keys", dir.resolve("nokeys").toString());
        e = assertThrows(FormatException.class, () -> Preflight.check(none, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("nokeys: window keys folder not found"), e.getMessage());
    }

    @Test
    void unreachableBrokerTimesOut() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        JobConfig c = JobConfig.parse("--kafka.bootstrap-servers", "127.0.0.1:" + port, "--models.m.dir", "/m",
                "--models.m.zkey", "/m.zkey");
        JobSetupException e = assertThrows(JobSetupException.class,
                () -> Preflight.checkKafka(c.kafka(), Duration.ofSeconds(2)));
        assertTrue(e.getMessage().startsWith("cannot reach Kafka at 127.0.0.1:" + port + " within 2 s"), e.getMessage());
    }

    @Test
    void unparsableBootstrapServers() {
        JobConfig c = JobConfig.parse("--kafka.bootstrap-servers", "not a host", "--models.m.dir", "/m",
                "--models.m.zkey", "/m.zkey");
        JobSetupException e = assertThrows(JobSetupException.class,
                () -> Preflight.checkKafka(c.kafka(), Duration.ofSeconds(2)));
        assertTrue(e.getMessage().contains("kafka.bootstrap-servers"), e.getMessage());
    }
}
