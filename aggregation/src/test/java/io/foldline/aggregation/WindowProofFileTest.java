package io.foldline.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fq;
import io.foldline.crypto.bn254.Fq2;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G2Affine;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link WindowProofFile} on windows of the model-shaped test circuit (n = 4 public signals): the bytes
 * round-trip, each malformed case is refused naming its field, and no changed byte gets through.
 */
class WindowProofFileTest {
    /** Offsets by the package documentation's layout for n = 4, written out by hand. */
    private static final int START_K = 16;
    private static final int START_U = 80;
    private static final int INSTANCE0_K = 240;
    private static final int INSTANCE0_X0 = 304;
    private static final int DECIDER_N2 = 16 + 224 + 2 * 256;

    private static WindowKeys keys;
    private static WindowProof proof;
    private static byte[] bytes;

    @BeforeAll
    static void proveAWindowOfTwo() {
        keys = new WindowKeys(DeciderFixture.key(), DeciderFixture.VK_DIGEST);
        proof = new WindowProver(keys).prove(witnesses(2), new SplittableRandom(7), WindowProver.Progress.NONE);
        bytes = WindowProofFile.encode(proof);
        assertTrue(keys.verifier().verify(proof), "the honest window");
    }

    @Test
    void bytesRoundTripIdentically() {
        WindowProof back = WindowProofFile.decode(bytes, "w.proof");
        assertEquals(proof, back);
        assertArrayEquals(bytes, WindowProofFile.encode(back));
        assertTrue(keys.verifier().verify(back));
    }

