/**
 * The per-model window verifier contract (DESIGN.md section 5): {@link
 * io.foldline.chain.window.WindowVerifierSolidity} generates its Solidity source from the verifier side of a
 * model's window keys ({@link io.foldline.chain.window.WindowVerifierKey}: {@code verification_key.json} and
 * {@code window_vk.bin}), and {@link io.foldline.chain.window.WindowCalldata} encodes a
 * {@link io.foldline.aggregation.WindowProof} as the calldata of its {@code submitWindow}.
 *
 * <h2>Contract</h2>
 * <pre>
 *   submitWindow(bytes32 windowId, bytes instances, uint256[3+n] startInstance, uint256[8] deciderProof,
 *                uint256[4] kzgProof)
 *   isVerified(bytes32 windowId, bytes32 leaf, uint256 index, bytes32[] path) view returns (bool)
 *   receiptsRoot(bytes32 windowId) view returns (bytes32)         zero until the window settles
 *   isSettled(bytes32 windowId) view returns (bool)
 *   pendingReceiptsRoot() view returns (bytes32)                   nonzero only inside submitWindow
 *   foldStep(uint256[3+n] acc, bytes fresh) view returns (uint256 r, uint256[3+n])
 *   event WindowSettled(bytes32 indexed windowId, bytes32 receiptsRoot, uint256 size)
 *   library FoldlineReceipts: holder(verifier, windowId), receiptsRoot(verifier, windowId),
 *                             isVerified(verifier, windowId, leaf, index, path), verifyPath(root, leaf, index, path)
 * </pre>
 * The arrays are flat 32-byte words in the order of the window proof file (FLWP, {@code io.foldline.aggregation}'s
 * package documentation), n the model's public signal count, N the window's length, except {@code instances}:
 * one record per fold holding {@code C = K_i + K_T} (the point the fold uses, and what the fold transcript v2
 * absorbs), h_in and the tag as 32-byte words, and the outputs (and class) in the narrowest common two's
 * complement width, a byte or two for logits and classes, where a 32-byte word each would be most of the calldata
 * (format in {@link io.foldline.chain.window.WindowCalldata}); {@code startInstance = K0.x, K0.y, u0, x0[0..n)};
 * {@code deciderProof = A, B, C} with B as {@code x.c1, x.c0, y.c1, y.c0}; {@code kzgProof = zeta, v, pi.x, pi.y}.
 *
 * <p>{@code submitWindow} reverts with {@code WindowAlreadySettled} for a settled id, {@code MalformedWindow}
 * for empty {@code instances}, {@code FoldRejected} for a point off the curve, a scalar (h_in, tag, a 32-byte
 * output, u0, x0) not below r or records that do not end exactly at the end of {@code instances}, and
 * {@code ProofRejected} when the decider check fails. Otherwise, in one pass over the records, it
 * <ol>
 *   <li>replays fold i exactly as {@link io.foldline.aggregation.Nifs#verify}: the challenge
 *       {@code r = keccak256(keccak256("foldline.nifs.v2"), vkDigest, K, u, x..., C, x_i...) mod r_BN254}
 *       over the byte-by-byte transcript of the aggregation package, then {@code K += r C} (one ecMul, one
 *       ecAdd), {@code u += r}, {@code x += r x_i};</li>
 *   <li>hashes receipt leaf i from the instance's public signals ({@code io.foldline.chain.receipt}):
 *       {@code keccak256(windowId, i, x_i[n-1], x_i[0], ..., x_i[n-2])}, the tag moved to the front;</li>
 * </ol>
 * then checks the decider (below), stores the Keccak Merkle root of the leaves for {@code windowId} and emits
 * {@code WindowSettled}.
 *
 * <p>Where the root lives: in the code of a holder contract that {@code submitWindow} creates with CREATE2 at the
 * address given by the verifier, salt {@code windowId} and a constant 34-byte init code
 * ({@link io.foldline.chain.window.WindowVerifierSolidity#HOLDER_INIT}, hand-assembled so that no compiler changes
 * its hash); the init code staticcalls {@code pendingReceiptsRoot()} (the root in transient storage for the
 * duration of the call) and returns {@code 0x00 || root} as the holder's code, a leading STOP. A settled window is
 * one whose holder has code, so a second settlement of the id is refused (and CREATE2 could not make it again).
 * A consumer contract computes the holder's address itself and reads the root with EXTCODECOPY: one cold account
 * access (2,600 gas) and no storage read, where calling the verifier would cost a cold account and a cold storage
 * slot (4,700) before any hashing. The library {@code FoldlineReceipts}, defined in every generated source and the
 * same for every model, is that check; the contract's own {@code isVerified} uses it on itself (a caller then
 * pays two cold accounts). The holder costs a window about 20k gas more than one storage slot would. {@code foldStep} runs the same fold code on one record, for checking the Solidity
 * transcript against the Java one.
 *
 * <p>The window id is not absorbed by the fold transcript; instead each start instance settles once
 * ({@code startUsed[keccak256(K0.x, K0.y)]}, one more storage slot per window). K0 is drawn at random for every
 * window and fixed by the decider proof: another K0 changes every fold challenge and so the folded instance the
 * decider proved, and only the prover, who holds the witness, can make a new decider proof. So whoever sees a
 * submission cannot settle a copy under another window id and obtain a second set of receipts for the same
 * inferences.
 *
 * <h2>One pairing check</h2>
 * The decider's statement is two pairing equations: Groth16 for the public inputs {@code (u, x, zeta, v)},
 * {@code e(A, B) = e(alpha, beta) e(vk_x, gamma) e(C, delta)}, and the KZG opening of the folded K,
 * {@code e(K - v G1 + zeta pi, G2) = e(pi, tau G2)}. The contract checks
 * <pre>
 *   e(-A, B) e(alpha, beta) e(vk_x + rho P, G2) e(C, delta) e(-rho pi, tau G2) = 1,    P = K - v G1 + zeta pi
 *   rho = keccak256(keccak256("foldline.window.rho.v1"), vkDigest, K, u, x..., zeta, v, A, B, C, pi) mod r
 * </pre>
 * (gamma is the G2 generator in snarkjs-style keys, so the vk_x and KZG terms share a pair: 5 pairs; the
 * generator falls back to 6 when it is not). Why this is sound: write {@code X} for the Groth16 product
 * {@code e(-A, B) e(alpha, beta) e(vk_x, gamma) e(C, delta)} and {@code Y} for {@code e(P, G2) e(-pi, tau G2)};
 * the check is {@code X Y^rho = 1} in GT, a cyclic group of prime order r. If {@code Y != 1}, exactly one
 * {@code rho} in {@code [0, r)} satisfies it; if {@code Y = 1} but {@code X != 1}, none does. Every point and
 * scalar that X and Y depend on is hashed into rho (vk_x is a function of u, x, zeta, v and the key), so a
 * prover who does not satisfy both equations must find inputs whose Keccak lands on the single bad rho:
 * probability about {@code q / r < q / 2^253} after q hash evaluations (random-oracle model), the same
 * argument as the batch KZG check of {@code Kzg.batchVerify}, with Fiat-Shamir in place of a verifier's coins.
 *
 * <h2>Cost</h2>
 * Per inference: one ecMul (6,000 gas) and one ecAdd (150), 100 for each of the two precompile calls, a Keccak
 * over {@code 7 + 2n} words, the leaf Keccak, one Merkle node, and calldata: 64 bytes of C, 32 each for h_in and
 * the tag, one width byte and w per output (16 gas a non-zero byte, 4 a zero byte; since Prague, EIP-7623 makes a
 * transaction pay at least 10 gas per token, a non-zero byte being 4 tokens, which bounds a calldata-heavy window
 * from below). Per output the contract runs a shift-and-add decode and {@code x += r x_i} (about 90 gas together).
 * Per window: {@code n + 7} ecMul ({@code n + 3} for vk_x, 4 for the KZG terms), a pairing of 5 pairs
 * (45,000 + 5 * 34,000), the holder of the root (CREATE2, about 40k), one new storage slot (the start instance
 * guard) and the event. {@code FoldlineReceipts.isVerified} costs a consumer the holder's
 * cold account access (2,600), the CREATE2 address (a Keccak over 85 bytes) and about 140 per level of path (two
 * levels per loop iteration). Measured figures are in BENCHMARKS.md.
 */
package io.foldline.chain.window;
