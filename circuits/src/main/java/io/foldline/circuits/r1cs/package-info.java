/**
 * Rank-1 constraint systems over the BN254 scalar field and their witnesses, in the compact form that the
 * Groth16 setup and prover and the circuit compiler share: {@link io.foldline.circuits.r1cs.R1cs} holds
 * the wire counts in circom's wire order and three {@link io.foldline.circuits.r1cs.SparseMatrix}es
 * (compressed sparse rows: int wire indices and Fr coefficients as flat Montgomery limbs);
 * {@link io.foldline.circuits.r1cs.Witness} holds one Montgomery value per wire.
 *
 * <p>A constraint system is satisfied by z when (A z) o (B z) = C z row by row (Groth16, "On the Size of
 * Pairing-based Non-interactive Arguments", Eurocrypt 2016, section 3). Nothing here is serialized; the
 * {@code .r1cs} and {@code .wtns} encodings live in {@link io.foldline.circuits.snarkjs}.
 *
 * <p>Memory layout of a matrix with rows [{2: 1}, {}, {0: 5, 3: 7}]:
 * <pre>
 * rowStarts = [0, 1, 1, 3]
 * cols      = [2, 0, 3]
 * coeffs    = [mont(1) (4 limbs), mont(5) (4 limbs), mont(7) (4 limbs)]
 * </pre>
 */
package io.foldline.circuits.r1cs;
