/**
 * Circuit building for Foldline's quantized models: a small front end in the spirit of gnark's
 * {@code frontend} package (a circuit is a {@code Define(api)} method; the API records constraints and the
 * prover's computation at once), compiling to the {@link io.foldline.circuits.r1cs.R1cs} that our Groth16
 * and snarkjs' {@code .r1cs} files share. DESIGN.md section 2 fixes what the gadgets are for.
 *
 * <h2>API</h2>
 * A {@link io.foldline.circuits.frontend.Circuit}'s {@code define(api)} declares inputs
 * ({@code publicInput}, {@code privateInput}, arrays as {@code name[i]}) and outputs ({@code output(name,
 * value)}, one constraint {@code value * 1 = out}), and builds constraints between
 * {@link io.foldline.circuits.frontend.Variable}s, which are linear combinations of wires: adding,
 * subtracting and scaling are free, {@code api.mul} of two non-constant variables adds one constraint and
 * one wire, {@code assertEqual}, {@code assertBoolean} and {@code assertProduct} add one constraint each.
 * Anything whose operands are all constants folds at compile time (a false constant assertion is a compile
 * error). {@code api.hint} creates private wires that the prover fills by a Java function; a gadget must
 * constrain them, and {@link io.foldline.circuits.frontend.Compiler} rejects a hint output that appears in
 * no constraint. {@code api.gadget(name)} opens a scope; every constraint carries a
 * {@link io.foldline.circuits.frontend.ConstraintLabel} (gadget path, purpose), and hinted and product
 * wires are named {@code gadget/purpose[i]}.
 *
 * <p>{@link io.foldline.circuits.frontend.CompiledCircuit#solve} runs the recorded steps in creation order
 * (products, outputs, hints), lays the values out in wire order and checks the witness against the R1CS
 * itself; the first violated row is reported with its label
 * ({@link io.foldline.circuits.frontend.UnsatisfiedConstraintException}). {@code assign} does the same
 * without the check and can replace hints, which is how the tests play a cheating prover.
 *
 * <h2>Wire order</h2>
 * circom's: 0 is the constant 1, then public outputs, public inputs, private inputs (each group in
 * declaration order, whatever order {@code define} interleaves them in), then internal wires in creation
 * order. The snarkjs public signals are wires 1..nPubOut+nPubIn. Nothing is serialized here; the
 * {@code .r1cs} and {@code .wtns} encodings are {@link io.foldline.circuits.snarkjs}'s.
 *
 * <h2>Gadgets, costs (constraints, non-constant operands) and soundness</h2>
 * <ul>
 *   <li>{@link io.foldline.circuits.frontend.Bits#toBits toBits(x, n)}, {@code Bits.rangeCheck}: n + 1.
 *       n hinted bits, each asserted boolean, their weighted sum asserted equal to x. With n <= 253 the
 *       sum is below 2^253 < r, so the equality holds over the integers: x < 2^n and the bits are its
 *       digits (circomlib's {@code Num2Bits} is the same construction). {@code and}, {@code or},
 *       {@code xor}: 1 (+1 per operand not known boolean); {@code not}: 0.</li>
 *   <li>{@link io.foldline.circuits.frontend.Signed#isNonNegative isNonNegative(x, n)} /
 *       {@code isNegative} / {@code Signed.rangeCheck}: n + 1. The sign is bit n-1 of
 *       {@code x + 2^(n-1)}, decomposed in n bits, which also proves {@code x in [-2^(n-1), 2^(n-1))};
 *       circomlib's {@code LessThan(n)} decomposes {@code a + 2^n - b} in the same spirit.
 *       {@code lessThan(a, b, n)}: n + 2 (sign of a - b on n + 1 bits). {@code select(c, a, b)}:
 *       1, {@code b + c (a - b)}, +1 to assert c boolean unless already known. {@code max(a, b, n)}:
 *       n + 3. {@code relu(x, n)}: n + 2, {@code sign * x}. The prover chooses nothing: every bit is
 *       pinned by the decomposition.</li>
 *   <li>{@link io.foldline.circuits.frontend.FixedPoint#divByConstant divByConstant(x, d, nx)}: hinted
 *       q and rem with {@code x = q d + rem}, {@code 0 <= rem < d} and
 *       {@code q in [-2^(m-1), 2^(m-1))}, m = max(1, nx - floor(log2 d)). The compiler requires
 *       {@code 2^m d <= r} (true whenever nx <= 252 and d < 2^252), so q d + rem cannot wrap modulo r
 *       and (q, rem) is the integer floor division. Without the quotient bound any remainder would do: q = (x - rem)/d
 *       mod r always exists. Cost nx + 3 for d = 2^k; 1 + 2 (b + 1) + (m + 1) with b = bitLength(d - 1)
 *       otherwise. {@code divRound} adds floor(d/2) first (round half up).</li>
 *   <li>{@link io.foldline.circuits.frontend.PoseidonGadget}: circomlib's Poseidon round by round, 3
 *       constraints per S-box, 3 (8t + R_P) - 3 for a hash of t - 1 non-constant inputs (240 for two
 *       inputs), no hints; equal to {@link io.foldline.crypto.poseidon.Poseidon#hash}.</li>
 * </ul>
 * "Sound" above means: given the inputs, there is exactly one assignment of the gadget's wires that
 * satisfies its constraints, and it is the honest one. Every gadget has a test that changes one hinted
 * (or product) wire and checks through {@code R1cs.firstUnsatisfied} that the witness is rejected.
 *
 * <h2>Prior art</h2>
 * gnark's {@code frontend.API} (Define, hints, AssertIsBoolean/ToBinary, constant folding of linear
 * expressions); circomlib's {@code bitify.circom} ({@code Num2Bits}) and {@code comparators.circom}
 * ({@code LessThan}); the circomlib-ml soundness gap that DESIGN.md section 2 warns about (hinted
 * division results checked only by an {@code assert} that the verifier never runs) is what the
 * remainder and quotient range checks close.
 */
package io.foldline.circuits.frontend;
