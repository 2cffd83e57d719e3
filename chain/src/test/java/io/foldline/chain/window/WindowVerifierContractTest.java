package io.foldline.chain.window;

import io.foldline.chain.evm.ChainTools;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.aggregation.CommittedInstance;
import io.foldline.aggregation.DeciderProof;
import io.foldline.aggregation.WindowProof;
import io.foldline.chain.evm.Anvil;
import io.foldline.chain.evm.ChainException;
import io.foldline.chain.evm.Compiled;
import io.foldline.chain.evm.Evm;
import io.foldline.chain.evm.SolcJs;
import io.foldline.chain.receipt.Receipts;
import io.foldline.circuits.groth16.Proof;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The generated WindowVerifier of digits_mlp on anvil: windows of 1, 2, 5, 16, 64 and 256 inferences settle
 * and every receipt verifies; every tampering that the Java WindowVerifierTest rejects reverts on chain; a
 * settled window cannot be submitted again. Prints the gas table of BENCHMARKS.md (never asserted).
 * Slow: the window setup (about a minute) and the proofs of 344 inferences.
 */
@Tag("slow")
class WindowVerifierContractTest {
    private static final long GAS_LIMIT = 16_000_000;
    private static final String MODEL = "digits_mlp";
    private static ModelWindows digits;
    private static Anvil anvil;
    private static Evm evm;
    private static Credentials from;
    private static Compiled compiled;
    private static String address;
    private static String probe;
    private static String libraryProbe;
    private static int tries;

    @BeforeAll
    static void deploy() {
        ChainTools.require();
        digits = ModelWindows.of(MODEL);
        String source = WindowVerifierSolidity.generate(digits.keysDir);
        Compiled c = SolcJs.withOptimizerRuns(WindowVerifierSolidity.OPTIMIZER_RUNS)
                .compile("WindowVerifier.sol", source, WindowVerifierSolidity.CONTRACT_NAME);
        System.out.printf("WindowVerifier of %s: %d bytes of runtime code (limit %d)%n", MODEL,
                c.runtimeBytes(), Compiled.MAX_RUNTIME_BYTES);
        assertTrue(c.runtimeBytes() < Compiled.MAX_RUNTIME_BYTES, c.runtimeBytes() + " bytes");
        compiled = c;
        anvil = Anvil.start();
        evm = anvil.evm();
        from = anvil.devKey(0);
        probe = evm.deploy(from, SolcJs.defaults().compile("IsVerifiedProbe.sol", ContractCalls.PROBE_SOURCE,
                "IsVerifiedProbe")).address();
        libraryProbe = evm.deploy(from, SolcJs.withOptimizerRuns(WindowVerifierSolidity.OPTIMIZER_RUNS).compile(
                "LibraryProbe.sol", source + ContractCalls.LIBRARY_PROBE_SOURCE, "LibraryProbe")).address();
    }

    /** A fresh contract per test: a start instance settles once, and the tests share the window proofs. */
    @BeforeEach
    void deployVerifier() {
        Evm.Deployed d = evm.deploy(from, compiled);
        address = d.address();
        System.out.printf("WindowVerifier deployment: %d gas%n", d.gasUsed());
    }

