package io.foldline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/cluster-run.sh with a smaller workload: a Kafka broker process, a JobManager and two TaskManagers as
 * separate JVMs, the job submitted from the foldline jar that {@code package} built, TaskManager 2 killed
 * after the first checkpoint and started again; the script's own read_committed check must pass. It runs in
 * its own state folder and on its own ports, so a default setup on this machine is left alone.
 */
@Tag("slow")
class ClusterIT {
    @TempDir
    Path run;

    @Test
    void killedTaskManagerStillGivesExactlyOnce() throws Exception {
        Path jobsDir = Path.of("").toAbsolutePath();
        Path jar = Path.of(ClusterIT.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().resolve("foldline.jar");
        assertTrue(Files.isRegularFile(jar), "run in 'verify' after 'package': no " + jar);
        Path log = run.resolve("cluster-run.log");
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", jobsDir.resolve("../infra/cluster-run.sh").toString(),
                "--requests", "120", "--malformed", "10", "--jar", jar.toString(), "--timeout", "240",
                "--kafka-port", "39092", "--rest-port", "38081", "--rpc-port", "36123", "--blob-port", "36124"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("FOLDLINE_INFRA_RUN", run.resolve("infra").toString());
        Process p = pb.start();
        boolean done = p.waitFor(6, TimeUnit.MINUTES);
        if (!done) {
            p.destroy(); // the script's EXIT trap stops the broker and the cluster
            p.waitFor(60, TimeUnit.SECONDS);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(out);
        assertTrue(done, "cluster-run.sh did not finish in 6 minutes");
        assertEquals(0, p.exitValue(), "cluster-run.sh failed; its output is above");
        assertTrue(out.contains("killing taskmanager 2"), "no taskmanager was killed mid-run");
        assertTrue(out.contains("exactly once: OK"), "the checker did not pass");
        assertTrue(out.matches("(?s).*restarts seen: [1-9].*"), "the job never restarted after the kill");
        assertTrue(!new File(run.resolve("infra/flink/jobmanager.pid").toString()).exists(),
                "the cluster was left running");
    }
}
