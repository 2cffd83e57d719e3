package io.foldline.chain.groth16;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.chain.evm.Anvil;
import io.foldline.chain.evm.Compiled;
import io.foldline.chain.evm.Evm;
import io.foldline.chain.evm.SolcJs;
import io.foldline.circuits.snarkjs.ZkeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gas of our verifier against snarkjs's exported one, same key, same proof, same solc settings (0.8.37,
 * optimizer 200 runs, cancun), for 1, 4 and 16 public inputs: deploy and verifyProof transaction gasUsed
 * on anvil. Prints the table recorded in BENCHMARKS.md. Gas is deterministic, so the comparison is asserted.
 */
@Tag("interop")
class VerifierGasTest {
    private static final int[] SIZES = {1, 4, 16};

    record Row(int n, long ourDeploy, long ourVerify, int ourBytes, long theirDeploy, long theirVerify, int theirBytes) {
    }

    @Test
    void ourVerifierCostsLessGasThanSnarkjs(@TempDir Path dir) throws Exception {
        Snarkjs.require();
        List<Row> rows = new ArrayList<>();
        try (Anvil anvil = Anvil.start()) {
            Evm evm = anvil.evm();
            for (int n : SIZES) {
                Path sub = Files.createDirectories(dir.resolve("n" + n));
                PowersCircuit.Fixture f = PowersCircuit.prove(n, 3, sub);
                byte[] call = SolidityCalldata.verifyProofCall(f.proof(), f.publicSignals());
                Compiled ours = SolcJs.defaults().compile("Verifier.sol",
                        SolidityVerifier.generate(f.pk().verifyingKey(), "Groth16Verifier"), "Groth16Verifier");
                ZkeyFile.write(f.pk().zkey(), sub.resolve("k.zkey"));
                Snarkjs.run(sub, "zkey", "export", "solidityverifier", "k.zkey", "v.sol");
                Compiled theirs = SolcJs.defaults().compile("v.sol",
                        Files.readString(sub.resolve("v.sol"), StandardCharsets.UTF_8), "Groth16Verifier");
                Evm.Deployed od = evm.deploy(anvil.devKey(0), ours);
                Evm.Deployed td = evm.deploy(anvil.devKey(0), theirs);
                Evm.Sent os = evm.send(anvil.devKey(1), od.address(), call, 2_000_000);
                Evm.Sent ts = evm.send(anvil.devKey(1), td.address(), call, 2_000_000);
                assertTrue(os.status() && ts.status(), "both verifiers accept the proof (n=" + n + ")");
                rows.add(new Row(n, od.gasUsed(), os.gasUsed(), ours.runtimeBytes(),
                        td.gasUsed(), ts.gasUsed(), theirs.runtimeBytes()));
            }
        }
        System.out.println(table(rows));
        for (Row r : rows) {
            assertTrue(r.ourVerify() < r.theirVerify(), "verifyProof gas, n=" + r.n() + ": " + r);
            assertTrue(r.ourBytes() < Compiled.MAX_RUNTIME_BYTES, "code size, n=" + r.n() + ": " + r);
        }
    }

    static String table(List<Row> rows) {
        StringBuilder s = new StringBuilder();
        s.append("| public inputs | verifyProof tx gas: Foldline | snarkjs 0.7.6 | saved | deploy gas: Foldline | snarkjs "
                + "| runtime bytes: Foldline | snarkjs |\n");
        s.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            s.append("| %d | %,d | %,d | %,d | %,d | %,d | %,d | %,d |%n".formatted(r.n(), r.ourVerify(), r.theirVerify(),
                    r.theirVerify() - r.ourVerify(), r.ourDeploy(), r.theirDeploy(), r.ourBytes(), r.theirBytes()));
        }
        return s.toString();
    }
}