    @AfterAll
    static void stop() {
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    void windowsOf16And64And256SettleAndEveryReceiptVerifies() throws IOException {
        for (int n : new int[] {16, 64, 256}) {
            WindowProof p = digits.window(n);
            assertTrue(digits.keys.verifier().verify(p), "the Java verifier accepts the window of " + n);
            byte[] id = Receipts.windowId(MODEL + "/test/" + n);
            byte[] calldata = WindowCalldata.encode(id, p);
            Evm.Sent sent = evm.send(from, address, calldata, GAS_LIMIT);
            assertTrue(sent.status(), "window of " + n + " reverted: " + sent.revertReason());
            List<byte[]> leaves = Receipts.leavesOfSignals(id, p.instances().stream().map(CommittedInstance::x)
                    .toList());
            byte[] root = Receipts.root(leaves);
            assertArrayEquals(root, ContractCalls.receiptsRoot(evm, address, id), "stored root of " + n);
            assertEveryReceiptVerifies(id, leaves);
            long asTx = ContractCalls.isVerifiedGas(evm, from.getAddress(), address, id, leaves.get(n - 1), n - 1,
                    Receipts.path(leaves, n - 1));
            long fromContract = ContractCalls.isVerifiedGasFromContract(evm, probe, address, id, leaves.get(n - 1),
                    n - 1, Receipts.path(leaves, n - 1));
            long withLibrary = ContractCalls.isVerifiedGasFromContract(evm, libraryProbe, address, id,
                    leaves.get(n - 1), n - 1, Receipts.path(leaves, n - 1));
            printGas(MODEL, n, sent, calldata, withLibrary, fromContract, Receipts.path(leaves, 0).size(), asTx);
            // the holder at the CREATE2 address of (verifier, window id) has code 0x00 || root
            String code = evm.web3j().ethGetCode(WindowVerifierSolidity.holderAddress(address, id),
                    DefaultBlockParameterName.LATEST).send().getCode();
            assertEquals("0x00" + HexFormat.of().formatHex(root), code, "holder code of " + n);
            Evm.Sent again = evm.send(from, address, calldata, GAS_LIMIT);
            assertFalse(again.status(), "a second submission of the window of " + n);
            byte[] otherId = Receipts.windowId(MODEL + "/copy/" + n);
            Evm.Sent copy = evm.send(from, address, WindowCalldata.encode(otherId, p), GAS_LIMIT);
            assertFalse(copy.status(), "the window of " + n + " settled again under another id");
        }
    }

    private static void printGas(String model, int n, Evm.Sent sent, byte[] calldata, long withLibrary,
                                 long fromContract, int pathLength, long asTx) {
        long calldataGas = ContractCalls.calldataGas(calldata);
        System.out.printf("GAS %s N=%d: submitWindow %d gas, %.0f per inference, calldata %d bytes (%d gas, "
                        + "EIP-7623 floor %d), execution %d; from a contract, FoldlineReceipts.isVerified %d gas, "
                        + "the verifier's isVerified %d (path of %d); as a transaction %d beyond base and calldata%n",
                model, n, sent.gasUsed(), sent.gasUsed() / (double) n, calldata.length, calldataGas,
                ContractCalls.calldataFloor(calldata), sent.gasUsed() - 21_000 - calldataGas, withLibrary,
                fromContract, pathLength, asTx);
    }

    /**
     * The credit scoring model (n = 4 public signals: h_in, the score, the class, the tag) at N = 256: its own
     * generated verifier settles the window, every receipt verifies, and the gas line is printed beside
     * digits_mlp's (n = 12), whose ten logits cost calldata, transcript words and folding per inference.
     */
    @Test
    void aCreditWindowOf256Settles() {
        ModelWindows credit = ModelWindows.of("credit_logreg");
        Compiled c = SolcJs.withOptimizerRuns(WindowVerifierSolidity.OPTIMIZER_RUNS)
                .compile("WindowVerifier.sol", WindowVerifierSolidity.generate(credit.keysDir),
                        WindowVerifierSolidity.CONTRACT_NAME);
        String at = evm.deploy(from, c).address();
        int n = 256;
        WindowProof p = credit.window(n);
        assertTrue(credit.keys.verifier().verify(p), "the Java verifier accepts the credit window");
        byte[] id = Receipts.windowId(credit.model + "/test/" + n);
        byte[] calldata = WindowCalldata.encode(id, p);
        Evm.Sent sent = evm.send(from, at, calldata, GAS_LIMIT);
        assertTrue(sent.status(), "credit window reverted: " + sent.revertReason());
        List<byte[]> leaves = Receipts.leavesOfSignals(id, p.instances().stream().map(CommittedInstance::x).toList());
        assertArrayEquals(Receipts.root(leaves), ContractCalls.receiptsRoot(evm, at, id), "stored root");
        for (int i = 0; i < n; i += 17) {
            assertTrue(ContractCalls.isVerified(evm, at, id, leaves.get(i), i, Receipts.path(leaves, i)), "receipt " + i);
        }
        List<byte[]> path = Receipts.path(leaves, n - 1);
        printGas(credit.model, n, sent, calldata,
                ContractCalls.isVerifiedGasFromContract(evm, libraryProbe, at, id, leaves.get(n - 1), n - 1, path),
                ContractCalls.isVerifiedGasFromContract(evm, probe, at, id, leaves.get(n - 1), n - 1, path), path.size(),
                ContractCalls.isVerifiedGas(evm, from.getAddress(), at, id, leaves.get(n - 1), n - 1, path));
    }

    /** Submitters check protocol() first: another contract (here the test's probe) is refused by name. */
    @Test
    void theProtocolCheckAcceptsTheVerifierAndRefusesAnotherContract() {
        WindowVerifierViews.requireProtocol(evm, address);
        ChainException e = assertThrows(ChainException.class, () -> WindowVerifierViews.requireProtocol(evm, probe));
        assertTrue(e.getMessage().contains(probe) && e.getMessage().contains(WindowVerifierSolidity.PROTOCOL)
                && e.getMessage().contains("deploy the model's verifier again"), e.getMessage());
    }

    /** Sizes that are not powers of two pad the tree with zero leaves; paths of 0, 1 and 3 levels (odd ones). */
    @Test
    void windowsOf1And2And5SettleAndEveryReceiptVerifies() {
        for (int n : new int[] {1, 2, 5}) {
            WindowProof p = digits.window(n);
            byte[] id = Receipts.windowId(MODEL + "/small/" + n);
            Evm.Sent sent = evm.send(from, address, WindowCalldata.encode(id, p), GAS_LIMIT);
            assertTrue(sent.status(), "window of " + n + " reverted: " + sent.revertReason());
            List<byte[]> leaves = Receipts.leavesOfSignals(id, p.instances().stream().map(CommittedInstance::x)
                    .toList());
            assertArrayEquals(Receipts.root(leaves), ContractCalls.receiptsRoot(evm, address, id), "stored root of " + n);
            assertEveryReceiptVerifies(id, leaves);
            if (n > 1) {
                List<byte[]> path = Receipts.path(leaves, n - 1);
                assertFalse(ContractCalls.isVerified(evm, address, id, leaves.get(n - 2), n - 1, path),
                        "a neighbouring leaf at the last index of " + n);
            }
        }
    }

    private static void assertEveryReceiptVerifies(byte[] id, List<byte[]> leaves) {
        for (int i = 0; i < leaves.size(); i++) {
            assertTrue(ContractCalls.isVerified(evm, address, id, leaves.get(i), i, Receipts.path(leaves, i)),
                    "receipt " + i + " of " + leaves.size());
        }
    }

    @Test
    void aChangedLeafIndexOrPathDoesNotVerify() {
        WindowProof p = digits.window(16);
        byte[] id = Receipts.windowId(MODEL + "/receipts/16");
        assertTrue(evm.send(from, address, WindowCalldata.encode(id, p), GAS_LIMIT).status());
        List<byte[]> leaves = Receipts.leavesOfSignals(id, p.instances().stream().map(CommittedInstance::x).toList());
        List<byte[]> path = Receipts.path(leaves, 5);
        assertTrue(ContractCalls.isVerified(evm, address, id, leaves.get(5), 5, path), "control");
        byte[] changed = leaves.get(5).clone();
        changed[31] ^= 1;
        assertFalse(ContractCalls.isVerified(evm, address, id, changed, 5, path), "changed leaf");
        assertFalse(ContractCalls.isVerified(evm, address, id, leaves.get(6), 5, path), "another leaf");
        assertFalse(ContractCalls.isVerified(evm, address, id, leaves.get(5), 4, path), "another index");
        assertFalse(ContractCalls.isVerified(evm, address, id, leaves.get(5), 5 + 16, path), "index beyond the tree");
        List<byte[]> badPath = new ArrayList<>(path);
        byte[] sibling = badPath.get(2).clone();
        sibling[0] ^= 1;
        badPath.set(2, sibling);
        assertFalse(ContractCalls.isVerified(evm, address, id, leaves.get(5), 5, badPath), "changed sibling");
        assertFalse(ContractCalls.isVerified(evm, address, id, leaves.get(5), 5, path.subList(0, 3)), "short path");
        byte[] otherId = Receipts.windowId(MODEL + "/never-settled");
        assertFalse(ContractCalls.isVerified(evm, address, otherId, leaves.get(5), 5, path), "unsettled window");
        // the consumer library reads the same root
        assertTrue(ContractCalls.probeSays(evm, libraryProbe, address, id, leaves.get(5), 5, path), "library control");
        assertFalse(ContractCalls.probeSays(evm, libraryProbe, address, id, changed, 5, path), "library: changed leaf");
        assertFalse(ContractCalls.probeSays(evm, libraryProbe, address, id, leaves.get(5), 4, path),
                "library: another index");
        assertFalse(ContractCalls.probeSays(evm, libraryProbe, address, otherId, leaves.get(5), 5, path),
                "library: unsettled window");
        assertFalse(ContractCalls.probeSays(evm, libraryProbe, probe, id, leaves.get(5), 5, path),
                "library: another verifier address");
        // the README's consumer example builds the leaf from the signals and asks the library
        Compiled desk = SolcJs.defaults().compile("CreditDesk.sol", WindowVerifierSolidity.generate(digits.keysDir)
                + ContractCalls.readmeConsumerExample(), "CreditDesk");
        String deskAt = evm.deploy(from, desk, List.of(new Address(address))).address();
        Fr[] x = p.instances().get(5).x();
        assertTrue(ContractCalls.creditDeskSays(evm, deskAt, id, 5, x, path), "README example: inference 5");
        x[3] = x[3].add(Fr.ONE);
        assertFalse(ContractCalls.creditDeskSays(evm, deskAt, id, 5, x, path), "README example: a changed output");
        // a leaf of another window id does not verify under this one
        byte[] foreign = Receipts.leafOfSignals(otherId, 5, p.instances().get(5).x());
        assertFalse(ContractCalls.isVerified(evm, address, id, foreign, 5, path), "leaf of another window");
    }

    @Test
    void everyTamperingReverts() {
        WindowProof w = digits.window(16);
        CommittedInstance s = w.start();
        DeciderProof d = w.decider();
        Proof g = d.groth16();
        int n = w.nPublic();
        Map<String, WindowProof> cases = new LinkedHashMap<>();
        cases.put("instance commitment", w(w, changeInstance(w, 1, c -> CommittedInstance.fresh(
                c.commitment().add(G1Affine.GENERATOR), c.x())), w.crossTerms(), d));
        cases.put("h_in", w(w, changeSignal(w, 2, 0), w.crossTerms(), d));
        cases.put("an output", w(w, changeSignal(w, 3, 1), w.crossTerms(), d));
        cases.put("the last output", w(w, changeSignal(w, 3, n - 2), w.crossTerms(), d));
        cases.put("tag", w(w, changeSignal(w, 15, n - 1), w.crossTerms(), d));
        List<G1Affine> ct = new ArrayList<>(w.crossTerms());
        ct.set(7, ct.get(7).add(G1Affine.GENERATOR));
        cases.put("cross term", w(w, w.instances(), ct, d));
        cases.put("start K0", new WindowProof(new CommittedInstance(s.commitment().add(G1Affine.GENERATOR), s.u(),
                s.x()), w.instances(), w.crossTerms(), d));
        cases.put("start u0", new WindowProof(new CommittedInstance(s.commitment(), s.u().add(Fr.ONE), s.x()),
                w.instances(), w.crossTerms(), d));
        Fr[] x0 = s.x();
        x0[0] = x0[0].add(Fr.ONE);
        cases.put("start x0", new WindowProof(new CommittedInstance(s.commitment(), s.u(), x0), w.instances(),
                w.crossTerms(), d));
        List<CommittedInstance> swapped = new ArrayList<>(w.instances());
        Collections.swap(swapped, 0, 1);
        cases.put("two instances swapped", w(w, swapped, w.crossTerms(), d));
        List<G1Affine> ctSwapped = new ArrayList<>(w.crossTerms());
        Collections.swap(ctSwapped, 0, 1);
        cases.put("two instances and their K_T swapped", w(w, swapped, ctSwapped, d));
        for (int i : new int[] {0, 15}) {
            List<CommittedInstance> in = new ArrayList<>(w.instances());
            List<G1Affine> t = new ArrayList<>(w.crossTerms());
            in.remove(i);
            t.remove(i);
            cases.put("instance " + i + " dropped", w(w, in, t, d));
        }
        List<CommittedInstance> dup = new ArrayList<>(w.instances());
        List<G1Affine> dupT = new ArrayList<>(w.crossTerms());
        dup.add(5, dup.get(4));
        dupT.add(5, dupT.get(4));
        cases.put("instance duplicated", w(w, dup, dupT, d));
        cases.put("decider A", w(w, w.instances(), w.crossTerms(), new DeciderProof(new Proof(
                g.a().add(G1Affine.GENERATOR), g.b(), g.c()), d.zeta(), d.v(), d.kzgProof())));
        cases.put("decider C", w(w, w.instances(), w.crossTerms(), new DeciderProof(new Proof(
                g.a(), g.b(), g.c().add(G1Affine.GENERATOR)), d.zeta(), d.v(), d.kzgProof())));
        cases.put("KZG proof", w(w, w.instances(), w.crossTerms(), new DeciderProof(g, d.zeta(), d.v(),
                d.kzgProof().add(G1Affine.GENERATOR))));
        cases.put("zeta", w(w, w.instances(), w.crossTerms(), new DeciderProof(g, d.zeta().add(Fr.ONE), d.v(),
                d.kzgProof())));
        cases.put("v", w(w, w.instances(), w.crossTerms(), new DeciderProof(g, d.zeta(), d.v().add(Fr.ONE),
                d.kzgProof())));
        for (Map.Entry<String, WindowProof> e : cases.entrySet()) {
            assertFalse(digits.keys.verifier().verify(e.getValue()), "the Java verifier rejects: " + e.getKey());
            assertReverts(WindowCalldata.encode(freshId(), e.getValue()), e.getKey());
        }
        byte[] c3 = WindowCalldata.instance(w.instances().get(3), w.crossTerms().get(3));
        BigInteger hIn = w.instances().get(3).x(0).toBigInteger();
        BigInteger tag = w.instances().get(3).x(n - 1).toBigInteger();
        assertReverts(withRecord(w, 3, withWord(c3, 64, hIn.add(Fr.MODULUS))), "h_in + r (not canonical)");
        assertReverts(withRecord(w, 3, withWord(c3, 96, tag.add(Fr.MODULUS))), "tag + r (not canonical)");
        BigInteger[] middle = WindowCalldata.signals(w.instances().get(3));
        middle[4] = Fr.MODULUS; // forces the 32-byte width, where each middle signal must be below r
        assertReverts(withRecord(w, 3, WindowCalldata.record(Arrays.copyOf(c3, 64), middle)), "an output = r");
        assertReverts(withRecord(w, 3, Arrays.copyOf(c3, c3.length - 1)), "a record one byte short");
        byte[] offCurve = c3.clone();
        offCurve[63] ^= 1;
        assertReverts(withRecord(w, 3, offCurve), "C off the curve");
        byte[] control = WindowCalldata.encode(freshId(), w);
        byte[] last = WindowCalldata.instance(w.instances().get(15), w.crossTerms().get(15));
        assertReverts(withRecord(w, 15, Arrays.copyOf(last, last.length + 1)), "a trailing byte after the last record");
        assertReverts(Arrays.copyOf(control, control.length - 64), "truncated calldata");
        // control: the untouched window still settles, here with record 3's outputs in 8 bytes each (the same
        // values, so the same fold: another width is only wasteful); its start instance then settles no more
        assertTrue(evm.send(from, address, withRecord(w, 3, widened(c3)), GAS_LIMIT).status(),
                "the untouched window, record 3 widened");
        assertReverts(control, "the same window again, under another id");
    }

    /** Calldata whose record {@code i} is {@code record}, every other one encoded as usual. */
    private static byte[] withRecord(WindowProof w, int i, byte[] record) {
        return WindowCalldata.encode(freshId(), w, at -> at == i ? record
                : WindowCalldata.instance(w.instances().get(at), w.crossTerms().get(at)));
    }

    private static byte[] withWord(byte[] record, int at, BigInteger value) {
        byte[] out = record.clone();
        byte[] v = value.toByteArray();
        Arrays.fill(out, at, at + 32, (byte) 0);
        int take = Math.min(v.length, 32);
        System.arraycopy(v, v.length - take, out, at + 32 - take, take);
        return out;
    }

    /** The same record with its middle signals re-encoded 8 bytes wide. */
    private static byte[] widened(byte[] record) {
        int w = record[128];
        int count = (record.length - 129) / w;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(record, 0, 128);
        out.write(8);
        for (int j = 0; j < count; j++) {
            BigInteger v = new BigInteger(Arrays.copyOfRange(record, 129 + j * w, 129 + (j + 1) * w));
            byte[] wide = new byte[8];
            Arrays.fill(wide, v.signum() < 0 ? (byte) 0xff : 0);
            byte[] b = v.toByteArray();
            System.arraycopy(b, 0, wide, 8 - b.length, b.length);
            out.writeBytes(wide);
        }
        return out.toByteArray();
    }

    private void assertReverts(byte[] calldata, String what) {
        Evm.Sent sent = evm.send(from, address, calldata, GAS_LIMIT);
        assertFalse(sent.status(), what + " settled on chain");
    }

    private static byte[] freshId() {
        return Receipts.windowId(MODEL + "/tampered/" + (tries++));
    }

    private static WindowProof w(WindowProof base, List<CommittedInstance> instances, List<G1Affine> crossTerms,
                                 DeciderProof d) {
        return new WindowProof(base.start(), instances, crossTerms, d);
    }

    private static List<CommittedInstance> changeInstance(WindowProof w, int i, UnaryOperator<CommittedInstance> f) {
        List<CommittedInstance> out = new ArrayList<>(w.instances());
        out.set(i, f.apply(out.get(i)));
        return out;
    }

    private static List<CommittedInstance> changeSignal(WindowProof w, int i, int signal) {
        return changeInstance(w, i, c -> {
            Fr[] x = c.x();
            x[signal] = x[signal].add(Fr.ONE);
            return CommittedInstance.fresh(c.commitment(), x);
        });
    }
}
