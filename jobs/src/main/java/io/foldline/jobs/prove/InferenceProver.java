package io.foldline.jobs.prove;

import io.foldline.circuits.groth16.Prover;
import io.foldline.circuits.groth16.ProverOptions;
import io.foldline.circuits.groth16.ProvingKey;
import io.foldline.circuits.quant.ModelPackage;
import io.foldline.circuits.quant.ModelWitness;
import io.foldline.circuits.quant.QuantizedModel;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.msm.MsmConfig;
import io.foldline.schemas.InferenceRequest;
import io.foldline.schemas.ProvenInference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Proves one validated request: quantize the input, solve the model circuit with the request's salt (or a
 * random one) and its tag, then one Groth16 proof. Each proof runs its MSMs on one thread: the job proves
 * many requests side by side (one per proving thread), which keeps every core busy without the
 * hand-offs of splitting one small proof across threads.
 */
public final class InferenceProver {
    private static final ProverOptions OPTIONS = ProverOptions.builder()
            .msm(MsmConfig.builder().threads(1).build())
            .build();

    private InferenceProver() {
    }

    public static ProvenInference prove(InferenceRequest req, ModelPackage pkg, ProvingKey pk, RandomGenerator rng) {
        long start = System.nanoTime();
        QuantizedModel model = pkg.model();
        double[] x = req.getInput().stream().mapToDouble(Double::doubleValue).toArray();
        long[] q = model.quantizeInput(x, "request " + req.getRequestId());
        Fr salt = req.getSalt() == null ? Fr.random(rng) : Fr.fromBytesBE(bytes(req.getSalt()));
        Fr tag = RequestTag.of(req.getRequestId());
        ModelWitness.Result w = ModelWitness.compute(pkg.compiled(), q, salt, tag);
        Prover.Result r = Prover.prove(pk, w.witness(), OPTIONS, "request " + req.getRequestId());
        List<Long> outputs = new ArrayList<>();
        for (long y : w.reference().logits()) {
            outputs.add(y);
        }
        return ProvenInference.newBuilder()
                .setRequestId(req.getRequestId())
                .setModelId(req.getModelId())
                .setEventTime(req.getEventTime())
                .setCommitment(ByteBuffer.wrap(w.commitment().toBytesBE()))
                .setOutputs(outputs)
                .setPredictedClass(model.hasClass() ? (int) w.reference().predictedClass() : null)
                .setTag(ByteBuffer.wrap(tag.toBytesBE()))
                .setProof(ByteBuffer.wrap(ProofBytes.encode(r.proof())))
                .setProveMillis((System.nanoTime() - start) / 1_000_000)
                .build();
    }

    /**
     * The public signals a verifier needs for {@code p}, in the circuit's order: h_in, the outputs (logits
     * as field elements, negative values wrapping modulo r), the class when the model has one, the tag.
     */
    public static Fr[] publicSignals(ProvenInference p) {
        List<Fr> s = new ArrayList<>();
        s.add(Fr.fromBytesBE(bytes(p.getCommitment())));
        for (long y : p.getOutputs()) {
            s.add(Fr.of(y));
        }
        if (p.getPredictedClass() != null) {
            s.add(Fr.of(p.getPredictedClass()));
        }
        s.add(Fr.fromBytesBE(bytes(p.getTag())));
        return s.toArray(Fr[]::new);
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
