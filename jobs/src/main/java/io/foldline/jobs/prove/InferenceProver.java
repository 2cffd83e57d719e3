package io.foldline.jobs.prove;

import io.foldline.aggregation.Nifs;
import io.foldline.aggregation.WindowAccumulatorBytes;
import io.foldline.aggregation.WindowKeys;
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
 * random one) and its tag, then one Groth16 proof (BATCH models, and folded ones that ask for it) and, for
 * a folded model, the fresh folding instance ({@link Nifs#fresh}: {@code K_i}, a hiding commitment to the
 * witness) with the witness bytes the window step folds. Each proof runs its MSMs on one thread: the job
 * proves many requests side by side (one per proving thread), which keeps every core busy without the
 * hand-offs of splitting one small proof across threads.
 */
public final class InferenceProver {
    private static final ProverOptions OPTIONS = ProverOptions.builder()
            .msm(MsmConfig.builder().threads(1).build())
            .build();

    private InferenceProver() {
    }

    /** The record that goes out, and the secret witness bytes that stay in the job (null: not folded). */
    public record Result(ProvenInference inference, byte[] witness) {
        @Override
        public String toString() {
            return "Result[" + inference.getRequestId() + (witness == null ? "" : ", witness withheld") + "]";
        }
    }

    /** A BATCH inference: one Groth16 proof. */
    public static ProvenInference prove(InferenceRequest req, ModelPackage pkg, ProvingKey pk, RandomGenerator rng) {
        return prove(req, pkg, pk, null, rng).inference();
    }

    /**
     * With {@code pk} (may be null when {@code keys} is not) a Groth16 proof; with {@code keys} (a folded
     * model) the fresh instance: {@code instanceCommitment} = K_i and the witness bytes in the result.
     */
    public static Result prove(InferenceRequest req, ModelPackage pkg, ProvingKey pk, WindowKeys keys,
                               RandomGenerator rng) {
        if (pk == null && keys == null) {
            throw new IllegalArgumentException("model " + req.getModelId() + ": neither a proving key nor window keys");
        }
        long start = System.nanoTime();
        QuantizedModel model = pkg.model();
        double[] x = req.getInput().stream().mapToDouble(Double::doubleValue).toArray();
        long[] q = model.quantizeInput(x, "request " + req.getRequestId());
        Fr salt = req.getSalt() == null ? Fr.random(rng) : Fr.fromBytesBE(bytes(req.getSalt()));
        Fr tag = RequestTag.of(req.getRequestId());
        ModelWitness.Result w = ModelWitness.compute(pkg.compiled(), q, salt, tag);
        byte[] proof = pk == null ? new byte[0]
                : ProofBytes.encode(Prover.prove(pk, w.witness(), OPTIONS, "request " + req.getRequestId()).proof());
        ByteBuffer instanceCommitment = null;
        byte[] witness = null;
        if (keys != null) {
            Nifs.InstanceWitness fresh = keys.decider().nifs().fresh(w.witness(), rng);
            instanceCommitment = ByteBuffer.wrap(fresh.instance().commitment().toBytesBE());
            witness = WindowAccumulatorBytes.encodeFresh(fresh.witness());
        }
        List<Long> outputs = new ArrayList<>();
        for (long y : w.reference().logits()) {
            outputs.add(y);
        }
        ProvenInference p = ProvenInference.newBuilder()
                .setRequestId(req.getRequestId())
                .setModelId(req.getModelId())
                .setEventTime(req.getEventTime())
                .setCommitment(ByteBuffer.wrap(w.commitment().toBytesBE()))
                .setOutputs(outputs)
                .setPredictedClass(model.hasClass() ? (int) w.reference().predictedClass() : null)
                .setTag(ByteBuffer.wrap(tag.toBytesBE()))
                .setProof(ByteBuffer.wrap(proof))
                .setProveMillis((System.nanoTime() - start) / 1_000_000)
                .setInstanceCommitment(instanceCommitment)
                .build();
        return new Result(p, witness);
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

    public static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
