package io.foldline.chain.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.chain.evm.Anvil;
import io.foldline.chain.evm.Compiled;
import io.foldline.chain.evm.Evm;
import io.foldline.chain.evm.SolcJs;
import io.foldline.circuits.snarkjs.ProofJson;
import io.foldline.circuits.snarkjs.PublicJson;
import io.foldline.circuits.snarkjs.ZkeyFile;
import io.foldline.crypto.bn254.Fq;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our generated verifier on a real anvil chain with a real proof from our prover (3 public inputs): it accepts
 * the proof, rejects every tampered element by returning false, and agrees with snarkjs's exported verifier
 * and calldata on the same key and proof.
 */
@Tag("interop")
class SolidityVerifierTest {
    private static final int N = 3;
    private static final byte[] TRUE = word(BigInteger.ONE);
    private static final byte[] FALSE = word(BigInteger.ZERO);

    @TempDir
    static Path dir;
    private static Anvil anvil;
    private static Evm evm;
    private static PowersCircuit.Fixture fixture;
    private static List<BigInteger> words;
    private static String ours;

    @BeforeAll
    static void setUp() {
        Snarkjs.require();
        fixture = PowersCircuit.prove(N, 7, dir);
        words = SolidityCalldata.words(fixture.proof(), fixture.publicSignals());
        anvil = Anvil.start();
        evm = anvil.evm();
        Compiled c = SolcJs.defaults().compile("Verifier.sol",
                SolidityVerifier.generate(fixture.pk().verifyingKey(), "PowersVerifier"), "PowersVerifier");
        assertTrue(c.runtimeBytes() < Compiled.MAX_RUNTIME_BYTES, c.runtimeBytes() + " bytes");
        ours = evm.deploy(anvil.devKey(0), c).address();
    }

    @AfterAll
    static void tearDown() {
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    void acceptsTheProofInACallAndATransaction() {
        assertEquals(hex(TRUE), hex(evm.call(ours, SolidityCalldata.verifyProofCall(words))));
        Evm.Sent tx = evm.send(anvil.devKey(1), ours, SolidityCalldata.verifyProofCall(words), 1_000_000);
        assertTrue(tx.status());
        // 21k intrinsic + calldata + 181k pairing + 6.15k per input is the floor; the snarkjs reference is ~228k
        assertTrue(tx.gasUsed() > 200_000 && tx.gasUsed() < 240_000, "gas " + tx.gasUsed());
    }

    @Test
    void everyTamperedElementIsFalse() {
        BigInteger r = Fr.MODULUS;
        List<String> names = List.of("A.x", "A.y", "B.x.c1", "B.x.c0", "B.y.c1", "B.y.c0", "C.x", "C.y");
        for (int i = 0; i < 8 + N; i++) {
            String what = i < 8 ? names.get(i) : "public signal " + (i - 8);
            assertFalse(verifies(ours, set(i, words.get(i).add(BigInteger.ONE))), what + " + 1");
        }
        for (int i = 8; i < 8 + N; i++) {
            assertFalse(verifies(ours, set(i, words.get(i).add(r))), "signal " + (i - 8) + " + r (same residue, >= r)");
            assertFalse(verifies(ours, set(i, r)), "signal " + (i - 8) + " = r");
        }
        // valid curve points, wrong values: the pairing check itself must fail
        G1Affine a2 = fixture.proof().a().add(G1Affine.GENERATOR);
        assertFalse(verifies(ours, set(0, a2.x().toBigInteger(), 1, a2.y().toBigInteger())), "A + G");
        G1Affine c2 = fixture.proof().c().neg();
        assertFalse(verifies(ours, set(6, c2.x().toBigInteger(), 7, c2.y().toBigInteger())), "-C");
        // proof.json's order for B (real part first) is not the ABI's
        assertFalse(verifies(ours, set(2, words.get(3), 3, words.get(2), 4, words.get(5), 5, words.get(4))),
                "B in proof.json order");
        assertFalse(verifies(ours, set(6, words.get(0), 7, words.get(1))), "C = A");
        assertFalse(verifies(ours, set(1, Fq.MODULUS.subtract(words.get(1)))), "-A");
    }

    @Test
    void snarkjsAgreesOnVerifierAndCalldata() throws Exception {
        Path zkey = dir.resolve("powers.zkey");
        ZkeyFile.write(fixture.pk().zkey(), zkey);
        Snarkjs.run(dir, "zkey", "export", "solidityverifier", "powers.zkey", "snarkjs_verifier.sol");
        Compiled theirs = SolcJs.defaults().compile("snarkjs_verifier.sol",
                Files.readString(dir.resolve("snarkjs_verifier.sol"), StandardCharsets.UTF_8), "Groth16Verifier");
        String address = evm.deploy(anvil.devKey(0), theirs).address();
        assertTrue(verifies(address, words), "snarkjs's verifier accepts our proof");
        assertFalse(verifies(address, set(8, words.get(8).add(BigInteger.ONE))), "snarkjs's verifier, wrong input");

        ProofJson proof = fixture.proof().toJson();
        PublicJson pub = new PublicJson(fixture.publicSignals());
        proof.write(dir.resolve("proof.json"));
        pub.write(dir.resolve("public.json"));
        String text = Snarkjs.run(dir, "zkey", "export", "soliditycalldata", "public.json", "proof.json");
        assertEquals(text.strip(), SolidityCalldata.text(proof, pub));
    }

    private static boolean verifies(String address, List<BigInteger> w) {
        byte[] out = evm.call(address, SolidityCalldata.verifyProofCall(w));
        if (hex(out).equals(hex(TRUE))) {
            return true;
        }
        assertEquals(hex(FALSE), hex(out), "verifyProof returns a bool");
        return false;
    }

    /** The proof words with (index, value) pairs replaced. */
    private static List<BigInteger> set(Object... pairs) {
        List<BigInteger> w = new ArrayList<>(words);
        for (int i = 0; i < pairs.length; i += 2) {
            w.set((Integer) pairs[i], (BigInteger) pairs[i + 1]);
        }
        return w;
    }

    static byte[] word(BigInteger v) {
        byte[] out = new byte[32];
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, 32 - len, len);
        return out;
    }

    static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

}
