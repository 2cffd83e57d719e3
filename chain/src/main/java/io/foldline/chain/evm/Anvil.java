package io.foldline.chain.evm;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * A private anvil chain for tests and benchmarks: its own process on 127.0.0.1 and a free port, chain id
 * 31337, the ten funded dev accounts of the public test mnemonic. Stopped by {@link #close()}.
 *
 * <p>The dev keys are public knowledge (they are derived from "test test ... junk", BIP-44 path
 * m/44'/60'/0'/0/i) and worth nothing on any real chain; they still never go to a log.
 */
public final class Anvil implements AutoCloseable {
    public static final long CHAIN_ID = 31337;
    public static final int DEV_ACCOUNTS = 10;
    /** The mnemonic anvil, hardhat and ganache all use for their dev accounts. */
    private static final String DEV_MNEMONIC = "test test test test test test test test test test test junk";
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final Path log;
    private final String rpcUrl;
    private final HttpService service;
    private final Web3j web3j;
    // Stops anvil when the JVM exits without close() (a killed test run would otherwise leave it running).
    private final Thread exitHook;

    private Anvil(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.rpcUrl = "http://127.0.0.1:" + port;
        this.service = new HttpService(rpcUrl);
        this.web3j = Web3j.build(service);
        this.exitHook = new Thread(process::destroyForcibly, "anvil-exit-hook");
        Runtime.getRuntime().addShutdownHook(exitHook);
    }

    /**
     * Starts anvil and waits until it answers {@code eth_chainId}. A port taken between choosing it and
     * anvil binding it (another process raced us) is retried on a new port.
     */
    public static Anvil start() {
        Path binary = Tools.anvil();
        if (!Files.isExecutable(binary)) {
            throw new ChainException("anvil binary not found at " + binary + "; " + Tools.INSTALL_HINT);
        }
        ChainException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            try {
                return startOn(binary, freePort());
            } catch (ChainException e) {
                last = e;
            }
        }
        throw last;
    }

    private static Anvil startOn(Path binary, int port) {
        Path log;
        Process process;
        try {
            log = Files.createTempFile("foldline-anvil-", ".log");
            process = new ProcessBuilder(binary.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                    "--chain-id", Long.toString(CHAIN_ID), "--accounts", Integer.toString(DEV_ACCOUNTS),
                    "--mnemonic", DEV_MNEMONIC, "--silent")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new ChainException("cannot start anvil (" + binary + "): " + e.getMessage(), e);
        }
        Anvil anvil = new Anvil(process, log, port);
        try {
            anvil.awaitReady();
            return anvil;
        } catch (RuntimeException e) {
            anvil.close();
            throw e;
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new ChainException("anvil exited during startup (code " + process.exitValue() + "): "
                        + logTail());
            }
            try {
                BigInteger id = web3j.ethChainId().send().getChainId();
                if (id != null && id.longValue() == CHAIN_ID) {
                    return;
                }
            } catch (IOException | RuntimeException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new ChainException("anvil did not answer on " + rpcUrl + " within " + STARTUP.toSeconds()
                        + " s: " + logTail());
            }
            sleep(50);
        }
    }

    public String rpcUrl() {
        return rpcUrl;
    }

    public long chainId() {
        return CHAIN_ID;
    }

    public Web3j web3j() {
        return web3j;
    }

    /** An {@link Evm} for this chain (explicit chain id, 100 ms receipt polling). */
    public Evm evm() {
        return new Evm(web3j, CHAIN_ID);
    }

    /** Dev account i (0..9), funded with 10,000 ETH at genesis. */
    public Credentials devKey(int i) {
        if (i < 0 || i >= DEV_ACCOUNTS) {
            throw new IllegalArgumentException("dev account index must be in [0, " + DEV_ACCOUNTS + "), got " + i);
        }
        return devCredentials(i);
    }

    static Credentials devCredentials(int i) {
        return DevKeys.ALL.get(i);
    }

    /** Derived once (the BIP-39 seed is 2048 rounds of PBKDF2). */
    private static final class DevKeys {
        static final List<Credentials> ALL = derive();

        private static List<Credentials> derive() {
            Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(DEV_MNEMONIC, ""));
            int h = Bip32ECKeyPair.HARDENED_BIT;
            List<Credentials> keys = new ArrayList<>();
            for (int i = 0; i < DEV_ACCOUNTS; i++) {
                keys.add(Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | h, 60 | h, h, 0, i})));
            }
            return List.copyOf(keys);
        }
    }

    /** Saves the whole chain state; {@link #revert} returns to it (once: anvil drops the snapshot on revert). */
    public String snapshot() {
        return rpc("evm_snapshot", List.of(), StringResponse.class);
    }

    /** Returns the chain to a {@link #snapshot}; false when anvil does not know the id. */
    public boolean revert(String snapshotId) {
        return rpc("evm_revert", List.of(snapshotId), BooleanResponse.class);
    }

    public void mine(int blocks) {
        if (blocks < 1) {
            throw new IllegalArgumentException("blocks must be >= 1, got " + blocks);
        }
        rpc("anvil_mine", List.of("0x" + Integer.toHexString(blocks)), ObjectResponse.class);
    }

    private <T, R extends Response<T>> T rpc(String method, List<?> params, Class<R> type) {
        try {
            R response = new Request<>(method, params, service, type).send();
            if (response.hasError()) {
                throw new ChainException(method + " failed: " + response.getError().getMessage());
            }
            return response.getResult();
        } catch (IOException e) {
            throw new ChainException(method + " on " + rpcUrl + ": " + e.getMessage(), e);
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after 5 s) and deletes its log. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyExitingOrRemoved) {
            // the JVM is exiting (the hook runs anyway) or close() ran before
        }
        web3j.shutdown();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }

    private String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "(no output)" : text.substring(Math.max(0, text.length() - 2000));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new ChainException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainException("interrupted while waiting for anvil");
        }
    }

    public static final class StringResponse extends Response<String> {
    }

    public static final class BooleanResponse extends Response<Boolean> {
    }

    public static final class ObjectResponse extends Response<Object> {
    }
}
