package io.foldline.chain.groth16;

import io.foldline.chain.evm.ChainTools;
import io.foldline.chain.evm.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** snarkjs 0.7.6 from infra/tools, the reference for the exported verifier and calldata. */
final class Snarkjs {
    private Snarkjs() {
    }

    /** The chain tools and snarkjs, or skip (or fail, when interop is required). */
    static void require() {
        ChainTools.require();
        if (!Files.isRegularFile(Tools.snarkjs())) {
            String message = "snarkjs missing at " + Tools.snarkjs() + "; " + Tools.INSTALL_HINT;
            if (Boolean.parseBoolean(System.getProperty("foldline.requireInterop", "false"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /** Runs snarkjs in {@code dir}; its stdout, or an AssertionError with everything it printed. */
    static String run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Tools.node().toString(), Tools.snarkjs().toString()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("snarkjs.out");
        Path err = dir.resolve("snarkjs.err");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("snarkjs " + String.join(" ", args) + " timed out");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError("snarkjs " + String.join(" ", args) + " exited " + p.exitValue() + ": "
                    + stdout + Files.readString(err, StandardCharsets.UTF_8));
        }
        return stdout;
    }
}
