package io.foldline.chain.window;

import io.foldline.chain.evm.ChainTools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.aggregation.CommittedInstance;
import io.foldline.aggregation.FoldTranscript;
import io.foldline.aggregation.Nifs;
import io.foldline.chain.evm.Anvil;
import io.foldline.chain.evm.ChainException;
import io.foldline.chain.evm.Compiled;
import io.foldline.chain.evm.Evm;
import io.foldline.chain.evm.SolcJs;
import io.foldline.circuits.groth16.VerifyingKey;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import io.foldline.crypto.hash.Keccak256;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The contract's fold (its {@code foldStep}, the code {@code submitWindow} runs per inference) against the Java
 * transcript and {@link Nifs#verify}: the package documentation's worked example for a one-signal circuit,
 * random folds for a twelve-signal one (full-width signals, and each raw or 32-byte one at r refused) and narrow
 * signals of a five-signal one. The Groth16 and KZG constants of these contracts are arbitrary
 * points: only the fold is exercised.
 */
@Tag("interop")
class FoldTranscriptAgreementTest {
    private static final HexFormat HEX = HexFormat.of();
    /** vkDigest of the worked example's circuit x * x = y. */
    private static final byte[] EXAMPLE_DIGEST =
            HEX.parseHex("41c695c86e3f908525f88187625c1f469f5494ea543deb47e7d1ab9cd31550ca");
    private static final BigInteger EXAMPLE_R =
            new BigInteger("196be18a0ac5a38cc531048346f6012805ffcef9d6c1f75d877816b26aae82e4", 16);

    @Test
    void workedExampleOfTheFoldTranscript() {
        ChainTools.require();
        try (Anvil anvil = Anvil.start()) {
            String address = deploy(anvil, syntheticKey(EXAMPLE_DIGEST, 1));
            G1Affine g = G1Affine.GENERATOR;
            CommittedInstance acc = new CommittedInstance(g, Fr.of(3), new Fr[] {Fr.of(5)});
            CommittedInstance fresh = CommittedInstance.fresh(g.mul(Fr.of(2)), new Fr[] {Fr.of(4)});
            G1Affine kt = g.mul(Fr.of(3));
            BigInteger[] out = foldStep(anvil.evm(), address, acc, fresh, kt);
            assertEquals(EXAMPLE_R, out[0], "r from the package documentation");
            Fr r = Fr.of(EXAMPLE_R);
            assertEquals(g.mul(Fr.ONE.add(Fr.of(5).mul(r))), point(out, 1), "K' = (1 + 5 r) G1");
            assertEquals(Fr.of(3).add(r), Fr.of(out[3]), "u' = 3 + r");
            assertEquals(Fr.of(5).add(Fr.of(4).mul(r)), Fr.of(out[4]), "x' = 5 + 4 r");
        }
    }

    @Test
    void randomFoldsOfATwelveSignalCircuitAgreeWithNifs() {
        ChainTools.require();
        SplittableRandom rng = new SplittableRandom(12);
        byte[] digest = new byte[32];
        rng.nextBytes(digest);
        try (Anvil anvil = Anvil.start()) {
            String address = deploy(anvil, syntheticKey(digest, 12));
            for (int k = 0; k < 4; k++) {
                CommittedInstance acc = new CommittedInstance(randomPoint(rng), Fr.random(rng), randomScalars(rng, 12));
                CommittedInstance fresh = CommittedInstance.fresh(randomPoint(rng), randomScalars(rng, 12));
                G1Affine kt = k == 3 ? G1Affine.INFINITY : randomPoint(rng);
                BigInteger[] out = foldStep(anvil.evm(), address, acc, fresh, kt);
                assertEquals(FoldTranscript.challenge(digest, acc, fresh, kt).toBigInteger(), out[0], "r of fold " + k);
                CommittedInstance folded = Nifs.verify(digest, acc, fresh, kt);
                assertEquals(folded.commitment(), point(out, 1), "K' of fold " + k);
                assertEquals(folded.u(), Fr.of(out[3]), "u' of fold " + k);
                assertEquals(List.of(folded.x()), scalars(out, 4, 16), "x' of fold " + k);
            }
            // a public signal at or above r is refused, not reduced: h_in, the tag, a 32-byte middle signal
            CommittedInstance acc = new CommittedInstance(randomPoint(rng), Fr.ONE, randomScalars(rng, 12));
            CommittedInstance fresh = CommittedInstance.fresh(randomPoint(rng), randomScalars(rng, 12));
            byte[] c = randomPoint(rng).toBytesBE();
            for (int at : new int[] {0, 11, 5}) {
                BigInteger[] s = new BigInteger[12];
                for (int j = 0; j < 12; j++) {
                    s[j] = j == at ? Fr.MODULUS : fresh.x(j).toBigInteger();
                }
                byte[] bad = WindowCalldata.record(c, s);
                assertThrows(ChainException.class, () -> anvil.evm().call(address, foldStepCall(acc, bad)),
                        "signal " + at + " = r");
                s[at] = Fr.MODULUS.subtract(BigInteger.ONE);
                anvil.evm().call(address, foldStepCall(acc, WindowCalldata.record(c, s))); // control: r - 1 folds
            }
        }
    }

    /** Small and negative middle signals take the narrow widths; they fold as the Java side's field elements. */
    @Test
    void narrowSignalsFoldAsTheirFieldElements() {
        ChainTools.require();
        SplittableRandom rng = new SplittableRandom(13);
        byte[] digest = new byte[32];
        rng.nextBytes(digest);
        try (Anvil anvil = Anvil.start()) {
            String address = deploy(anvil, syntheticKey(digest, 5));
            long[][] middles = {{0, 0, 0}, {1, -1, 127}, {-128, 128, 255}, {-32768, 70000, -1}, {1L << 40, -(1L << 40), 3}};
            for (long[] mid : middles) {
                Fr[] x = {Fr.random(rng), Fr.of(mid[0]), Fr.of(mid[1]), Fr.of(mid[2]), Fr.random(rng)};
                CommittedInstance acc = new CommittedInstance(randomPoint(rng), Fr.random(rng), randomScalars(rng, 5));
                CommittedInstance fresh = CommittedInstance.fresh(randomPoint(rng), x);
                G1Affine kt = randomPoint(rng);
                BigInteger[] out = foldStep(anvil.evm(), address, acc, fresh, kt);
                CommittedInstance folded = Nifs.verify(digest, acc, fresh, kt);
                String what = Arrays.toString(mid);
                assertEquals(FoldTranscript.challenge(digest, acc, fresh, kt).toBigInteger(), out[0], "r of " + what);
                assertEquals(List.of(folded.x()), scalars(out, 4, 9), "x' of " + what);
            }
        }
    }

    static WindowVerifierKey syntheticKey(byte[] digest, int n) {
        G1Affine g = G1Affine.GENERATOR;
        List<G1Affine> ic = new ArrayList<>();
        for (int i = 0; i < n + 4; i++) {
            ic.add(g.mul(Fr.of(11 + i)));
        }
        G2Affine h = G2Affine.GENERATOR;
        VerifyingKey vk = new VerifyingKey(g.mul(Fr.of(7)), h.mul(Fr.of(5)), h, h.mul(Fr.of(3)), ic);
        return new WindowVerifierKey(digest, n, vk, h, h.mul(Fr.of(9)));
    }

    private static String deploy(Anvil anvil, WindowVerifierKey key) {
        String source = WindowVerifierSolidity.generate(key);
        Compiled c = SolcJs.withOptimizerRuns(WindowVerifierSolidity.OPTIMIZER_RUNS)
                .compile("WindowVerifier.sol", source, WindowVerifierSolidity.CONTRACT_NAME);
        assertTrue(c.runtimeBytes() < Compiled.MAX_RUNTIME_BYTES, c.runtimeBytes() + " bytes of runtime code");
        return anvil.evm().deploy(anvil.devKey(0), c).address();
    }

    /** The returned words: r, K'.x, K'.y, u', x'... */
    private static BigInteger[] foldStep(Evm evm, String address, CommittedInstance acc, CommittedInstance fresh,
                                         G1Affine kt) {
        byte[] out = evm.call(address, foldStepCall(acc, fresh, kt));
        int words = 1 + 3 + acc.nPublic();
        assertEquals(32 * words, out.length);
        BigInteger[] r = new BigInteger[words];
        for (int i = 0; i < words; i++) {
            r[i] = new BigInteger(1, Arrays.copyOfRange(out, 32 * i, 32 * i + 32));
        }
        return r;
    }

    private static byte[] foldStepCall(CommittedInstance acc, CommittedInstance fresh, G1Affine kt) {
        return foldStepCall(acc, WindowCalldata.instance(fresh, kt));
    }

    /** foldStep(uint256[3+n] acc, bytes fresh), ABI-encoded. */
    private static byte[] foldStepCall(CommittedInstance acc, byte[] record) {
        int n = acc.nPublic();
        String sig = "foldStep(uint256[" + (3 + n) + "],bytes)";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(Arrays.copyOf(Keccak256.digest(sig.getBytes(StandardCharsets.US_ASCII)), 4));
        b.writeBytes(acc.commitment().toBytesBE());
        b.writeBytes(acc.u().toBytesBE());
        for (Fr x : acc.x()) {
            b.writeBytes(x.toBytesBE());
        }
        b.writeBytes(uint(32L * (3 + n + 1)));
        b.writeBytes(uint(record.length));
        b.writeBytes(record);
        b.writeBytes(new byte[(32 - record.length % 32) % 32]);
        return b.toByteArray();
    }

    private static byte[] uint(long v) {
        byte[] w = new byte[32];
        for (int i = 0; i < 8; i++) {
            w[31 - i] = (byte) (v >>> (8 * i));
        }
        return w;
    }

    private static G1Affine point(BigInteger[] words, int at) {
        return G1Affine.of(words[at], words[at + 1]);
    }

    private static List<Fr> scalars(BigInteger[] words, int from, int to) {
        List<Fr> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(Fr.of(words[i]));
        }
        return out;
    }

    private static G1Affine randomPoint(SplittableRandom rng) {
        return G1Affine.GENERATOR.mul(Fr.random(rng));
    }

    private static Fr[] randomScalars(SplittableRandom rng, int n) {
        Fr[] x = new Fr[n];
        for (int i = 0; i < n; i++) {
            x[i] = Fr.random(rng);
        }
        return x;
    }
}
