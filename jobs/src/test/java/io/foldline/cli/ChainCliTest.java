package io.foldline.cli;

import static io.foldline.cli.CliRun.ok;
import static io.foldline.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.chain.evm.Anvil;
import io.foldline.chain.evm.Tools;
import io.foldline.circuits.json.JsonValue;
import io.foldline.circuits.ptau.TestPowersOfTau;
import io.foldline.cli.WindowCommands.DeciderSize;
import io.foldline.circuits.snarkjs.R1csFile;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The chain verbs as a user types them, on a real anvil: the smallest fixture model (credit_logreg) gets its
 * window keys on an insecure test ptau and a window of three rows; then deploy, submit, status, receipt
 * verify, and the ways they must refuse. The keystore holds anvil's public dev key 0.
 */
@Tag("slow")
class ChainCliTest {
    private static final Path MODELS = Path.of("../circuits/src/test/resources/models");
    private static final String PASSWORD = "not-a-real-secret-7f3a9c";
    private static final String WINDOW = "credit_logreg/0/3/0";

    @TempDir
    static Path dir;
    static Anvil anvil;
    static Credentials dev;
    static String keystore;

    static String p(String name) {
        return dir.resolve(name).toString();
    }

    @BeforeAll
    static void windowAndChain() throws Exception {
        String missing = Tools.missing();
        if (missing != null) {
            if (Boolean.parseBoolean(System.getProperty("foldline.requireInterop", "false"))) {
                Assertions.fail("chain tools: " + missing + " (-Dfoldline.requireInterop=true)");
            }
            Assumptions.abort("chain tools: " + missing);
        }
        ok("model", "compile", MODELS.resolve("credit_logreg.onnx").toString(), "--calibration",
                MODELS.resolve("credit_logreg.calibration.json").toString(), "--out", p("credit"));
        DeciderSize size = WindowCommands.deciderSize(R1csFile.read(dir.resolve("credit/circuit.r1cs")));
        TestPowersOfTau.write(dir.resolve("pot.ptau"), size.power(), "chain cli test");
        ok("window", "setup", p("credit"), p("pot.ptau"), p("keys"));
        ok("window", "prove", p("credit"), MODELS.resolve("credit_logreg.test.json").toString(), p("w.proof"),
                "--keys", p("keys"), "--limit", "3");
        anvil = Anvil.start();
        dev = anvil.devKey(0);
        Files.writeString(dir.resolve("key.pw"), PASSWORD + "\n");
        keystore = dir.resolve(WalletUtils.generateWalletFile(PASSWORD, dev.getEcKeyPair(), dir.toFile(), false))
                .toString();
    }

    @AfterAll
    static void stop() {
        if (anvil != null) {
            anvil.close();
        }
    }

