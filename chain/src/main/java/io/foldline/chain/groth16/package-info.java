/**
 * Groth16 verification on the EVM (DESIGN.md sections 3 and 5): {@link io.foldline.chain.groth16.SolidityVerifier}
 * writes a per-key Solidity verifier with snarkjs's {@code verifyProof} ABI over the EIP-196 (ecAdd 0x06,
 * ecMul 0x07) and EIP-197 (pairing 0x08) precompiles, and {@link io.foldline.chain.groth16.SolidityCalldata}
 * encodes a proof for it.
 *
 * <p>Calldata of {@code verifyProof} with N public signals: the selector keccak256("verifyProof(uint256[2],
 * uint256[2][2],uint256[2],uint256[N])")[0..4], then 8 + N big-endian 32-byte words:
 * <pre>
 * A.x  A.y  B.x.c1  B.x.c0  B.y.c1  B.y.c0  C.x  C.y  s_0 .. s_(N-1)
 * </pre>
 * G2 coordinates go imaginary part first, as EIP-197 reads them and as snarkjs's calldata writes them; proof.json
 * holds them the other way round ({@code pi_b = [[x.c0, x.c1], [y.c0, y.c1], ["1", "0"]]}). For N = 1 that is
 * 4 + 9 * 32 = 292 bytes.
 *
 * <p>Rejection is {@code false}, never a revert, for every well-shaped call: a public input of r or more (checked
 * before it reaches ecMul, which would silently reduce it mod r and accept), and a proof point that is off the
 * curve, not in the subgroup or has a coordinate of q or more (the precompile call fails). Only calldata too short
 * for the ABI reverts (Solidity's decoder). A failed precompile call burns the gas forwarded to it, so a
 * transaction carrying a malformed point pays for it; an {@code eth_call} does not care.
 */
package io.foldline.chain.groth16;
