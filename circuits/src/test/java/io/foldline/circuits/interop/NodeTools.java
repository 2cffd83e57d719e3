package io.foldline.circuits.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates node and the npm test oracles installed by {@code infra/install-test-tools.sh}, and runs them.
 * Tests call {@link #requireTools()} first: without the tools they are skipped, unless the build asked for
 * interop ({@code -Dfoldline.requireInterop=true}, as CI does), where a missing tool is a failure.
 */
public final class NodeTools {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final String INSTALL_HINT = "install them with: bash infra/install-test-tools.sh";

    private static volatile Path root;

    private NodeTools() {
    }

    /** The repository root: system property {@code foldline.root}, else the nearest parent of the cwd holding infra/tools. */
    public static Path root() {
        Path r = root;
        if (r == null) {
            r = findRoot();
            root = r;
        }
        return r;
    }

    private static Path findRoot() {
        String prop = System.getProperty("foldline.root");
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop).toAbsolutePath().normalize();
            if (Files.isDirectory(p.resolve("infra/tools"))) {
                return p;
            }
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("infra/tools"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found: no parent of "
                + Path.of("").toAbsolutePath() + " holds infra/tools (set -Dfoldline.root)");
    }

    public static Path toolsDir() {
        return root().resolve("infra/tools");
    }

    public static Path nodeModules() {
        return toolsDir().resolve("node_modules");
    }

    /** The repository's git-ignored cache folder, {@code .cache/<name>}. */
    public static Path cacheDir(String name) {
        return root().resolve(".cache").resolve(name);
    }

    /** The node binary: system property {@code foldline.node}, else the first {@code node} on PATH; null if none. */
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
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "node");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    public static Path snarkjsCli() {
        return nodeModules().resolve(".bin/snarkjs");
    }

    public static Path circomCli() {
        return nodeModules().resolve("circom2/cli.js");
    }

    /** circomlib's templates (copied under a compile's work dir, since circom2 under WASI sees nothing above it). */
    public static Path circomlibCircuits() {
        return nodeModules().resolve("circomlib/circuits");
    }

    /** Why the tools cannot run here, or null when node, snarkjs, circom2 and circomlib are all present. */
    public static String missingTools() {
        List<String> missing = new ArrayList<>();
        if (node() == null) {
            String prop = System.getProperty("foldline.node");
            missing.add(prop == null || prop.isBlank() ? "node (not on PATH)" : "node (-Dfoldline.node=" + prop + ")");
        }
        Path tools;
        try {
            tools = toolsDir();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        if (!Files.isRegularFile(snarkjsCli())) {
            missing.add("snarkjs (" + snarkjsCli() + ")");
        }
        if (!Files.isRegularFile(circomCli())) {
            missing.add("circom2 (" + circomCli() + ")");
        }
        if (!Files.isDirectory(circomlibCircuits())) {
            missing.add("circomlib (" + circomlibCircuits() + ")");
        }
        return missing.isEmpty() ? null : "missing under " + tools + ": " + String.join(", ", missing);
    }

    public static boolean interopRequired() {
        return Boolean.parseBoolean(System.getProperty("foldline.requireInterop", "false"));
    }

    /** Skips the calling test when a tool is missing, or fails it when interop is required. */
    public static void requireTools() {
        String missing = missingTools();
        if (missing == null) {
            return;
        }
        String message = "interop tools " + missing + "; " + INSTALL_HINT;
        if (interopRequired()) {
            Assertions.fail(message + " (-Dfoldline.requireInterop=true)");
        }
        Assumptions.abort(message);
    }

    /** Runs {@code node <snarkjs cli> args...} in {@code dir} with the default timeout. */
    public static ExecResult snarkjs(Path dir, String... args) {
        return snarkjs(dir, DEFAULT_TIMEOUT, args);
    }

    public static ExecResult snarkjs(Path dir, Duration timeout, String... args) {
        return node(dir, timeout, snarkjsCli(), args);
    }

    /** Runs {@code node script args...}. */
    public static ExecResult node(Path dir, Duration timeout, Path script, String... args) {
        Path node = node();
        if (node == null) {
            throw new IllegalStateException("node not found on PATH; " + INSTALL_HINT);
        }
        String[] cmd = new String[args.length + 2];
        cmd[0] = node.toString();
        cmd[1] = script.toString();
        System.arraycopy(args, 0, cmd, 2, args.length);
        return run(dir, timeout, cmd);
    }

    /**
     * Runs a command in {@code workDir}, with stdin closed and both output streams drained on their own
     * threads (a full pipe would otherwise block the child). On timeout the process and its descendants
     * are killed and the result says {@code timedOut}.
     */
    public static ExecResult run(Path workDir, Duration timeout, String... args) {
        List<String> command = List.of(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
        closeQuietly(p);
        Drain out = Drain.start(p.getInputStream(), "stdout");
        Drain err = Drain.start(p.getErrorStream(), "stderr");
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
        if (!finished) {
            kill(p);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        int code = finished ? p.exitValue() : -1;
        return new ExecResult(command, code, !finished, elapsed, out.text(), err.text());
    }

    private static void closeQuietly(Process p) {
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // the child may already have exited; it gets EOF on stdin either way
        }
    }

    private static void kill(Process p) {
        // Parent first (so that it cannot react to a dead child), then the descendants listed before it died.
        List<ProcessHandle> descendants = p.descendants().toList();
        p.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies one stream to memory on a daemon thread. */
    private static final class Drain {
        private final Thread thread;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        private Drain(InputStream in, String name) {
            thread = new Thread(() -> copy(in), "node-tools-" + name);
            thread.setDaemon(true);
        }

        static Drain start(InputStream in, String name) {
            Drain d = new Drain(in, name);
            d.thread.start();
            return d;
        }

        private void copy(InputStream in) {
            byte[] buf = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    synchronized (bytes) {
                        bytes.write(buf, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // the stream closes when the process is killed; keep what was read
            }
        }

        String text() {
            try {
                // A killed child's grandchildren may hold the pipe open: do not wait for them forever.
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
