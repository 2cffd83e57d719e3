package io.foldline.jobs.window;

import io.foldline.aggregation.CommittedInstance;
import io.foldline.aggregation.Nifs;
import io.foldline.aggregation.WindowAccumulator;
import io.foldline.aggregation.WindowAccumulatorBytes;
import io.foldline.aggregation.WindowKeys;
import io.foldline.circuits.FormatException;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.jobs.model.DeployedModels;
import io.foldline.jobs.model.ModelSpec;
import io.foldline.jobs.prove.InferenceProver;
import io.foldline.jobs.prove.Proven;
import io.foldline.schemas.ProvenInference;
import java.util.random.RandomGenerator;

/**
 * One fold of the window step: the window's accumulator bytes (null: the window opens now, from a random
 * starting instance) and one proven inference of a folded model in, the new accumulator bytes out. The
 * fresh instance is rebuilt from what the WindowProof will list: {@code K_i} from
 * {@code instanceCommitment} and the public signals from the inference's public data
 * ({@link InferenceProver#publicSignals}), so what is folded is what a verifier of the window reads; only
 * the witness comes from the internal {@link Proven#witness}.
 */
public final class WindowFolding {
    private WindowFolding() {
    }

    /**
     * Folds {@code p} into the accumulator {@code state}. A FormatException (witness or commitment bytes that
     * do not fit the model's circuit) names the request; the state is then unchanged.
     */
    public static byte[] fold(byte[] state, Proven p, ModelSpec spec, RandomGenerator rng) {
        WindowKeys keys = DeployedModels.windowKeys(spec);
        Nifs nifs = keys.decider().nifs();
        ProvenInference inf = p.inference();
        String what = "request " + inf.getRequestId();
        if (p.witness() == null || inf.getInstanceCommitment() == null) {
            throw new FormatException(what + ": no fresh instance to fold (model " + spec.id() + " is folded; was it "
                    + "proved before its window keys were configured?)");
        }
        G1Affine k;
        try {
            k = G1Affine.fromBytesBE(InferenceProver.bytes(inf.getInstanceCommitment()));
        } catch (RuntimeException e) {
            throw new FormatException(what + ": instanceCommitment: " + e.getMessage(), e);
        }
        Fr[] x = InferenceProver.publicSignals(inf);
        if (x.length != nifs.relation().nPublic()) {
            throw new FormatException(what + ": " + x.length + " public signals, model " + spec.id() + "'s circuit has "
                    + nifs.relation().nPublic());
        }
        Nifs.InstanceWitness fresh = WindowAccumulatorBytes.decodeFresh(p.witness(), nifs,
                CommittedInstance.fresh(k, x), what + " witness");
        WindowAccumulator acc = state == null ? WindowAccumulator.start(nifs, rng)
                : WindowAccumulatorBytes.decode(state, nifs, "window state of model " + spec.id());
        return WindowAccumulatorBytes.encode(acc.fold(nifs, keys.vkDigest(), fresh, rng));
    }

    static WindowAccumulator decode(byte[] state, ModelSpec spec) {
        return WindowAccumulatorBytes.decode(state, DeployedModels.windowKeys(spec).decider().nifs(),
                "window state of model " + spec.id());
    }
}
