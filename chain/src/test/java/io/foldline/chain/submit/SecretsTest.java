package io.foldline.chain.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;
import org.web3j.utils.Numeric;

/**
 * The keystore key and its password never show in a toString, an exception (message, cause chain or stack
 * trace) or a log line, on the way in (wrong password, missing variable) and while running (a submitter on a
 * closed port fails with its retries).
 */
class SecretsTest {
    private static final String PASSWORD = "s3cret-pa55phrase-for-the-test";

    @TempDir
    Path dir;
    private Path keystore;
    private String keyHex;
    private String address;

    @BeforeEach
    void keystore() throws Exception {
        ECKeyPair pair = Keys.createEcKeyPair();
        keyHex = Numeric.toHexStringNoPrefix(pair.getPrivateKey());
        address = "0x" + Keys.getAddress(pair);
        keystore = dir.resolve(WalletUtils.generateWalletFile(PASSWORD, pair, dir.toFile(), false));
    }

    private void assertClean(String text) {
        assertFalse(text.toLowerCase().contains(keyHex.toLowerCase()), "private key leaked: " + text);
        assertFalse(text.contains(PASSWORD), "password leaked: " + text);
    }

    private static String everything(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    @Test
    void keyLoadsFromFileOrEnvironmentAndPrintsOnlyItsAddress() throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("pw"), PASSWORD + "\n");
        SigningKey fromFile = SigningKey.fromKeystore(keystore, PasswordSource.fromFile(passwordFile));
        SigningKey fromEnv = SigningKey.fromKeystore(keystore,
                PasswordSource.fromEnv("FOLDLINE_KEYSTORE_PASSWORD", Map.of("FOLDLINE_KEYSTORE_PASSWORD", PASSWORD)));
        assertEquals(address, fromFile.address());
        assertEquals(address, fromEnv.address());
        assertTrue(fromFile.toString().contains(address));
        assertClean(fromFile.toString() + fromEnv + PasswordSource.fromFile(passwordFile));
    }

    @Test
    void loadingErrorsNameTheFileNotTheSecrets() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong"), PASSWORD + "x");
        SubmitterException bad = assertThrows(SubmitterException.class,
                () -> SigningKey.fromKeystore(keystore, PasswordSource.fromFile(wrong)));
        assertTrue(bad.getMessage().contains(keystore.toString()) && bad.getMessage().contains("cannot decrypt"),
                bad.getMessage());
        assertClean(everything(bad));

        SubmitterException unset = assertThrows(SubmitterException.class,
                () -> SigningKey.fromKeystore(keystore, PasswordSource.fromEnv("NO_SUCH_VAR", Map.of())));
        assertTrue(unset.getMessage().contains("NO_SUCH_VAR is not set"), unset.getMessage());

        Path notJson = Files.writeString(dir.resolve("garbage.json"), "{\"crypto\": 1, \"pw\": \"" + PASSWORD + "\"}");
        SubmitterException garbage = assertThrows(SubmitterException.class,
                () -> SigningKey.fromKeystore(notJson, PasswordSource.fromFile(wrong)));
        assertClean(everything(garbage));
    }

    /** A node on a closed port: start() retries with backoff, then refuses, naming the node; no secret anywhere. */
    @Test
    void closedPortFailsAfterRetriesWithoutLeakingSecrets() throws Exception {
        SigningKey key = SigningKey.fromKeystore(keystore, PasswordSource.fromFile(
                Files.writeString(dir.resolve("pw"), PASSWORD)));
        String url = "http://127.0.0.1:" + closedPort();
        SubmitterOptions options = SubmitterOptions.builder(31337, BigInteger.TEN.pow(11))
                .retries(3, Duration.ofMillis(20)).build();
        StatusRecorder statuses = new StatusRecorder();
        try (LogCapture logs = new LogCapture();
             Submitter s = Submitter.open(url, key, dir.resolve("journal"), SettledCheck.viewFunction("isSettled"),
                     options, statuses)) {
            NodeUnreachableException e = assertThrows(NodeUnreachableException.class, s::start);
            assertTrue(e.getMessage().contains(url) && e.getMessage().contains("eth_chainId failed 3 times"),
                    e.getMessage());
            assertClean(everything(e) + logs.text() + statuses.describe() + s);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
