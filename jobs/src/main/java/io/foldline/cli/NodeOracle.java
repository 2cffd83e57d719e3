package io.foldline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * snarkjs, when the test tools are installed ({@code bash infra/install-test-tools.sh}), for benchmarks and the
 * demo to compare against in the same run. Optional: callers say so and carry on when it is missing.
 */
public final class NodeOracle {
    private final Path snarkjs;

    private NodeOracle(Path snarkjs) {
        this.snarkjs = snarkjs;
    }

    /** The repository root: {@code -Dfoldline.root} (set by ./foldline), else the working directory. */
    public static Path root() {
        return Path.of(System.getProperty("foldline.root", ".")).toAbsolutePath().normalize();
    }

    /** snarkjs from infra/tools, or null when node or the package is missing. */
    public static NodeOracle find() {
        Path cli = root().resolve("infra/tools/node_modules/snarkjs/build/cli.cjs");
        if (!Files.isRegularFile(cli)) {
            return null;
        }
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 ? new NodeOracle(cli) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Runs {@code snarkjs args...}; returns its combined output, or throws with it when the exit code is not 0. */
    public String snarkjs(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("node", snarkjs.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("snarkjs " + String.join(" ", args) + ": timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException("snarkjs " + String.join(" ", args) + " exited " + p.exitValue() + ": " + out.strip());
        }
        return out;
    }
}
