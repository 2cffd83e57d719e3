package io.foldline.circuits.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process runner with plain POSIX commands (no node needed): exit codes, both streams, timeouts. */
class NodeToolsTest {

    @Test
    void capturesExitCodeAndBothStreams(@TempDir Path dir) {
        ExecResult r = NodeTools.run(dir, Duration.ofSeconds(20), "sh", "-c", "echo out; echo err >&2; exit 3");
        assertEquals(3, r.exitCode());
        assertEquals("out\n", r.stdout());
        assertEquals("err\n", r.stderr());
        assertFalse(r.ok());
        assertThrows(AssertionError.class, r::requireOk);
    }

    @Test
    void drainsLargeOutputOnBothStreamsWithoutBlocking(@TempDir Path dir) {
        // 4 MB on each stream: far beyond a pipe buffer, so an undrained stream would block the child.
        String line = "0123456789".repeat(6);
        String script = "i=0; while [ $i -lt 65536 ]; do echo " + line + "; echo " + line + " >&2; i=$((i+1)); done";
        ExecResult r = NodeTools.run(dir, Duration.ofSeconds(60), "sh", "-c", script).requireOk();
        assertEquals(65536 * (line.length() + 1), r.stdout().length());
        assertEquals(65536 * (line.length() + 1), r.stderr().length());
    }

    @Test
    void killsOnTimeout(@TempDir Path dir) {
        long t0 = System.nanoTime();
        ExecResult r = NodeTools.run(dir, Duration.ofMillis(300), "sh", "-c", "echo started; sleep 30; echo late");
        assertTrue(r.timedOut());
        assertFalse(r.ok());
        assertEquals(-1, r.exitCode());
        assertFalse(r.stdout().contains("late"));
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 8, "run waited for the child's sleep");
    }

    @Test
    void stdinIsClosed(@TempDir Path dir) {
        ExecResult r = NodeTools.run(dir, Duration.ofSeconds(20), "sh", "-c", "cat; echo done").requireOk();
        assertEquals("done\n", r.stdout());
    }

    @Test
    void findsRepositoryRoot() {
        assertTrue(Files.isRegularFile(NodeTools.root().resolve("infra/tools/package.json")));
        assertTrue(Files.isDirectory(CircomFixtures.fixturesDir()));
    }
}
