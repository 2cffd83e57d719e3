package io.foldline.cli;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.foldline.circuits.FormatException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * A float ONNX model run by onnxruntime, one row at a time (batch 1, float32): the reference that
 * {@code model eval} measures the quantized model against. Input and output names come from the session.
 */
final class OnnxRuntimeModel implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final Path file;
    private final OrtSession session;
    private final String inputName;
    private final String outputName;
    private final long[] shape;

    /** {@code inputShape} is the model's input shape without the batch axis. */
    OnnxRuntimeModel(Path file, int[] inputShape) {
        this.file = file;
        try {
            session = env.createSession(file.toString(), new OrtSession.SessionOptions());
        } catch (OrtException e) {
            throw new FormatException(file + ": onnxruntime cannot load it: " + e.getMessage(), e);
        }
        inputName = session.getInputNames().iterator().next();
        outputName = session.getOutputNames().iterator().next();
        shape = new long[inputShape.length + 1];
        shape[0] = 1;
        for (int i = 0; i < inputShape.length; i++) {
            shape[i + 1] = inputShape[i];
        }
    }

    /** The graph's first output for one flattened input row. */
    double[] run(double[] row) {
        FloatBuffer in = FloatBuffer.allocate(row.length);
        for (double v : row) {
            in.put((float) v);
        }
        in.flip();
        try (OnnxTensor t = OnnxTensor.createTensor(env, in, shape);
             OrtSession.Result r = session.run(Map.of(inputName, t))) {
            OnnxValue v = r.get(outputName).orElseThrow();
            if (!(v instanceof OnnxTensor out) || out.getInfo().type != ai.onnxruntime.OnnxJavaType.FLOAT) {
                throw new FormatException(file + ": output '" + outputName + "' is not a float tensor");
            }
            FloatBuffer fb = out.getFloatBuffer();
            double[] y = new double[fb.remaining()];
            for (int i = 0; i < y.length; i++) {
                y[i] = fb.get(i);
            }
            return y;
        } catch (OrtException e) {
            throw new FormatException(file + ": onnxruntime failed on an input: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the onnxruntime session of " + file, e);
        }
    }
}
