package io.foldline.cli;

import static io.foldline.cli.CliRun.ok;
import static io.foldline.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.aggregation.WindowProofFile;
import io.foldline.chain.evm.Anvil;
import io.foldline.chain.evm.Tools;
import io.foldline.chain.receipt.Receipts;
import io.foldline.circuits.json.JsonValue;
import io.foldline.circuits.ptau.TestPowersOfTau;
import io.foldline.cli.WindowCommands.DeciderSize;
import io.foldline.circuits.snarkjs.R1csFile;
import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.net.URLClassLoader;
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
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.Contract;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

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

    /**
     * The wrapper that 'window export web3j' writes compiles, deploys with its own static deploy, settles the
     * window through its submitWindow and answers isSettled and isVerified from the contract.
     */
    @Test
    void theWeb3jWrapperCompilesDeploysAndSettles() throws Exception {
        Path out = dir.resolve("web3j");
        CliRun r = ok("window", "export", "web3j", p("keys"), out.toString(), "--package", "t.gen");
        Path source = out.resolve("java/t/gen/WindowVerifier.java");
        assertTrue(r.out().contains(source.toString()) && r.out().contains("submitWindow"), r.out());
        JsonValue abi = JsonValue.parse(Files.readString(out.resolve("WindowVerifier.abi")), "WindowVerifier.abi");
        String startType = abi.elements().stream().filter(d -> d.has("name")
                && d.get("name").asString().equals("submitWindow")).findFirst().orElseThrow()
                .get("inputs").elements().get(2).get("type").asString();
        assertTrue(startType.matches("uint256\\[\\d+\\]") && Files.size(out.resolve("WindowVerifier.bin")) > 1000,
                startType);
        int startWords = Integer.parseInt(startType.substring(8, startType.length() - 1));

        try (URLClassLoader loader = GeneratedWrappers.compile(source, dir.resolve("web3j-classes"))) {
            Class<?> w = loader.loadClass("t.gen.WindowVerifier");
            // web3j wrappers send legacy transactions (gasPrice); anvil takes them above its base fee
            ContractGasProvider gas = new StaticGasProvider(BigInteger.valueOf(10_000_000_000L),
                    BigInteger.valueOf(8_000_000));
            // signed with the chain id (EIP-155), receipts polled every 100 ms rather than web3j's 15 s
            TransactionManager tm = new RawTransactionManager(anvil.web3j(), anvil.devKey(1), anvil.chainId(),
                    new PollingTransactionReceiptProcessor(anvil.web3j(), 100, 600));
            Contract v = (Contract) ((RemoteCall<?>) w.getMethod("deploy", Web3j.class, TransactionManager.class,
                    ContractGasProvider.class).invoke(null, anvil.web3j(), tm, gas)).send();
            assertTrue(anvil.web3j().ethGetCode(v.getContractAddress(), DefaultBlockParameterName.LATEST).send()
                    .getCode().length() > 1000, "code at " + v.getContractAddress());

            byte[] id = Receipts.windowId(WINDOW);
            Method isSettled = w.getMethod("isSettled", byte[].class);
            assertEquals(Boolean.FALSE, ((RemoteCall<?>) isSettled.invoke(v, (Object) id)).send());
            String calldata = ok("window", "export", "soliditycalldata", p("w.proof"), "--window", WINDOW).out();
            TransactionReceipt tx = (TransactionReceipt) ((RemoteCall<?>) w.getMethod("submitWindow", byte[].class,
                    byte[].class, List.class, List.class, List.class)
                    .invoke(v, GeneratedWrappers.submitArguments(calldata, startWords))).send();
            assertTrue(tx.isStatusOK(), () -> "submitWindow reverted: " + tx.getRevertReason());
            assertEquals(Boolean.TRUE, ((RemoteCall<?>) isSettled.invoke(v, (Object) id)).send());

            List<byte[]> leaves = Receipts.leavesOf(id, WindowProofFile.read(dir.resolve("w.proof")));
            Method isVerified = w.getMethod("isVerified", byte[].class, byte[].class, BigInteger.class, List.class);
            byte[] other = leaves.get(1).clone();
            other[31] ^= 1;
            for (int i = 0; i < leaves.size(); i++) {
                assertEquals(Boolean.TRUE, ((RemoteCall<?>) isVerified.invoke(v, id, leaves.get(i),
                        BigInteger.valueOf(i), Receipts.path(leaves, i))).send(), "receipt " + i);
            }
            assertEquals(Boolean.FALSE, ((RemoteCall<?>) isVerified.invoke(v, id, other, BigInteger.ONE,
                    Receipts.path(leaves, 1))).send(), "a changed leaf");
            System.out.println("web3j wrapper: deployed at " + v.getContractAddress() + ", submitWindow gas "
                    + tx.getGasUsed());
        }
    }

    @Test
    void web3jExportRefusesBadInput() {
        CliRun pkg = run("window", "export", "web3j", p("keys"), p("web3j-bad"), "--package", "t.class");
        assertEquals(2, pkg.code(), pkg.err());
        assertTrue(pkg.err().contains("--package t.class"), pkg.err());
        CliRun keys = run("window", "export", "web3j", p("no-such-keys"), p("web3j-bad"));
        assertEquals(2, keys.code(), keys.err());
        assertTrue(keys.err().contains("verification_key.json"), keys.err());
        assertFalse(Files.exists(dir.resolve("web3j-bad")), "nothing written");
    }

    @Test
    void everyVerbHasHelp() {
        for (String verb : List.of("chain deploy", "chain submit", "chain status", "receipt verify",
                "window export web3j")) {
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
