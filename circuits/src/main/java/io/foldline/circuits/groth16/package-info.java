/**
 * Groth16 on BN254, file-compatible with snarkjs 0.7.6: setup, phase-2 contributions, proving, verifying.
 *
 * <p>Paper: Jens Groth, "On the Size of Pairing-based Non-interactive Arguments", EUROCRYPT 2016 (eprint
 * 2016/260), section 3.2; the multi-party phase 2: Bowe, Gabizon, Miers, "Scalable Multi-party Computation
 * for zk-SNARK Parameters in the Random Beacon Model" (eprint 2017/1050). The arrangement of the keys is
 * snarkjs', so that every artefact can be checked by {@code snarkjs}:
 * <ul>
 *   <li>{@link io.foldline.circuits.groth16.Setup}: R1CS + prepared ptau to the initial zkey, byte for byte
 *       what {@code snarkjs groth16 setup} writes (domain of 2^(floor(log2(nConstraints + nPublic)) + 1)
 *       rows; extra rows {@code A[nConstraints + s][s] = 1} for s = 0..nPublic; H points are the odd
 *       Lagrange points of the 2n domain; gamma = delta = 1);</li>
 *   <li>{@link io.foldline.circuits.groth16.Phase2}: contributions and beacons, with snarkjs' records;</li>
 *   <li>{@link io.foldline.circuits.groth16.Prover} (via {@link io.foldline.circuits.groth16.Qap}: A·B - C
 *       on the odd coset of the 2n domain) and {@link io.foldline.circuits.groth16.Verifier} with an explicit
 *       {@link io.foldline.circuits.groth16.PreparedVerifyingKey#prepare} step.</li>
 * </ul>
 * File reading and writing ({@code .zkey}, {@code .ptau}, JSON) lives in {@code io.foldline.circuits.snarkjs}.
 *
 * <h2>What this package hashes (BLAKE2b-512, byte layouts)</h2>
 * Points are hashed in ffjavascript's uncompressed encoding
 * ({@link io.foldline.circuits.snarkjs.Uncompressed}): G1 = x ‖ y, G2 =
 * x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0, each coordinate 32 bytes big-endian canonical, infinity all zeros; counts are
 * big-endian u32.
 * <ul>
 *   <li>Circuit hash (zkey section 10, first 64 bytes): alpha1, beta1, beta2, gamma2, delta1, delta2, then
 *       u32(nPublic + 1) ‖ IC, u32(n - 1) ‖ (τ^{i+n} - τ^i) G1 for i below n - 1 (below n when n > 2^14, a
 *       snarkjs quirk, see {@code SetupHashTail}), u32(#C) ‖ C, u32(nVars) ‖ A, u32(nVars) ‖ B1,
 *       u32(nVars) ‖ B2. Example: the 1-constraint {@code multiplier} circuit has 4 rows, so the τ part is
 *       u32(3) followed by three 64-byte points.</li>
 *   <li>Contribution transcript: circuit hash ‖ for each earlier record (deltaAfter ‖ g1_s ‖ g1_sx ‖
 *       g2_spx ‖ its 64-byte transcript) ‖ g1_s ‖ g1_sx. The G2 point s_p is drawn from a ChaCha20 seeded
 *       with the transcript's first 32 bytes ({@link io.foldline.circuits.snarkjs.RngPoints#hashToG2}).</li>
 *   <li>Contribution hash (printed for contributors to publish): deltaAfter ‖ g1_s ‖ g1_sx ‖ g2_spx ‖
 *       transcript.</li>
 * </ul>
 */
package io.foldline.circuits.groth16;
