package io.foldline.circuits.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.interop.CircomFixtures;
import io.foldline.circuits.interop.ExecResult;
import io.foldline.circuits.interop.NodeTools;
import io.foldline.circuits.interop.SnarkjsPtau;
import io.foldline.circuits.snarkjs.Zkey;
import io.foldline.circuits.snarkjs.ZkeyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our contribute and beacon against snarkjs: zkey verify accepts them; a beacon is byte-identical. */
@Tag("interop")
class Phase2InteropIT {
    private static final String BEACON = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    @BeforeEach
    void tools() {
        NodeTools.requireTools();
    }

    @Test
    void contributeThenBeaconPassZkeyVerifyAndBeaconMatchesSnarkjs(@TempDir Path dir) throws IOException {
        CircomFixtures.Compiled c = CircomFixtures.compile("several_publics");
        Path ptau = SnarkjsPtau.ptau(10);
        Path z0 = dir.resolve("z0.zkey");
        NodeTools.snarkjs(dir, "groth16", "setup", c.r1cs().toString(), ptau.toString(), z0.toString()).requireOk();

        Phase2.Result r1 = Phase2.contribute(ZkeyFile.read(z0), "alice",
                "some entropy".getBytes(StandardCharsets.UTF_8), new SecureRandom());
        Path z1 = dir.resolve("z1.zkey");
        ZkeyFile.write(r1.zkey(), z1, ZkeyFile.Layout.ASCENDING);
        verify(dir, c, ptau, z1);

        Phase2.Result r2 = Phase2.beacon(ZkeyFile.read(z1), HexFormat.of().parseHex(BEACON), 10, "final beacon");
        Path ours = dir.resolve("ours.zkey");
        ZkeyFile.write(r2.zkey(), ours, ZkeyFile.Layout.ASCENDING);
        Path theirs = dir.resolve("theirs.zkey");
        NodeTools.snarkjs(dir, "zkey", "beacon", z1.toString(), theirs.toString(), BEACON, "10",
                "-n=final beacon").requireOk();
        assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours), "beacon zkey bytes differ");
        ExecResult v = verify(dir, c, ptau, ours);
        assertTrue(v.stdout().contains(Phase2.formatHash(r2.contributionHash()).replace("\t", "").split("\n")[0].trim()),
                "snarkjs prints our contribution hash:\n" + v.describe());
    }

    @Test
    void snarkjsContributionOnOurKeyVerifies(@TempDir Path dir) throws IOException {
        CircomFixtures.Compiled c = CircomFixtures.compile("multiplier");
        Path ptau = SnarkjsPtau.ptau(10);
        Zkey z = Setup.newZkey(io.foldline.circuits.snarkjs.R1csFile.read(c.r1cs()), "multiplier.r1cs", ptau, s -> { });
        Path ours = dir.resolve("ours.zkey");
        ZkeyFile.write(Phase2.contribute(z, "bob", new byte[0], new SecureRandom()).zkey(), ours,
                ZkeyFile.Layout.ASCENDING);
        Path next = dir.resolve("next.zkey");
        NodeTools.snarkjs(dir, "zkey", "contribute", ours.toString(), next.toString(), "--name=carol",
                "-e=more entropy").requireOk();
        verify(dir, c, ptau, next);
    }

    private static ExecResult verify(Path dir, CircomFixtures.Compiled c, Path ptau, Path zkey) {
        ExecResult v = NodeTools.snarkjs(dir, "zkey", "verify", c.r1cs().toString(), ptau.toString(), zkey.toString());
        assertTrue(v.ok() && v.stdout().contains("ZKey Ok!"), v::describe);
        return v;
    }
}
