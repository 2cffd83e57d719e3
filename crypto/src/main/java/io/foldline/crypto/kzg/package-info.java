/**
 * KZG polynomial commitments over BN254 (A. Kate, G. M. Zaverucha, I. Goldberg, "Constant-Size Commitments to
 * Polynomials and Their Applications", ASIACRYPT 2010).
 *
 * <p>Commitment to p(x) = sum p_i x^i: {@code C = sum p_i * [tau^i]_1}. Opening at z: the value v = p(z) and
 * {@code pi = [q(tau)]_1} with q(x) = (p(x) - v) / (x - z). Verification: {@code e(C - [v]_1 + z*pi, [1]_2) ==
 * e(pi, [tau]_2)}, computed as one two-pair pairing check. Batch verification weights each claim by a power of a
 * verifier-random rho and checks the sums with the same two pairs.
 *
 * <p>The SRS is the {@code tau^i * G1} and {@code tau * G2} of a powers-of-tau ceremony (snarkjs {@code .ptau}
 * sections 2 and 3), so the Groth16 keys and the folding commitments share one setup. Nothing here is
 * serialized; points travel in the layouts of {@code io.foldline.crypto.bn254}.
 *
 * <p>Worked example (see {@code KzgTest}): with tau = 7 and p(x) = 1 + 2x + 3x^2, C = 162 * G1; opening at
 * z = 2 gives v = 17 and q(x) = 8 + 3x, so pi = 29 * G1, and 162 - 17 + 2 * 29 = 203 = 29 * 7 as the pairing
 * equation demands.
 */
package io.foldline.crypto.kzg;
