package io.foldline.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Our records decode in a JVM started without {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES} (a CLI, a user's
 * consumer): Avro 1.12 refuses untrusted classes, and the tests' own JVM always has the flag, so only a fresh
 * JVM shows it. ({@code chain settle} once dead-lettered every window proof for this reason.)
 */
class AvroTrustTest {
    @Test
    void recordsDecodeWithoutTheTrustedPackagesFlag() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                DecodeInAFreshJvm.class.getName()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the fresh JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("decoded UNDECODABLE"), out);
    }
}
