package io.foldline.circuits.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.groth16.PreparedVerifyingKey;
import io.foldline.circuits.groth16.Prover;
import io.foldline.circuits.groth16.ProverOptions;
import io.foldline.circuits.groth16.ProvingKey;
import io.foldline.circuits.groth16.Setup;
import io.foldline.circuits.groth16.Verifier;
import io.foldline.circuits.interop.ExecResult;
import io.foldline.circuits.interop.NodeTools;
import io.foldline.circuits.model.FloatModel;
import io.foldline.circuits.onnx.OnnxImporter;
import io.foldline.circuits.onnx.OnnxRuntimeOracle;
import io.foldline.circuits.ptau.TestPowersOfTau;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.snarkjs.PublicJson;
import io.foldline.circuits.snarkjs.R1csFile;
import io.foldline.circuits.snarkjs.WtnsFile;
import io.foldline.circuits.snarkjs.Zkey;
import io.foldline.crypto.bn254.Fr;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every fixture model end to end against tools we did not write: snarkjs reads our {@code .r1cs} and
 * accepts the witness of every test sample ({@code snarkjs.wtns.check}); a Groth16 proof of one sample
 * verifies with our verifier and with {@code snarkjs groth16 verify}; the quantized accuracy on the test
 * split is within one percentage point of the float model run by onnxruntime. The witness computation
 * itself ({@link ModelWitness}) fails unless the circuit's outputs equal the reference runtime's.
 */
@Tag("interop")
class ModelInteropIT {
    private static final Map<Integer, Path> PTAU = new HashMap<>();
    @TempDir
    static Path ptauDir;

    @BeforeEach
    void tools() {
        NodeTools.requireTools();
    }

    @ParameterizedTest
    @ValueSource(strings = {"digits_mlp", "digits_cnn", "digits_ops", "credit_logreg", "credit_mlp", "mnist_784_56_10"})
    void fixtureModelEndToEnd(String name, @TempDir Path dir) throws Exception {
        Path models = models();
        FloatModel f = OnnxImporter.load(models.resolve(name + ".onnx"));
        ModelInputs.Dataset cal = ModelInputs.readDataset(models.resolve(name + ".calibration.json"));
        Quantizer.Calibrated cq = Quantizer.calibrate(f, cal.inputs(), QuantizerOptions.DEFAULTS);
        QuantizedModel q = cq.model();
        ModelCircuit.Compiled compiled = ModelCircuit.compile(q);
        R1cs r1cs = compiled.circuit().r1cs();
        Path r1csFile = dir.resolve("circuit.r1cs");
        R1csFile.write(r1cs, r1csFile);

        ExecResult info = NodeTools.snarkjs(dir, "r1cs", "info", r1csFile.toString());
        assertTrue(info.ok(), info::describe);
        Matcher m = Pattern.compile("# of Constraints: (\\d+)").matcher(info.stdout());
        assertTrue(m.find(), info::describe);
        assertEquals(r1cs.nConstraints(), Integer.parseInt(m.group(1)));

        ModelInputs.Dataset test = ModelInputs.readDataset(models.resolve(name + ".test.json"));
        List<String> args = new ArrayList<>(List.of(snarkjsMain().toString(), r1csFile.toString()));
        List<ModelWitness.Result> results = new ArrayList<>();
        int correct = 0;
        for (int i = 0; i < test.inputs().size(); i++) {
            long[] xq = q.quantizeInput(test.inputs().get(i), name + ".test.json row " + i);
            ModelWitness.Result r = ModelWitness.compute(compiled, xq, Fr.of(i + 1), Fr.of(1000 + i));
            Path w = dir.resolve("w" + i + ".wtns");
            WtnsFile.write(r.witness(), w);
            args.add(w.toString());
            if (test.labels() != null && predicted(q, r) == test.labels()[i]) {
                correct++;
            }
            if (i == 0) {
                results.add(r);
            }
        }
        Path script = Path.of(ModelInteropIT.class.getResource("/interop/wtns_check_all.mjs").toURI());
        ExecResult check = NodeTools.node(dir, Duration.ofMinutes(10), script, args.toArray(String[]::new));
        assertTrue(check.ok() && check.stdout().contains("checked " + test.inputs().size() + ", failed 0"),
                check::describe);

        proveAndCrossVerify(r1cs, results.get(0), dir);

        if (test.labels() != null) {
            double floatAcc = onnxruntimeAccuracy(models.resolve(name + ".onnx"), f.inputShape(), test);
            double quantAcc = (double) correct / test.inputs().size();
            assertTrue(Math.abs(floatAcc - quantAcc) <= 0.01 + 1e-9,
                    name + ": quantized accuracy " + quantAcc + " vs float (onnxruntime) " + floatAcc);
        }
    }

    private static long predicted(QuantizedModel q, ModelWitness.Result r) {
        if (q.hasClass()) {
            return r.reference().predictedClass();
        }
        return Fidelity.classOf(q.dequantize(r.reference().logits()));
    }

    private static void proveAndCrossVerify(R1cs r1cs, ModelWitness.Result r, Path dir) {
        int needed = r1cs.nConstraints() + r1cs.nPublic() + 1;
        int power = 32 - Integer.numberOfLeadingZeros(needed - 1);
        Path ptau = PTAU.computeIfAbsent(Math.max(power, 8), p -> {
            Path file = ptauDir.resolve("pot" + p + ".ptau");
            TestPowersOfTau.write(file, p, "model interop");
            return file;
        });
        Zkey z = Setup.newZkey(r1cs, "circuit.r1cs", ptau, s -> { });
        ProvingKey pk = ProvingKey.of(z, "circuit.zkey");
        Prover.Result proof = Prover.prove(pk, r.witness(), ProverOptions.defaults());
        assertEquals(r.publicSignals(), proof.publicSignals());
        PreparedVerifyingKey pvk = PreparedVerifyingKey.prepare(pk.verifyingKey());
        Fr[] pub = proof.publicSignals().toArray(Fr[]::new);
        assertTrue(Verifier.verify(pvk, pub, proof.proof()));
        Fr[] wrong = pub.clone();
        wrong[1] = wrong[1].add(Fr.ONE);
        assertFalse(Verifier.verify(pvk, wrong, proof.proof()), "a changed logit must not verify");

        try {
            Files.writeString(dir.resolve("vk.json"), pk.verifyingKey().toJson().toJson());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        proof.proof().toJson().write(dir.resolve("proof.json"));
        new PublicJson(proof.publicSignals()).write(dir.resolve("public.json"));
        ExecResult v = NodeTools.snarkjs(dir, "groth16", "verify", "vk.json", "public.json", "proof.json");
        assertTrue(v.ok() && v.stdout().contains("OK"), v::describe);
    }

    private static double onnxruntimeAccuracy(Path onnx, int[] shape, ModelInputs.Dataset test) throws Exception {
        int correct = 0;
        try (OnnxRuntimeOracle ort = new OnnxRuntimeOracle(Files.readAllBytes(onnx))) {
            for (int i = 0; i < test.inputs().size(); i++) {
                double[] y = ort.run(shape, test.inputs().get(i));
                int cls = y.length == 1 ? (y[0] >= 0.5 ? 1 : 0) : Fidelity.classOf(y);
                if (cls == test.labels()[i]) {
                    correct++;
                }
            }
        }
        return (double) correct / test.inputs().size();
    }

    private static Path snarkjsMain() {
        return NodeTools.nodeModules().resolve("snarkjs/main.js");
    }

    private static Path models() throws URISyntaxException {
        return Path.of(ModelInteropIT.class.getResource("/models/README.md").toURI()).getParent();
    }
}
