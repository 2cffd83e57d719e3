/**
 * Float models as Foldline proves them: a chain of layers ({@link io.foldline.circuits.model.Dense},
 * {@link io.foldline.circuits.model.Conv2d}, {@link io.foldline.circuits.model.Relu},
 * {@link io.foldline.circuits.model.MaxPool2d}, {@link io.foldline.circuits.model.AvgPool2d},
 * {@link io.foldline.circuits.model.Reshape}) from one input tensor to the logits, then a
 * {@link io.foldline.circuits.model.Head} (none, sigmoid or softmax) applied outside the proof.
 *
 * <p>Tensors are flat {@code double[]} in row-major order without the batch axis: an image
 * {@code [C, H, W]} is {@code x[(c * H + h) * W + w]}, as ONNX and PyTorch lay out NCHW data. The
 * {@code forward} methods are the float semantics of ONNX's operators (Gemm, Conv with zero padding,
 * MaxPool where padding never wins, AveragePool with or without padding in the divisor); the
 * ONNX importer ({@link io.foldline.circuits.onnx}) builds these objects and tests check them against
 * onnxruntime. Calibration ({@link io.foldline.circuits.quant.Quantizer}) observes
 * {@link io.foldline.circuits.model.FloatModel#trace}.
 */
package io.foldline.circuits.model;
