package io.foldline.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import io.foldline.crypto.bn254.Fr;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The streaming accumulator on the model-shaped test circuit: folding one record at a time through its bytes
 * (as a stream operator does, state written and read back between records) gives a window that verifies,
 * in the order of the calls; the bytes round-trip and refuse damage with the field named.
 */
class WindowAccumulatorTest {
    private static final Nifs NIFS = DeciderFixture.key().nifs();
    private static final WindowVerifier VERIFIER =
            new WindowVerifier(DeciderFixture.VK_DIGEST, DeciderFixture.key().verifyingKey());

    /** Folds seeds {@code seeds} one at a time, each fresh witness and the state passing through bytes. */
    private static WindowAccumulator foldThroughBytes(SplittableRandom rng, long... seeds) {
        byte[] state = WindowAccumulatorBytes.encode(WindowAccumulator.start(NIFS, rng));
        for (long seed : seeds) {
            Nifs.InstanceWitness fresh = NIFS.fresh(Circuits.modelShapedWitness(DeciderFixture.MODEL, seed,
                    1000 + seed), rng);
            byte[] witness = WindowAccumulatorBytes.encodeFresh(fresh.witness());
            Nifs.InstanceWitness back = WindowAccumulatorBytes.decodeFresh(witness, NIFS, fresh.instance(), "fresh");
            assertEquals(fresh, back);
            WindowAccumulator acc = WindowAccumulatorBytes.decode(state, NIFS, "state");
            state = WindowAccumulatorBytes.encode(acc.fold(NIFS, DeciderFixture.VK_DIGEST, back, rng));
        }
        return WindowAccumulatorBytes.decode(state, NIFS, "state");
    }

    @Test
    void foldingRecordByRecordThroughBytesGivesAWindowThatVerifies() {
        WindowAccumulator acc = foldThroughBytes(new SplittableRandom(7), 3, 1, 2);
        assertEquals(3, acc.size());
        WindowProof proof = acc.decide(DeciderFixture.key());
        assertTrue(VERIFIER.verify(proof));
        // the instances are listed in the order they were folded: seed 3's tag first
        assertEquals(Fr.of(1003), last(acc.instances().get(0).x()));
        assertEquals(Fr.of(1001), last(acc.instances().get(1).x()));
        assertEquals(Fr.of(1002), last(acc.instances().get(2).x()));
        // and the proof file carries them so
        WindowProof read = WindowProofFile.decode(WindowProofFile.encode(proof), "w.proof");
        assertEquals(acc.instances(), read.instances());
    }

    @Test
    void sameRandomnessGivesTheSameWindowAsTheBatchProver() {
        DeciderFixture.Window batch = DeciderFixture.fold(2, new SplittableRandom(5));
        SplittableRandom again = new SplittableRandom(5);
        WindowAccumulator streamed = WindowAccumulator.start(NIFS, again);
        for (long i = 1; i <= 2; i++) {
            streamed = streamed.fold(NIFS, DeciderFixture.VK_DIGEST,
                    NIFS.fresh(Circuits.modelShapedWitness(DeciderFixture.MODEL, i, 1000 + i), again), again);
        }
        assertEquals(batch.start(), streamed.startInstance());
        assertEquals(batch.instances(), streamed.instances());
        assertEquals(batch.crossTerms(), streamed.crossTerms());
        assertEquals(batch.folded().instance(), streamed.runningInstance());
    }

    @Test
    void swappingTheListedOrderOfTwoFoldsDoesNotVerify() {
        WindowProof p = foldThroughBytes(new SplittableRandom(9), 1, 2).decide(DeciderFixture.key());
        var swapped = new WindowProof(p.start(), List.of(p.instances().get(1), p.instances().get(0)),
                List.of(p.crossTerms().get(1), p.crossTerms().get(0)), p.decider());
        assertFalse(VERIFIER.verify(swapped));
    }

    @Test
    void anEmptyWindowHasNothingToDecide() {
        WindowAccumulator acc = WindowAccumulator.start(NIFS, new SplittableRandom(1));
        assertEquals(acc, WindowAccumulatorBytes.decode(WindowAccumulatorBytes.encode(acc), NIFS, "state"));
        assertThrows(IllegalStateException.class, () -> acc.decide(DeciderFixture.key()));
    }

    @Test
    void damagedStateIsRefusedWithTheField() {
        byte[] good = WindowAccumulatorBytes.encode(foldThroughBytes(new SplittableRandom(2), 1));
        byte[] badMagic = good.clone();
        badMagic[0] = 'X';
        assertMessage("state: magic", badMagic);
        byte[] truncated = Arrays.copyOf(good, good.length - 1);
        assertMessage("state: crossTerm[0]", truncated);
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertMessage("state: end of file", trailing);
        byte[] wrongN = good.clone();
        wrongN[11] ^= 1; // nPublic: the circuit has another count
        assertMessage("state: nPublic", wrongN);
        byte[] scalar = good.clone();
        int runningU = 24 + 96 + 32 * NIFS.relation().nPublic() + 64;
        Arrays.fill(scalar, runningU, runningU + 32, (byte) 0xff);
        assertMessage("state: running.u", scalar);
    }

    @Test
    void aFreshWitnessIsRefusedWhenItsSizeIsNotTheCircuits() {
        Nifs.InstanceWitness fresh = NIFS.fresh(Circuits.modelShapedWitness(DeciderFixture.MODEL, 1, 1001),
                new SplittableRandom(1));
        byte[] b = WindowAccumulatorBytes.encodeFresh(fresh.witness());
        byte[] cut = Arrays.copyOf(b, b.length - 32);
        FormatException e = assertThrows(FormatException.class,
                () -> WindowAccumulatorBytes.decodeFresh(cut, NIFS, fresh.instance(), "request r1 witness"));
        assertTrue(e.getMessage().startsWith("request r1 witness: rW: truncated"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> WindowAccumulatorBytes.encodeFresh(WindowAccumulator.start(NIFS, new SplittableRandom(1))
                        .runningWitness()));
        assertArrayEquals(b, WindowAccumulatorBytes.encodeFresh(fresh.witness()));
    }

    private static Fr last(Fr[] x) {
        return x[x.length - 1];
    }

    private static void assertMessage(String prefix, byte[] bytes) {
        FormatException e = assertThrows(FormatException.class,
                () -> WindowAccumulatorBytes.decode(bytes, NIFS, "state"));
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }
}
