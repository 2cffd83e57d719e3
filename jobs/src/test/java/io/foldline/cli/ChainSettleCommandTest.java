package io.foldline.cli;

import static io.foldline.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chain settle}'s refusals, before it touches a broker or a node (the service itself: PipelineIT). */
class ChainSettleCommandTest {
    @TempDir
    Path dir;

    private Path deployment(String name, long chainId) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"contract\": \"0x5fbdb2315678afecb367f032d93f642f64180aa3\", \"chainId\": " + chainId
                + ", \"rpc\": \"http://127.0.0.1:1\", \"txHash\": \"0x00\", \"block\": 1, \"gasUsed\": 1, "
                + "\"runtimeBytes\": 1, \"vkDigest\": \"0x00\"}");
        return f;
    }

    @Test
    void aDeploymentWithoutItsModelIsRefused() {
        CliRun r = run("chain", "settle", "deployment.json", "--bootstrap", "127.0.0.1:1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("expected <model>=<deployment.json>, got 'deployment.json'"), r.err());
    }

    @Test
    void theBrokersAreRequired() throws Exception {
        CliRun r = run("chain", "settle", "digits_mlp=" + deployment("d.json", 31337));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing --bootstrap"), r.err());
    }

    @Test
    void deploymentsOnTwoChainsAreRefused() throws Exception {
        CliRun r = run("chain", "settle", "a=" + deployment("a.json", 31337), "b=" + deployment("b.json", 1),
                "--bootstrap", "127.0.0.1:1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("one settle service serves one chain"), r.err());
    }

    @Test
    void aMissingDeploymentFileIsNamed() {
        CliRun r = run("chain", "settle", "m=" + dir.resolve("nowhere.json"), "--bootstrap", "127.0.0.1:1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nowhere.json"), r.err());
    }
}
