package io.foldline.jobs.validate;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.quant.QuantizedModel;
import io.foldline.crypto.bn254.Fr;
import io.foldline.jobs.model.DeployedModels;
import io.foldline.jobs.model.ModelSpec;
import io.foldline.jobs.source.RawRecord;
import io.foldline.schemas.AvroBinary;
import io.foldline.schemas.DeadLetterReason;
import io.foldline.schemas.InferenceRequest;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The first step after the source: decodes each raw record and checks it against the deployed models.
 * Records that fail go to {@link DeadLetters#TAG} with a reason, checked in this order: UNDECODABLE (not
 * an InferenceRequest in Avro binary, trailing bytes included; or an empty requestId), UNKNOWN_MODEL,
 * WRONG_SHAPE (input length, or a salt that is not 32 bytes), OUT_OF_RANGE (a value that is not finite or
 * outside the range the model was calibrated for, or a salt not below r). Duplicates need keyed state and
 * are caught by the next step, {@link DeduplicateRequests}.
 */
public final class ValidateRequests extends ProcessFunction<RawRecord, Accepted> {
    private final Map<String, ModelSpec> models;
    private transient Map<String, QuantizedModel> loaded;

    public ValidateRequests(Map<String, ModelSpec> models) {
        this.models = new HashMap<>(models);
    }

    /** Either a request to pass on, or why it is refused. */
    record Verdict(Accepted accepted, DeadLetterReason reason, String message) {
        static Verdict reject(DeadLetterReason reason, String message) {
            return new Verdict(null, reason, message);
        }
    }

    @Override
    public void open(OpenContext context) {
        loaded = new HashMap<>();
        for (ModelSpec spec : models.values()) {
            loaded.put(spec.id(), DeployedModels.pkg(spec).model());
        }
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<Accepted> out) {
        Verdict v = check(raw);
        if (v.accepted() != null) {
            out.collect(v.accepted());
        } else {
            ctx.output(DeadLetters.TAG, DeadLetters.of(v.reason(), v.message() + " (" + raw.address() + ")", raw));
        }
    }

    Verdict check(RawRecord raw) {
        InferenceRequest req;
        try {
            req = AvroBinary.decode(raw.value(), InferenceRequest.class);
        } catch (Exception e) { // Avro reports garbage as IOException or as assorted runtime exceptions
            return Verdict.reject(DeadLetterReason.UNDECODABLE, "not an InferenceRequest in Avro binary ("
                    + raw.value().length + " bytes): " + describe(e));
        }
        if (req.getRequestId().isEmpty()) {
            return Verdict.reject(DeadLetterReason.UNDECODABLE, "requestId is empty");
        }
        String who = "request " + req.getRequestId();
        QuantizedModel model = loaded.get(req.getModelId());
        if (model == null) {
            return Verdict.reject(DeadLetterReason.UNKNOWN_MODEL, who + ": model '" + req.getModelId()
                    + "' is not deployed in this job (deployed: " + String.join(", ", new TreeMap<>(loaded).keySet()) + ")");
        }
        Verdict v = checkInput(who, model, req.getInput());
        if (v == null) {
            v = checkSalt(who, req.getSalt());
        }
        return v != null ? v : new Verdict(new Accepted(req, raw), null, null);
    }

    private static Verdict checkInput(String who, QuantizedModel model, List<Double> input) {
        if (input.size() != model.inputSize()) {
            return Verdict.reject(DeadLetterReason.WRONG_SHAPE, who + ": input has " + input.size()
                    + " values, model " + model.name() + " takes " + model.inputSize());
        }
        double[] x = new double[input.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = input.get(i);
            if (!Double.isFinite(x[i])) {
                return Verdict.reject(DeadLetterReason.OUT_OF_RANGE, who + ": input[" + i + "] = " + x[i]
                        + " is not a finite number");
            }
        }
        try {
            model.quantizeInput(x, who);
        } catch (FormatException e) {
            return Verdict.reject(DeadLetterReason.OUT_OF_RANGE, e.getMessage());
        }
        return null;
    }

    private static Verdict checkSalt(String who, ByteBuffer salt) {
        if (salt == null) {
            return null;
        }
        if (salt.remaining() != 32) {
            return Verdict.reject(DeadLetterReason.WRONG_SHAPE, who + ": salt has " + salt.remaining()
                    + " bytes, expected 32 (a big-endian field element)");
        }
        byte[] b = new byte[32];
        salt.duplicate().get(b);
        if (new BigInteger(1, b).compareTo(Fr.MODULUS) >= 0) {
            return Verdict.reject(DeadLetterReason.OUT_OF_RANGE, who + ": salt is not below the BN254 scalar "
                    + "field modulus r");
        }
        return null;
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
