/**
 * Radix-2 number theoretic transforms over the BN254 scalar field Fr, on the subgroups of order 2^k
 * (k <= 28) and their cosets: what the Groth16 prover needs to compute the quotient polynomial H, and what
 * KZG needs to move between coefficient and evaluation form.
 *
 * <h2>Algorithm</h2>
 * Iterative radix-2 decimation in time (J. W. Cooley and J. W. Tukey, "An algorithm for the machine
 * calculation of complex Fourier series", Math. Comp. 19 (1965) 297-301), taken over Fr: a bit-reversal
 * permutation, then log2(n) stages of butterflies (u, v) -> (u + w v, u - w v). Stages that span at most 2^14
 * elements run block by block so that a block stays in cache; wider stages stream the whole array; both are
 * split over the common ForkJoin pool from n = 2^12. The twiddles omega^j, j < n/2, are computed once per
 * {@link io.foldline.crypto.fft.Domain} (domains are cached by k). The inverse transform reuses the forward
 * one: sum_j a_j omega^(-ij) is the forward result at index (n - i) mod n, then everything is scaled by 1/n.
 * A coset transform at shift g scales coefficient i by g^i first (forward) or by g^-i afterwards (inverse).
 *
 * <h2>Which omega: snarkjs's</h2>
 * snarkjs stores Lagrange-basis points L_i(tau) over the domain {omega^i} in .ptau and .zkey files, and its
 * Groth16 prover evaluates on the coset w[k+1] * {omega^i} (groth16_prove.js:
 * {@code inc = power == Fr.s ? Fr.shift : Fr.w[power + 1]}), so our omega must be exactly ffjavascript's.
 * In ffjavascript 0.2.63 and 0.3.1 ({@code src/wasm_field1.js}, the Fr that {@code buildBn128} gives
 * snarkjs; {@code src/fft.js} and {@code src/f1field.js} for the pure-JS field follow the same rule):
 * {@code nqr} is the smallest x >= 2 with x^((r-1)/2) = -1, which is 5; s = 28 is the 2-adicity of r - 1 and
 * t = (r-1) / 2^28; {@code w[s] = nqr^t} and {@code w[i-1] = w[i]^2}. So omega for n = 2^k is
 * {@code w[k] = 5^((r-1) / 2^k)}. Running ffjavascript (node, {@code buildBn128(true)}) printed
 * Fr.s = 28, Fr.nqr = 5 and
 * <pre>
 * w[10] = 3161067157621608152362653341354432744960400845131437947728257924963983317266
 * w[28] = 19103219067921713944291392827692070036145651957329286315305642004821462161904
 * </pre>
 * which {@code DomainTest} checks, and {@code FfjavascriptOmegaInteropTest} (tag interop) re-runs node for
 * k = 1..20. Any other generator would give a valid transform but wrong proofs against snarkjs keys.
 *
 * <h2>Flat array layout</h2>
 * A vector of n Fr elements is one {@code long[4n]}: element i occupies {@code a[4i .. 4i+3]}, its
 * Montgomery form (x * 2^256 mod r) as four little-endian 64-bit limbs, fully reduced, exactly as
 * {@link io.foldline.crypto.bn254.Fr#copyMontTo} writes it and {@link io.foldline.crypto.bn254.Fr#fromMont}
 * reads it. Coefficients are in ascending degree; evaluations are in natural order (index i is the point
 * shift * omega^i). Example: Fr 1 is the Montgomery limbs of 2^256 mod r,
 * {@code {0xac96341c4ffffffbL, 0x36fc76959f60cd29L, 0x666ea36f7879462eL, 0x0e0a77c19a07df2fL}}.
 * Nothing here is serialized.
 */
package io.foldline.crypto.fft;
