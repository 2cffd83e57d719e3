package io.foldline.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import io.foldline.crypto.bn254.G1Affine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persisted window keys: what the prover and the verifier read back, and what they refuse. */
class WindowKeysTest {
    @TempDir
    Path dir;

    @Test
    void thePersistedKeysProveAndVerifyWithoutThePtau() {
        WindowKeys keys = new WindowKeys(DeciderFixture.key(), DeciderFixture.VK_DIGEST);
        keys.write(dir);
        WindowVerifier fromFiles = WindowKeys.readVerifier(dir);
        WindowProof honest = new WindowProver(keys).prove(WindowProofFileTest.witnesses(2), new SplittableRandom(2),
                WindowProver.Progress.NONE);
        assertTrue(fromFiles.verify(honest), "the verifier read from the folder accepts the original prover's window");

        WindowKeys loaded = WindowKeys.load(dir, DeciderFixture.MODEL.r1cs());
        assertArrayEquals(DeciderFixture.VK_DIGEST, loaded.vkDigest());
        List<String> seen = new ArrayList<>();
        WindowProof p = new WindowProver(loaded).prove(WindowProofFileTest.witnesses(3), new SplittableRandom(3),
                (phase, done, total) -> seen.add(phase + " " + done + "/" + total));
        assertEquals(List.of("fold 1/3", "fold 2/3", "fold 3/3", "decide 0/1", "decide 1/1"), seen);
        assertTrue(keys.verifier().verify(p), "the loaded prover's window verifies with the original keys");
        assertTrue(fromFiles.verify(p));
        List<G1Affine> changed = new ArrayList<>(p.crossTerms());
        changed.set(0, changed.get(0).add(G1Affine.GENERATOR));
        assertFalse(fromFiles.verify(new WindowProof(p.start(), p.instances(), changed, p.decider())));
    }

    @Test
    void keysOfAnotherCircuitOrMalformedFilesAreRefused() throws IOException {
        new WindowKeys(DeciderFixture.key(), DeciderFixture.VK_DIGEST).write(dir);
        FormatException other = assertThrows(FormatException.class,
                () -> WindowKeys.load(dir, Circuits.square()));
        assertTrue(other.getMessage().contains("vkDigest"), other.getMessage());

        Path vk = dir.resolve(WindowKeys.WINDOW_VK);
        byte[] good = Files.readAllBytes(vk);
        assertEquals(4 + 4 + 32 + 12 + 256, good.length);
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
        Files.write(vk, trailing);
        FormatException e = assertThrows(FormatException.class, () -> WindowKeys.readVerifier(dir));
        assertTrue(e.getMessage().startsWith("window_vk.bin: ") && e.getMessage().contains("trailing"), e.getMessage());
        byte[] offSubgroup = good.clone();
        System.arraycopy(WindowProofFileTest.g2OffSubgroup(), 0, offSubgroup, good.length - 128, 128);
        Files.write(vk, offSubgroup);
        e = assertThrows(FormatException.class, () -> WindowKeys.readVerifier(dir));
        assertTrue(e.getMessage().contains("tauG2"), e.getMessage());
        Files.write(vk, good);

        Path ck = dir.resolve(WindowKeys.COMMITMENT_KEY);
        byte[] points = Files.readAllBytes(ck);
        Files.write(ck, java.util.Arrays.copyOf(points, points.length - 64));
        e = assertThrows(FormatException.class, () -> WindowKeys.load(dir, DeciderFixture.MODEL.r1cs()));
        assertTrue(e.getMessage().startsWith("commitment_key.bin: points"), e.getMessage());
        points[points.length - 1] ^= 1;
        Files.write(ck, points);
        e = assertThrows(FormatException.class, () -> WindowKeys.load(dir, DeciderFixture.MODEL.r1cs()));
        assertTrue(e.getMessage().contains("tauG1["), e.getMessage());
    }
}
