package io.foldline.circuits.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * onnxruntime running one model on one row at a time (batch 1): the oracle the importer is checked against.
 * Public for the tests of other packages (the quantized models compare their accuracy with it).
 */
public final class OnnxRuntimeOracle implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String inputName;

    public OnnxRuntimeOracle(byte[] model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            session = env.createSession(model, options);
        }
        inputName = session.getInputNames().iterator().next();
    }

    /** The graph's output for {@code row} (shape {@code [1] + shape}), flattened. */
    public double[] run(int[] shape, double[] row) throws OrtException {
        long[] full = new long[shape.length + 1];
        full[0] = 1;
        for (int i = 0; i < shape.length; i++) {
            full[i + 1] = shape[i];
        }
        FloatBuffer in = FloatBuffer.allocate(row.length);
        for (double v : row) {
            in.put((float) v);
        }
        in.flip();
        try (OnnxTensor t = OnnxTensor.createTensor(env, in, full);
             OrtSession.Result r = session.run(Map.of(inputName, t))) {
            FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
            double[] y = new double[out.remaining()];
            for (int i = 0; i < y.length; i++) {
                y[i] = out.get(i);
            }
            return y;
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
