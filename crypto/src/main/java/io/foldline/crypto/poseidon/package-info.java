/**
 * Poseidon over the BN254 scalar field with circomlib's parameters, so that a hash computed here equals
 * circomlib's {@code Poseidon(n)} circuit and circomlibjs' {@code poseidon} (DESIGN.md section 2: the input
 * commitment {@code h_in}; section 4: the decider's challenge).
 *
 * <p>Reference: L. Grassi, D. Khovratovich, C. Rechberger, A. Roy, M. Schofnegger, "Poseidon: A New Hash
 * Function for Zero-Knowledge Proof Systems", USENIX Security 2021, ePrint 2019/458.
 *
 * <h2>Function</h2>
 * For n = 1..16 inputs the state width is t = n + 1 and
 * {@code Poseidon(x_1..x_n) = P_t(0, x_1, ..., x_n)[0]}: a zero capacity element first, the inputs after
 * it, one permutation, element 0 out (circomlibjs 0.1.7 {@code src/poseidon_reference.js} and
 * {@code poseidon_wasm.js}; circomlib {@code circuits/poseidon.circom} with {@code initialState = 0}).
 * The permutation P_t runs R_F + R_P rounds of: add the round's t constants; x^5 on every element in the
 * first and last R_F / 2 = 4 rounds, on element 0 only in the R_P partial rounds between; multiply by the
 * t x t MDS matrix ({@code new[i] = sum_j M[i][j] old[j]}). R_F = 8 and R_P for t = 2..17 is
 * 56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68 (circomlibjs' table: the paper's
 * 128-bit round numbers from {@code calc_round_numbers.py}, rounded up).
 * Example: Poseidon(1, 2) = 7853200120776062878684798364095072458815029376092732009249414926327459813530.
 *
 * <h2>Constants</h2>
 * Round constants and matrices are generated on first use per width, never read from files, by the
 * paper's Grain LFSR (appendix E) the way the authors' {@code generate_parameters_grain.sage} runs it with
 * arguments {@code 1 0 254 t 8 R_P r}:
 * <ul>
 *   <li>80-bit seed, most significant bit first: field type 1 (GF(p), 2 bits), S-box 0 (x^alpha, 4 bits),
 *       field size 254 (12 bits), t (12 bits), R_F (10 bits), R_P (10 bits), then thirty 1s;</li>
 *   <li>b_{i+80} = b_{i+62} + b_{i+51} + b_{i+38} + b_{i+23} + b_{i+13} + b_i over GF(2); the first 160
 *       bits are discarded; then bits are read in pairs and the second is output when the first is 1;</li>
 *   <li>(R_F + R_P) t round constants, each 254 output bits read most significant first, redrawn while
 *       >= r;</li>
 *   <li>then 2t further 254-bit draws reduced mod r (no rejection), x_0..x_{t-1}, y_0..y_{t-1}, redrawn
 *       together unless all distinct and every x_i + y_j != 0; M[i][j] = 1 / (x_i + y_j).</li>
 * </ul>
 * The reference script then runs three subspace-trail checks on M and draws another matrix while one
 * fails. We compared every constant and matrix entry with circomlibjs 0.1.7's {@code poseidon_constants.js}
 * for all 16 widths: all round constants agree, and every circomlib matrix is the first one drawn (not
 * transposed), so no width was redrawn and we do not run the checks (PoseidonInteropTest re-checks this).
 *
 * <h2>Evaluation</h2>
 * {@link io.foldline.crypto.poseidon.Poseidon} evaluates an equivalent rearrangement (constants of the
 * partial rounds folded forward, sparse partial-round matrices, paper appendix B; see
 * {@code OptimizedRounds}) on Montgomery limbs; tests compare it with the round-by-round definition.
 */
package io.foldline.crypto.poseidon;