    @Test
    void sizesFollowTheLayout() {
        // header 16, U0 = 64 + 32 + 4 * 32, per fold 64 + 4 * 32 + 64, decider 64 + 128 + 64 + 3 * 32 + 32
        assertEquals(16 + 224 + 2 * 256 + 384, bytes.length);
        assertEquals(880, WindowProofFile.size(4, 1));
        WindowProof one = new WindowProver(keys).prove(witnesses(1), new SplittableRandom(1),
                WindowProver.Progress.NONE);
        assertEquals(880, WindowProofFile.encode(one).length);
        assertEquals("FLWP", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertArrayEquals(new byte[] {0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0, 2}, Arrays.copyOfRange(bytes, 4, 16));
        assertArrayEquals(proof.start().commitment().toBytesBE(), Arrays.copyOfRange(bytes, START_K, START_U));
        assertArrayEquals(proof.instances().get(0).x(0).toBytesBE(),
                Arrays.copyOfRange(bytes, INSTANCE0_X0, INSTANCE0_X0 + 32));
        assertArrayEquals(proof.decider().groth16().b().toBytesBE(),
                Arrays.copyOfRange(bytes, DECIDER_N2 + 64, DECIDER_N2 + 192));
    }

    @Test
    void malformedFilesAreRefusedNamingTheField() {
        refused(set(bytes, 0, "XXXX".getBytes()), "magic");
        refused(set(bytes, 4, new byte[] {0, 0, 0, 3}), "version");
        refused(set(bytes, 4, new byte[] {0, 0, 0, 1}), "prove the window again");
        refused(Arrays.copyOf(bytes, bytes.length - 1), "truncated");
        refused(Arrays.copyOf(bytes, 10), "truncated");
        refused(Arrays.copyOf(bytes, bytes.length + 1), "trailing");
        refused(set(bytes, 12, new byte[] {0, 0, 0, 0}), "windowSize");
        refused(set(bytes, 12, new byte[] {0, 0, 0, 3}), "truncated");
        refused(set(bytes, START_K, word(Fq.MODULUS)), "start.K.x");
        refused(set(bytes, START_U, word(Fr.MODULUS)), "start.u");
        refused(set(bytes, INSTANCE0_X0 + 32, word(Fr.MODULUS.add(BigInteger.TWO))), "instance[0].x[1]");
        byte[] offCurve = bytes.clone();
        offCurve[INSTANCE0_K + 63] ^= 1;
        refused(offCurve, "instance[0].K");
        refused(set(bytes, DECIDER_N2 + 64, g2OffSubgroup()), "decider.B");
        refused(set(bytes, DECIDER_N2 + 64 + 96, word(Fq.MODULUS)), "decider.B.y.c0");
        refused(set(bytes, DECIDER_N2 + 256, word(Fr.MODULUS)), "decider.zeta");
        byte[] badKzg = bytes.clone();
        badKzg[bytes.length - 1] ^= 2;
        refused(badKzg, "decider.kzgProof");
    }

    @Test
    void anyChangedByteIsRefusedOrFailsVerification() {
        SplittableRandom rng = new SplittableRandom(200);
        WindowVerifier verifier = keys.verifier();
        int refused = 0;
        int rejected = 0;
        for (int k = 0; k < 200; k++) {
            int at = k < 16 ? k : rng.nextInt(bytes.length);
            byte[] changed = bytes.clone();
            changed[at] ^= (byte) (1 + rng.nextInt(255));
            WindowProof p;
            try {
                p = WindowProofFile.decode(changed, "changed.proof");
            } catch (FormatException e) {
                refused++;
                continue;
            }
            assertFalse(verifier.verify(p), "byte " + at + " changed and the window still verifies");
            rejected++;
        }
        assertEquals(200, refused + rejected);
        assertTrue(refused > 0 && rejected > 0, "refused " + refused + ", rejected " + rejected);
    }

    @Test
    void theSameInputsFoldedTwiceGiveDifferentProofsThatBothVerify() {
        WindowProver prover = new WindowProver(keys);
        WindowProof again = prover.prove(witnesses(2), new SplittableRandom(8), WindowProver.Progress.NONE);
        assertEquals(proof.instances().get(0).nPublic(), again.instances().get(0).nPublic());
        for (int i = 0; i < 2; i++) {
            assertEquals(List.of(proof.instances().get(i).x()), List.of(again.instances().get(i).x()), "x_" + i);
            assertNotEquals(proof.instances().get(i).commitment(), again.instances().get(i).commitment(), "K_" + i);
            assertNotEquals(proof.crossTerms().get(i), again.crossTerms().get(i), "K_T " + i);
        }
        assertNotEquals(proof.decider().zeta(), again.decider().zeta());
        assertTrue(keys.verifier().verify(again));
        assertTrue(keys.verifier().verify(proof));
    }

    static List<Witness> witnesses(int n) {
        List<Witness> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(Circuits.modelShapedWitness(DeciderFixture.MODEL, i, 1000 + i));
        }
        return out;
    }

    private static void refused(byte[] file, String field) {
        FormatException e = assertThrows(FormatException.class, () -> WindowProofFile.decode(file, "w.proof"));
        assertTrue(e.getMessage().startsWith("w.proof: ") && e.getMessage().contains(field), e.getMessage());
    }

    private static byte[] set(byte[] b, int at, byte[] v) {
        byte[] out = b.clone();
        System.arraycopy(v, 0, out, at, v.length);
        return out;
    }

    private static byte[] word(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    /** A point on the twist y^2 = x^3 + 3/(9 + u) outside the order-r subgroup, in the file's order. */
    static byte[] g2OffSubgroup() {
        Fq2 b = Fq2.of(Fq.of(3), Fq.ZERO).mul(Fq2.of(Fq.of(9), Fq.ONE).inverse());
        for (long i = 1; ; i++) {
            Fq2 x = Fq2.of(Fq.of(i), Fq.ONE);
            Fq2 y = x.square().mul(x).add(b).sqrt();
            if (y != null && !G2Affine.ofUnchecked(x, y).isInSubgroup()) {
                return G2Affine.ofUnchecked(x, y).toBytesBE();
            }
        }
    }
}
