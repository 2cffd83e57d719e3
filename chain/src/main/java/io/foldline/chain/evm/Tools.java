package io.foldline.chain.evm;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the chain toolchain lives: node, solc-js and the anvil binary, all installed into infra/tools by
 * {@code bash infra/install-test-tools.sh}. The repository root is {@code -Dfoldline.root} (set by ./foldline
 * and by the failsafe configuration), else the nearest parent of the working directory holding infra/tools.
 */
public final class Tools {
    public static final String INSTALL_HINT = "install them with: bash infra/install-test-tools.sh";

    private Tools() {
    }

    public static Path root() {
        String prop = System.getProperty("foldline.root");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("infra/tools"))) {
                return p;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    public static Path nodeModules() {
        return root().resolve("infra/tools/node_modules");
    }

    /** The anvil binary that ships inside the npm package's linux-amd64 platform package. */
    public static Path anvil() {
        String prop = System.getProperty("foldline.anvil");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        return nodeModules().resolve("@foundry-rs/anvil-linux-amd64/bin/anvil");
    }

    /** The solc-js package directory (its index.js is what {@code require('solc')} loads). */
    public static Path solcJs() {
        return nodeModules().resolve("solc");
    }

    public static Path snarkjs() {
        return nodeModules().resolve("snarkjs/build/cli.cjs");
    }

    /** {@code -Dfoldline.node}, else the first node on PATH; null when there is none. */
    public static Path node() {
        String prop = System.getProperty("foldline.node");
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = dir.isEmpty() ? null : Path.of(dir, "node");
            if (p != null && Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Why the chain tools (node, solc-js, anvil) cannot run here, or null when all are present. */
    public static String missing() {
        List<String> missing = new ArrayList<>();
        if (node() == null) {
            missing.add("node (not on PATH)");
        }
        if (!Files.isRegularFile(solcJs().resolve("index.js"))) {
            missing.add("solc-js (" + solcJs() + ")");
        }
        if (!Files.isExecutable(anvil())) {
            missing.add("anvil (" + anvil() + ")");
        }
        return missing.isEmpty() ? null : String.join(", ", missing) + " missing; " + INSTALL_HINT;
    }

    static Path requireNode() {
        Path node = node();
        if (node == null) {
            throw new ChainException("node not found on PATH; install Node.js >= 18, then " + INSTALL_HINT);
        }
        return node;
    }
}
