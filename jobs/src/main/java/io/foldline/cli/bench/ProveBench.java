package io.foldline.cli.bench;

import io.foldline.circuits.groth16.PreparedVerifyingKey;
import io.foldline.circuits.groth16.Prover;
import io.foldline.circuits.groth16.ProverOptions;
import io.foldline.circuits.groth16.ProvingKey;
import io.foldline.circuits.groth16.Setup;
import io.foldline.circuits.groth16.Verifier;
import io.foldline.circuits.groth16.VerifyingKey;
import io.foldline.circuits.ptau.TestPowersOfTau;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.circuits.snarkjs.R1csFile;
import io.foldline.circuits.snarkjs.WtnsFile;
import io.foldline.circuits.snarkjs.Zkey;
import io.foldline.circuits.snarkjs.ZkeyFile;
import io.foldline.cli.ChainCircuit;
import io.foldline.cli.Console;
import io.foldline.cli.NodeOracle;
import io.foldline.crypto.bn254.Fr;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Powers of tau and Groth16 proving on the chain circuit (2^k - 8 constraints, one public output, the shape of
 * the reference snarkjs measurements), with snarkjs proving the same .zkey and .wtns in the same run.
 */
final class ProveBench {
    private final Report report;
    private final Console console;
    private final Path work;
    private final NodeOracle snarkjs;

    ProveBench(Report report, Console console, Path work) {
        this.report = report;
        this.console = console;
        this.work = work;
        this.snarkjs = NodeOracle.find();
    }

    void ptau(int power) throws Exception {
        Path out = work.resolve("bench_pot" + power + ".ptau");
        Files.deleteIfExists(out);
        console.progress("bench: test powers of tau, power %d, prepared for phase 2 ...", power);
        double t = Timer.once(() -> TestPowersOfTau.write(out, power, "foldline-bench"));
        report.note("test powers of tau, prepared for phase 2", "2^" + power,
                Timer.human(t) + " (snarkjs prepare phase2 at this size: over two hours here)");
        Files.move(out, ptauPath(power), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    void prove(int k) throws Exception {
        int n = (1 << k) - 8;
        Path dir = Files.createDirectories(work.resolve("chain" + k));
        Path r1csPath = dir.resolve("circuit.r1cs");
        Path wtnsPath = dir.resolve("witness.wtns");
        Path zkeyPath = dir.resolve("circuit.zkey");
        R1cs r1cs = ChainCircuit.r1cs(n);
        Witness witness = ChainCircuit.witness(n, Fr.of(3));
        R1csFile.write(r1cs, r1csPath);
        WtnsFile.write(witness, wtnsPath);
        Path ptau = ptauPath(k);
        if (!Files.exists(ptau)) {
            console.progress("bench: making the test powers of tau of power %d for the 2^%d circuit ...", k, k);
            TestPowersOfTau.write(ptau, k, "foldline-bench");
        }
        console.progress("bench: groth16 setup for %d constraints ...", n);
        double setup = Timer.once(() -> ZkeyFile.write(Setup.newZkey(r1cs, "circuit.r1cs", ptau, s -> { }), zkeyPath));
        report.row("groth16 setup (ours)", n + " constraints", setup);

        ProvingKey pk = ProvingKey.read(zkeyPath);
        Zkey zkey = ZkeyFile.read(zkeyPath);
        PreparedVerifyingKey pvk = PreparedVerifyingKey.prepare(VerifyingKey.of(zkey));
        ProverOptions opts = ProverOptions.defaults();
        Prover.Result[] last = new Prover.Result[1];
        console.progress("bench: proving with foldline ...");
        double ours = Timer.median(1, 3, () -> last[0] = Prover.prove(pk, witness, opts));
        if (!Verifier.verify(pvk, last[0].publicSignals().toArray(new Fr[0]), last[0].proof())) {
            throw new IllegalStateException("benchmark proof does not verify");
        }
        if (snarkjs == null) {
            report.note("groth16 prove", n + " constraints",
                    Timer.human(ours) + " (snarkjs not installed: bash infra/install-test-tools.sh)");
            return;
        }
        console.progress("bench: proving the same zkey and witness with snarkjs ...");
        double ref = Timer.once(() -> snarkjs.snarkjs(dir, "groth16", "prove", "circuit.zkey", "witness.wtns",
                "proof_snarkjs.json", "public_snarkjs.json"));
        report.rowVs("groth16 prove", n + " constraints", ours, "snarkjs", ref);
    }

    private Path ptauPath(int power) {
        return work.resolve("pot" + power + ".ptau");
    }
}
