package io.foldline.circuits.model;

import java.util.Arrays;

/** ONNX Flatten and Reshape: the flat row-major data is unchanged, only the shape is. */
public record Reshape(int[] inShape, int[] outShape) implements FloatLayer {
    public Reshape {
        if (FloatLayer.size(inShape) != FloatLayer.size(outShape)) {
            throw new IllegalArgumentException("reshape " + Arrays.toString(inShape) + " -> "
                    + Arrays.toString(outShape) + " changes the number of elements");
        }
        inShape = inShape.clone();
        outShape = outShape.clone();
    }

    @Override
    public int[] inShape() {
        return inShape.clone();
    }

    @Override
    public int[] outShape() {
        return outShape.clone();
    }

    @Override
    public double[] forward(double[] x) {
        return x.clone();
    }

    @Override
    public String kind() {
        return "reshape";
    }
}
