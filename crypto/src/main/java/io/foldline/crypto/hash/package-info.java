/**
 * Keccak-256 and the Keccak Fiat–Shamir transcript shared by the Java and Solidity verifiers; also
 * BLAKE2b ({@link io.foldline.crypto.hash.Blake2b}, RFC 7693), which snarkjs uses for its setup transcripts.
 *
 * <h2>Keccak-256</h2>
 * {@link io.foldline.crypto.hash.Keccak256} is Keccak[c = 512] from "The Keccak reference" (Bertoni, Daemen,
 * Peeters, Van Assche, 2011) with the permutation of FIPS 202 section 3 and the original multi-rate padding
 * (0x01 after the message, 0x80 in the last byte of the 136-byte block). That is the EVM's {@code KECCAK256}
 * opcode and Solidity's {@code keccak256}; it is not FIPS 202 SHA3-256, which pads with 0x06.
 * Example: keccak256("") = c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470.
 *
 * <h2>Transcript (DESIGN.md section 4)</h2>
 * The transcript is a byte buffer {@code B}:
 * <ul>
 *   <li>{@code new Transcript(tag)}: {@code B = keccak256(utf8(tag))} (32 bytes).</li>
 *   <li>{@code absorbWord(w)}: {@code B = B || w}, where {@code w} is exactly 32 bytes.</li>
 *   <li>{@code absorbScalar(s)}, {@code absorbUint(v)}: {@code B = B || uint256_be(v)}; values of 2^256 or
 *       more are rejected, never truncated. A scalar is written canonically (below r).</li>
 *   <li>{@code absorbG1(x, y)}: {@code B = B || uint256_be(x) || uint256_be(y)}, the affine coordinates as the
 *       ecAdd/ecMul precompiles take them; the point at infinity is written (0, 0).</li>
 *   <li>{@code challenge()}: {@code d = keccak256(B)}; the challenge is {@code uint256_be(d) mod r} with r the
 *       BN254 scalar field order; then {@code B = d}, so every later challenge chains on all earlier input.</li>
 * </ul>
 * Every item is a whole 32-byte word, so in Solidity a challenge is exactly
 * {@code uint256(keccak256(abi.encodePacked(state, w1, w2, ...))) % R} with {@code bytes32 state} the previous
 * digest (or the tag hash) and each {@code wi} a {@code uint256} or {@code bytes32}; afterwards
 * {@code state = keccak256(...)}. Reducing a 256-bit digest mod r biases the challenge by less than 2^-250
 * per value, which is negligible for soundness.
 *
 * <h3>Worked example</h3>
 * (Checked by {@code TranscriptTest}; the numbers come from ethers v5 {@code solidityKeccak256}.)
 * <pre>
 * tag = "foldline.transcript.example"
 * B  = keccak256(tag) = 345d7eaa12f226ac5e9df4e08ceddefe98ce0a615eeb2f1d7470fc6b37047845
 * absorbUint(1); absorbScalar(2); absorbG1(1, 2)   // (1, 2) is the G1 generator
 * B  = 345d...7845 || 00..01 || 00..02 || 00..01 || 00..02                 (160 bytes)
 * d1 = keccak256(B) = d4c538f308d0861632f6e5c1f885c2180e9a828833cde0d291795f5aae4ece14
 * c1 = d1 mod r = 8685814334047455587637548642523323627725693433383170145723483699980645879312
 * absorbWord(ab ab ... ab)                          // 32 bytes of 0xab
 * d2 = keccak256(d1 || abab...ab) = 313ec1df506898943e6648f9b8e7e18ad6e12074efd6ec0c117257651de19801
 * c2 = d2 mod r = 385969284338086626983034703393540621680158798814314896626736784348113115136
 * </pre>
 * Solidity: {@code c1 = uint256(keccak256(abi.encodePacked(keccak256("foldline.transcript.example"),
 * uint256(1), uint256(2), uint256(1), uint256(2)))) % R}.
 */
package io.foldline.crypto.hash;
