/**
 * <b>Test-only</b> powers of tau: {@link io.foldline.circuits.ptau.TestPowersOfTau} writes a snarkjs
 * {@code .ptau} file from secrets derived from a seed. <b>Anyone who knows the seed can forge proofs</b>
 * for any circuit set up from such a file; production setups use a public ceremony's file (read with
 * {@link io.foldline.circuits.snarkjs.PtauFile}).
 *
 * <p>The file equals what {@code snarkjs powersoftau new}, one {@code contribute} with these secrets and
 * {@code prepare phase2} would write (checked byte for byte against {@code prepare phase2} in
 * {@code TestPowersOfTauInteropTest}), except the response hash (see below). Instead of point FFTs it uses
 * the known tau: section 12-15 points are L_i(tau) G with
 * L_i(tau) = omega^i (tau^n - 1) / (n (tau - omega^i)), one batch inversion per chunk, and every point is a
 * fixed-base multiple of a generator computed with {@code crypto.msm.FixedBaseTable} in parallel.
 *
 * <p>The contribution record has a valid proof of knowledge of tau, alpha and beta
 * (Groth, Bowe, Gabizon, Miers, "Scalable multi-party computation for zk-SNARK parameters in the random
 * beacon model", 2017, section 4; snarkjs's variant: s_p is snarkjs's hash to G2,
 * {@link io.foldline.circuits.snarkjs.RngPoints#hashToG2})
 * and the chained challenge hashes (BLAKE2b-512), so {@code snarkjs powersoftau verify} accepts the file.
 * snarkjs's response hash also covers the contributor's compressed points; ours covers only the challenge
 * and the public key (the verifier just resumes the stored state, so it accepts both). Layouts: see
 * {@link io.foldline.circuits.snarkjs}.
 */
package io.foldline.circuits.ptau;
