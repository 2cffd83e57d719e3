package io.foldline.circuits.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.interop.CircomFixtures;
import io.foldline.circuits.interop.ExecResult;
import io.foldline.circuits.interop.NodeTools;
import io.foldline.circuits.interop.SnarkjsPtau;
import io.foldline.circuits.ptau.TestPowersOfTau;
import io.foldline.circuits.snarkjs.R1csFile;
import io.foldline.circuits.snarkjs.Zkey;
import io.foldline.circuits.snarkjs.ZkeyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our setup against snarkjs' on the same .r1cs and .ptau (made by snarkjs, or by our test generator): the
 * files must be identical, and {@code snarkjs zkey verify} must accept ours.
 */
@Tag("interop")
class SetupInteropIT {

    @BeforeEach
    void tools() {
        NodeTools.requireTools();
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "several_publics", "poseidon3"})
    void setupOnSnarkjsPtauIsByteIdentical(String fixture, @TempDir Path dir) throws IOException {
        CircomFixtures.Compiled c = CircomFixtures.compile(fixture);
        assertSameAsSnarkjs(dir, c, SnarkjsPtau.ptau(10));
    }

    @Test
    void setupOnOurPtauIsByteIdentical(@TempDir Path dir) throws IOException {
        CircomFixtures.Compiled c = CircomFixtures.compile("poseidon3");
        Path ptau = dir.resolve("pot11.ptau");
        TestPowersOfTau.write(ptau, 11, "setup interop");
        assertSameAsSnarkjs(dir, c, ptau);
    }

    /**
     * A circuit that fills the whole ptau above 2^14 rows, where snarkjs' circuit hash reads 64 bytes past
     * ptau section 2 ({@link SetupHashTail}): 2^15 - 8 constraints on a power-15 file.
     */
    @Test
    @Tag("slow")
    void circuitHashQuirkOnAFullPtauMatchesSnarkjs(@TempDir Path dir) throws IOException {
        int n = (1 << 15) - 8;
        assertEquals(1 << 15, Qap.domainSizeFor(n, 1));
        assertEquals(1 << 15, CircuitHash.hashedHPoints(1 << 15), "the quirk applies");
        CircomFixtures.Compiled c = CircomFixtures.chain(n);
        Path ptau = dir.resolve("pot15.ptau");
        TestPowersOfTau.write(ptau, 15, "setup quirk");
        assertSameAsSnarkjs(dir, c, ptau);
    }

    private static void assertSameAsSnarkjs(Path dir, CircomFixtures.Compiled c, Path ptau) throws IOException {
        Path ours = dir.resolve("ours.zkey");
        Path theirs = dir.resolve("theirs.zkey");
        Zkey z = Setup.newZkey(R1csFile.read(c.r1cs()), c.r1cs().getFileName().toString(), ptau, s -> { });
        ZkeyFile.write(z, ours);
        NodeTools.snarkjs(dir, "groth16", "setup", c.r1cs().toString(), ptau.toString(), theirs.toString())
                .requireOk();
        assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours), c.name() + ": zkey bytes differ");
        ExecResult v = NodeTools.snarkjs(dir, "zkey", "verify", c.r1cs().toString(), ptau.toString(), ours.toString());
        assertTrue(v.ok() && v.stdout().contains("ZKey Ok!"), v::describe);
    }
}
