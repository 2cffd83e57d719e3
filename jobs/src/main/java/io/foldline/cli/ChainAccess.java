package io.foldline.cli;

import io.foldline.chain.evm.ChainException;
import io.foldline.chain.evm.Evm;
import io.foldline.chain.submit.PasswordSource;
import io.foldline.chain.submit.SigningKey;
import io.foldline.chain.submit.SubmitterException;
import io.foldline.chain.window.WindowVerifierViews;
import io.foldline.circuits.FormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Set;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * What the chain verbs share: the node (its chain id checked against the one the user named), the keystore
 * flags, and the WindowVerifier's views. Keys and passwords are never printed: every message here names the
 * keystore or password file, never what is in it.
 */
final class ChainAccess implements AutoCloseable {
    static final Set<String> KEY_OPTIONS = Set.of("keystore", "password-file", "password-env");

    private final String rpcUrl;
    private final Web3j web3j;
    private final Evm evm;

    private ChainAccess(String rpcUrl, long chainId) {
        this.rpcUrl = rpcUrl;
        this.web3j = Web3j.build(new HttpService(rpcUrl));
        this.evm = new Evm(web3j, chainId);
    }

    /** Connects to {@code rpcUrl} and refuses a node on another chain than {@code chainId}. */
    static ChainAccess connect(String rpcUrl, long chainId) {
        ChainAccess a = new ChainAccess(rpcUrl, chainId);
        long actual;
        try {
            actual = a.web3j.ethChainId().send().getChainId().longValueExact();
        } catch (IOException | RuntimeException e) {
            a.close();
            throw new ChainException("node " + rpcUrl + " unreachable (eth_chainId: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        if (actual != chainId) {
            a.close();
            throw new ChainException("chain id mismatch: node " + rpcUrl + " reports chain id " + actual
                    + ", expected " + chainId + "; nothing was signed or sent");
        }
        return a;
    }

    String rpcUrl() {
        return rpcUrl;
    }

    Web3j web3j() {
        return web3j;
    }

    Evm evm() {
        return evm;
    }

    /** The password source the flags name: exactly one of --password-file and --password-env. */
    static PasswordSource password(Args args) {
        String file = args.option("password-file", null);
        String env = args.option("password-env", null);
        if ((file == null) == (env == null)) {
            throw new UsageException("give the keystore password with exactly one of --password-file FILE and "
                    + "--password-env VAR");
        }
        return file != null ? PasswordSource.fromFile(Path.of(file)) : PasswordSource.fromEnv(env);
    }

    static Path keystore(Args args) {
        String k = args.option("keystore", null);
        if (k == null) {
            throw new UsageException("missing --keystore FILE (an encrypted Ethereum keystore JSON)");
        }
        return Path.of(k);
    }

    /** The keystore's key for a deployment; a wrong password or file is the chain module's SubmitterException. */
    static SigningKey deployerKey(Args args) {
        return SigningKey.fromKeystore(keystore(args), password(args));
    }

    /** Refuses a contract that is not a WindowVerifier of this Foldline's protocol (see WindowVerifierViews). */
    void requireProtocol(String contract) {
        WindowVerifierViews.requireProtocol(evm, contract);
    }

    boolean isSettled(String contract, byte[] windowId) {
        return WindowVerifierViews.isSettled(evm, contract, windowId);
    }

    byte[] receiptsRoot(String contract, byte[] windowId) {
        return WindowVerifierViews.receiptsRoot(evm, contract, windowId);
    }

    static String hex(byte[] b) {
        return "0x" + HexFormat.of().formatHex(b);
    }

    static byte[] word(String hex, String what) {
        String h = hex.startsWith("0x") ? hex.substring(2) : hex;
        if (h.length() != 64) {
            throw new FormatException(what + ": expected 32 bytes as 64 hex digits, got '" + hex + "'");
        }
        try {
            return HexFormat.of().parseHex(h);
        } catch (IllegalArgumentException e) {
            throw new FormatException(what + ": not hex: '" + hex + "'");
        }
    }

    static BigInteger gwei(String v) {
        try {
            BigInteger wei = new BigDecimal(v).movePointRight(9).toBigIntegerExact();
            if (wei.signum() <= 0) {
                throw new UsageException("--max-fee-gwei must be positive, got " + v);
            }
            return wei;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageException("--max-fee-gwei: not a fee in gwei: " + v);
        }
    }

    /** Runs a chain verb, turning the chain module's failures into exit 2 with their message. */
    static int guarded(Console out, String verb, ChainVerb body) throws Exception {
        try {
            return body.run();
        } catch (ChainException | SubmitterException e) {
            out.err().println("foldline " + verb + ": " + e.getMessage());
            return Command.USAGE;
        }
    }

    @FunctionalInterface
    interface ChainVerb {
        int run() throws Exception;
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