    private static String[] keyFlags() {
        return new String[] {"--keystore", keystore, "--password-file", p("key.pw")};
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static CliRun noSecrets(CliRun r) {
        String all = r.out() + r.err();
        String key = dev.getEcKeyPair().getPrivateKey().toString(16);
        assertFalse(all.contains(PASSWORD), "password printed");
        assertFalse(all.contains(key), "private key printed");
        assertFalse(all.contains("\tat "), () -> "no stack trace:\n" + r.err());
        return r;
    }

    private static BigInteger nonce() throws IOException {
        return anvil.web3j().ethGetTransactionCount(dev.getAddress(), DefaultBlockParameterName.LATEST).send()
                .getTransactionCount();
    }

    @Test
    void deploySubmitStatusAndReceipts() throws IOException {
        CliRun d = noSecrets(ok(concat(new String[] {"chain", "deploy", p("keys"), "--rpc", anvil.rpcUrl(),
                "--chain-id", "31337", "--out", p("deployment.json")}, keyFlags())));
        JsonValue dep = JsonValue.parse(Files.readString(dir.resolve("deployment.json")), "deployment.json");
        String contract = dep.get("contract").asString();
        assertTrue(d.out().contains(contract) && d.out().contains("gas"), d.out());
        assertTrue(anvil.web3j().ethGetCode(contract, DefaultBlockParameterName.LATEST).send().getCode().length() > 1000,
                "code at the address");

        CliRun s = noSecrets(ok(concat(new String[] {"chain", "submit", p("deployment.json"), p("w.proof"),
                "--window", WINDOW}, keyFlags())));
        assertTrue(s.out().contains("CONFIRMED") && s.out().contains("per inference"), s.out());
        JsonValue receipts = JsonValue.parse(Files.readString(dir.resolve("w.proof.receipts.json")), "receipts");
        List<JsonValue> list = receipts.get("receipts").elements();
        assertEquals(3, list.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i, list.get(i).get("index").asLong(0, 3));
            assertEquals(2, list.get(i).get("path").elements().size(), "ceil(log2 3) siblings");
        }
        String root = receipts.get("receiptsRoot").asString();
        System.out.println(d.out() + s.out()); // the address and the gas, for the build log

        CliRun st = ok("chain", "status", p("deployment.json"), "--window", WINDOW);
        assertTrue(st.out().contains("settled") && st.out().contains(root), st.out());
        CliRun unknown = run("chain", "status", p("deployment.json"), "--window", "credit_logreg/0/3/1");
        assertEquals(1, unknown.code(), unknown.err());
        assertTrue(unknown.out().contains("not settled"), unknown.out());

        for (int i = 0; i < 3; i++) {
            CliRun v = ok("receipt", "verify", p("w.proof.receipts.json"), String.valueOf(i), p("deployment.json"));
            assertTrue(v.out().strip().endsWith("VERIFIED") && !v.out().contains("NOT"), v.out());
        }
        String leaf = list.get(1).get("leaf").asString();
        char last = leaf.charAt(leaf.length() - 1);
        String changed = leaf.substring(0, leaf.length() - 1) + (last == '0' ? '1' : '0');
        Files.writeString(dir.resolve("bad.receipts.json"),
                Files.readString(dir.resolve("w.proof.receipts.json")).replace(leaf, changed));
        CliRun bad = run("receipt", "verify", p("bad.receipts.json"), "1", "--rpc", anvil.rpcUrl(), "--contract",
                contract);
        assertEquals(1, bad.code(), bad.out() + bad.err());
        assertTrue(bad.out().contains("NOT VERIFIED") && bad.out().contains("isVerified is false"), bad.out());
        CliRun malformed = run("receipt", "verify", p("w.proof.receipts.json"), "3", p("deployment.json"));
        assertEquals(2, malformed.code(), malformed.err());

        BigInteger before = nonce();
        CliRun again = noSecrets(ok(concat(new String[] {"chain", "submit", p("deployment.json"), p("w.proof"),
                "--window", WINDOW}, keyFlags())));
        assertTrue(again.out().contains("already settled"), again.out());
        assertEquals(before, nonce(), "no second transaction");
    }

    @Test
    void everyVerbHasHelp() {
        for (String verb : List.of("chain deploy", "chain submit", "chain status", "receipt verify")) {
            CliRun r = run((verb + " --help").split(" "));
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("usage: foldline " + verb), r.out());
        }
    }

    @Test
    void aWrongChainIdIsRefusedBeforeSigning() throws IOException {
        BigInteger before = nonce();
        CliRun r = noSecrets(run(concat(new String[] {"chain", "deploy", p("keys"), "--rpc", anvil.rpcUrl(),
                "--chain-id", "1", "--out", p("wrong.json")}, keyFlags())));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("chain id") && r.err().contains("31337"), r.err());
        assertFalse(Files.exists(dir.resolve("wrong.json")));
        assertEquals(before, nonce());
    }

    @Test
    void aWrongPasswordNamesTheKeystoreOnly() throws IOException {
        Files.writeString(dir.resolve("wrong.pw"), "wrong-" + PASSWORD);
        CliRun r = noSecrets(run("chain", "deploy", p("keys"), "--rpc", anvil.rpcUrl(), "--chain-id", "31337",
                "--keystore", keystore, "--password-file", p("wrong.pw")));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(keystore) && r.err().contains("cannot decrypt"), r.err());
    }
}
