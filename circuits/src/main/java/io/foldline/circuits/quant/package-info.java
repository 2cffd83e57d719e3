/**
 * Quantized models and their circuits: the statement of DESIGN.md section 2.
 *
 * <h2>Fixed point</h2>
 * Every tensor has a power-of-two scale: an integer q at exponent e stands for {@code q / 2^e}. Calibration
 * ({@link io.foldline.circuits.quant.Quantizer}) runs the float model on sample inputs and gives each
 * tensor the largest e for which its largest calibration magnitude fits a signed {@code activationBits}
 * integer (default 12); weights likewise with {@code weightBits} (default 12) per weight tensor; a bias is
 * rounded at the accumulator's exponent (input exponent + weight exponent). A dense or convolution layer
 * computes {@code acc = b + sum w x} exactly (weights are circuit constants: free) and requantizes to its
 * output exponent by {@code floor((acc + 2^(s-1)) / 2^s)}, s = input + weight - output exponent (round half
 * up; multiplication by 2^-s when s <= 0), with a following ReLU fused into it. Average pooling divides the
 * window sum by the window's divisor with the same rounding; max pooling, ReLU and reshaping keep the
 * exponent. Rounding of floats to integers is {@code floor(x * 2^e + 1/2)} everywhere.
 *
 * <h2>Inputs</h2>
 * {@link io.foldline.circuits.quant.InputSpec}: inputs are {@code bits}-bit integers, unsigned when no
 * calibration input is negative, else signed; the exponent puts the largest calibration magnitude in the
 * lower half of the range (one bit of headroom), and inputs outside the range are refused by name. Unless
 * fixed by the user, the input width is the smallest whose logits stay within a tolerance (default 1% of
 * the largest calibration logit) of the float model on every calibration input.
 *
 * <h2>One code path, three meanings</h2>
 * Layers are written once against {@link io.foldline.circuits.quant.QuantOps}:
 * {@link io.foldline.circuits.quant.LongOps} is the Java reference runtime,
 * {@link io.foldline.circuits.quant.IntervalOps} computes sound bounds for every value (which size every
 * range check, so every accepted input has a witness), and {@link io.foldline.circuits.quant.CircuitOps}
 * emits the gadgets of {@link io.foldline.circuits.frontend}, whose hints perform the same integer
 * operations. {@link io.foldline.circuits.quant.ModelWitness} checks, on every witness, that the circuit's
 * public outputs equal the reference runtime's.
 *
 * <h2>The statement</h2>
 * Public signals, in snarkjs order: {@code commitment} = h_in, {@code logits[0..k)} (signed integers at the
 * last layer's exponent; a negative v is r - |v|), {@code class} when the graph ends in Softmax (argmax,
 * first index on ties) or in one Sigmoid (1 when the logit is >= 0), then the public input {@code tag},
 * which the circuit squares in one constraint so that it is bound by the constraint system. Private:
 * {@code salt} and {@code input[0..n)}. The head itself is not proven: it is monotone, and the class is
 * proven from the logits.
 *
 * <h2>Input commitment</h2>
 * With b input bits and offset o = 2^(b-1) for signed inputs (else 0), the digits {@code u_i = q_i + o}
 * lie in [0, 2^b) (range-checked in the circuit, b + 1 constraints each). They are packed little-endian,
 * {@code K = floor(253 / b)} digits per field element: {@code p_j = sum_{i<K} u_{jK+i} 2^(b i)}, which is
 * below 2^253 < r, so packing is injective. With elements {@code e = (salt, p_0, ..., p_{m-1})},
 * {@code h = Poseidon(e_0..e_15)} over at most 16 elements, then {@code h = Poseidon(h, next <= 15)} until
 * all are absorbed; Poseidon is circomlib's (crypto poseidon package). Example: 64 inputs of 6 bits give
 * K = 42, m = 2 and {@code h_in = Poseidon(salt, p_0, p_1)}.
 *
 * <h2>{@code model.json}</h2>
 * {@link io.foldline.circuits.quant.QuantizedModelJson}: {@code {"format": "foldline-quantized-model",
 * "version": 1, "name", "inputShape": [..], "head": "none"|"sigmoid"|"softmax", "input": {"exponent",
 * "bits", "signed"}, "layers": [...]}}; a layer has {@code "kind"} (dense, conv2d, maxpool2d, avgpool2d,
 * relu, reshape), its shapes ({@code inputs}/{@code outputs} or {@code inShape}, {@code outChannels},
 * {@code outShape}), {@code window} ({@code kernel [h, w]}, {@code strides [h, w]}, {@code pads [top, left,
 * bottom, right]}), for dense and conv2d {@code weightExponent}, {@code shift}, {@code relu}, integer
 * {@code weight} ([out][in] or [outC][inC][kh][kw], row-major) and {@code bias}, and {@code outExponent}.
 */
package io.foldline.circuits.quant;
