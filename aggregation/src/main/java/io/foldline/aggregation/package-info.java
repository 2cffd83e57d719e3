/**
 * Folding a window of proven inferences (DESIGN.md section 4): relaxed R1CS, hiding KZG commitments to
 * {@code W || E}, and Nova's non-interactive folding scheme (A. Kothapalli, S. Setty, I. Tzialla, "Nova:
 * Recursive Zero-Knowledge Arguments from Folding Schemes", CRYPTO 2022, section 4 and construction 3)
 * with a Keccak transcript that the Solidity verifier replays word for word.
 *
 * <h2>Relation</h2>
 * For a circuit's {@link io.foldline.circuits.r1cs.R1cs} with m rows, {@link io.foldline.aggregation.RelaxedR1cs}
 * is {@code (A z) o (B z) = u (C z) + E} with {@code z = (u, x, W)} in circom's wire order: {@code u} sits on
 * the constant wire 0, {@code x} are wires {@code 1 .. nPublic} (public outputs, then public inputs: for a
 * model circuit {@code h_in, y, tag}), {@code W} the remaining {@code nW} wires. A fresh inference is
 * {@code u = 1, E = 0}; {@code errorTerm(u, x, W) = (A z) o (B z) - u (C z)} is the E that makes any
 * {@code (u, x, W)} satisfy it (the random starting instance and, later, the decider use it).
 *
 * <h2>Commitment layout</h2>
 * One KZG commitment (coefficient form, SRS = the {@code tau^i G1} of the ceremony's {@code .ptau}, section
 * 2, read by {@link io.foldline.aggregation.SrsFromPtau}) to the vector of {@code nW + m + 2} scalars
 * <pre>
 *   index:  0 .. nW-1 | nW | nW+1 .. nW+m | nW+1+m
 *   value:  W         | rW | E            | rE
 *   K = Com(W, rW, E, rE) = sum_j W_j [tau^j] + rW [tau^nW] + sum_j E_j [tau^(nW+1+j)] + rE [tau^(nW+1+m)]
 * </pre>
 * so the SRS needs {@code nW + m + 2} powers. {@code rW} and {@code rE} are the blinding coordinates: no
 * constraint reads them, and every commitment draws them fresh (SecureRandom, or a RandomGenerator the
 * caller injects for tests), so that low-entropy inputs cannot be found by trying candidates against K.
 * {@code P(X) = sum_i p_i X^i} over this vector (blinders included,
 * {@link io.foldline.aggregation.CommitmentKey#coefficients}) is the polynomial the decider evaluates.
 *
 * <p>A fresh instance commits {@code K_i = Com(W_i, rW_i, 0, 0)}: E's blinder is 0 on purpose. Its E range
 * is publicly 0, so there is nothing to hide there, and every E of a folded instance is blinded anyway:
 * {@code rE' = rE + r rT} with a fresh {@code rT} per fold on top of the random starting instance's
 * {@code rE0}. It saves one scalar multiplication per inference, and {@code fold} refuses a fresh witness
 * whose E or E-blinder is not 0. A prover who puts something in the E range of {@code K_i} gains nothing
 * (DESIGN.md section 4): the verifier fixes {@code u_i = 1}.
 *
 * <h2>One fold</h2>
 * Accumulator {@code U = (K, u, x)} with witness {@code (W, rW, E, rE)}; fresh {@code (K_i, 1, x_i)} with
 * {@code (W_i, rW_i)}:
 * <ol>
 *   <li>cross term {@code T = A z o B z_i + A z_i o B z - u C z_i - C z} (m entries), blinder
 *       {@code rT}, {@code K_T = Com(0, 0, T, rT)} (in the E range);</li>
 *   <li>{@code r = challenge} of the transcript below;</li>
 *   <li>{@code K' = K + r (K_i + K_T)}, {@code u' = u + r}, {@code x' = x + r x_i}, {@code W' = W + r W_i},
 *       {@code rW' = rW + r rW_i}, {@code E' = E + r T}, {@code rE' = rE + r rT}.</li>
 * </ol>
 * {@code (A z') o (B z') - u' (C z') - E'} is then {@code r^2 ((A z_i) o (B z_i) - C z_i)}, zero exactly when
 * the fresh instance satisfies the circuit; the verifier replays step 3 for the instance alone
 * ({@link io.foldline.aggregation.Nifs#verify}): one scalar multiplication.
 *
 * <h2>Fold transcript (byte by byte)</h2>
 * Each fold starts a new {@link io.foldline.crypto.hash.Transcript} (no chaining across folds: the
 * accumulator it absorbs already carries every earlier challenge). Every item is one 32-byte big-endian
 * word: scalars canonical (below r), points as affine {@code (x, y)} over Fq canonical, the point at
 * infinity as {@code (0, 0)}. In this order:
 * <pre>
 *   keccak256("foldline.nifs.v2")                   the domain tag's hash (what new Transcript(tag) holds)
 *   vkDigest                                        32 bytes, below
 *   U.K.x, U.K.y, U.u, U.x[0], ..., U.x[n-1]
 *   C.x, C.y                                        C = K_i + K_T, the point the fold multiplies by r
 *   x_i[0], ..., x_i[n-1]                           (u_i = 1 is implied, not absorbed)
 *   r = uint256(keccak256(all of the above)) mod r_BN254
 * </pre>
 * n = nPublic is fixed by the circuit (the vkDigest covers it), so no lengths are absorbed. In Solidity:
 * {@code r = uint256(keccak256(abi.encodePacked(keccak256("foldline.nifs.v2"), vkDigest, Kx, Ky, u, x0, ...,
 * Cx, Cy, xi0, ...))) % R} with every item a {@code uint256} or {@code bytes32}.
 *
 * <p>Why the sum and not {@code K_i} and {@code K_T} one by one (v1 absorbed both): the fold uses them only
 * through {@code C} ({@code K' = K + r C}), and {@code C} is a binding commitment to the vector
 * {@code W_i || T} (the two live in disjoint SRS ranges), fixed before r is drawn. Nova's extraction goes
 * through unchanged: from accepting folds of the same {@code (U, C, x_i)} at two challenges {@code r1 != r2}
 * with folded witnesses {@code (W'_k, E'_k)}, {@code C} opens to {@code ((W'_1 - W'_2) / (r1 - r2) ||
 * (E'_1 - E'_2) / (r1 - r2))}, which names {@code W_i} and {@code T}; with a third challenge the folded
 * relation, a polynomial of degree 2 in r, forces {@code U} to be relaxed-satisfied and
 * {@code (A z_i) o (B z_i) = C z_i}. All the split gave a prover was a choice of how to write one {@code C}
 * as {@code K_i + K_T}, which no step uses. On chain the sum saves 64 bytes of calldata and one ecAdd per
 * inference (about 1,300 gas).
 *
 * <h2>vkDigest</h2>
 * {@link io.foldline.aggregation.R1csDigest}: Keccak-256 of, big-endian: the 16 ASCII bytes
 * {@code "foldline.r1cs.v1"}; u32 nWires, nPubOut, nPubIn, nPrvIn, nConstraints; then the matrices A, B, C,
 * each row by row as u32 term count followed by, per term in stored (file) order, u32 wire and the
 * coefficient as a canonical 32-byte word. Labels are left out: they do not change the relation. The
 * Solidity verifier stores the digest as a constant and never recomputes it.
 *
 * <h2>Worked example</h2>
 * (Checked by {@code FoldTranscriptTest} against values computed independently with node, js-sha3 and
 * BigInt curve arithmetic.) The 1-row circuit {@code x * x = y}: wire 0 = one, 1 = y (public output), 2 = x
 * (private input); A = {2: 1}, B = {2: 1}, C = {1: 1}. Its encoding is 156 bytes:
 * <pre>
 * 666f6c646c696e652e723163732e7631                  "foldline.r1cs.v1"
 * 00000003 00000001 00000000 00000001 00000001       nWires, nPubOut, nPubIn, nPrvIn, nConstraints
 * 00000001 00000002 00..01 (32 bytes)                A row 0: one term, wire 2, coefficient 1
 * 00000001 00000002 00..01                           B row 0
 * 00000001 00000001 00..01                           C row 0: wire 1
 * vkDigest = 41c695c86e3f908525f88187625c1f469f5494ea543deb47e7d1ab9cd31550ca
 * </pre>
 * Fold {@code U = (K = G1, u = 3, x = [5])} with {@code K_i = 2 G1, x_i = [4]} and {@code K_T = 3 G1}
 * (G1 = (1, 2); any points will do for the transcript), so {@code C = 5 G1}. The 288 hashed bytes are the words
 * <pre>
 * 5b0e7d035306d613344b4113b1556d8dacbbed7d095eb1f2b0d8cbdc4466f5b6   keccak256("foldline.nifs.v2")
 * 41c695c86e3f908525f88187625c1f469f5494ea543deb47e7d1ab9cd31550ca   vkDigest
 * 0000000000000000000000000000000000000000000000000000000000000001   U.K.x
 * 0000000000000000000000000000000000000000000000000000000000000002   U.K.y
 * 0000000000000000000000000000000000000000000000000000000000000003   U.u
 * 0000000000000000000000000000000000000000000000000000000000000005   U.x[0]
 * 17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa9   C.x   (5 G1)
 * 01e0559bacb160664764a357af8a9fe70baa9258e0b959273ffc5718c6d4cc7c   C.y
 * 0000000000000000000000000000000000000000000000000000000000000004   x_i[0]
 * keccak256 = 49d02ffcebf743b67d814a39c87759852e33b742507b67eecb5a0c465aae82e5
 * r         = 0x196be18a0ac5a38cc531048346f6012805ffcef9d6c1f75d877816b26aae82e4   (keccak256 - r_BN254)
 *           = 11498430465048041606903200656399487929209661947391014537765204211011794404068
 * </pre>
 * and the verifier's folded instance is {@code K' = (1 + 5 r) G1, u' = 3 + r, x' = [5 + 4 r]}. For the
 * cross term of the same circuit by hand: {@code T = 2 x x_i - u y_i - y}; with {@code (u, y, x) = (3, 5, 7)}
 * (so E = 49 - 15 = 34) and the fresh {@code (y_i, x_i) = (4, 2)}, T = 28 - 12 - 5 = 11, and
 * {@code (7 + 2r)^2 - (3 + r)(5 + 4r) = 34 + 11 r} for every r.
 *
 * <h2>Zero knowledge</h2>
 * A window starts from {@link io.foldline.aggregation.Nifs#start}: uniform {@code W0, u0, x0, rW0, rE0},
 * {@code E0 = errorTerm(u0, x0, W0)}, {@code K0 = Com(W0, rW0, E0, rE0)}. Every folded {@code W', E'} is then
 * masked by {@code W0, E0}; the verifier receives {@code U0} in the submission.
 *
 * <h2>Decider</h2>
 * One Groth16 proof of the decider circuit {@link io.foldline.aggregation.DeciderCircuit} {@code D_M} plus one
 * KZG opening ({@link io.foldline.aggregation.Decider}: {@code setup}, {@code prove}, {@code verify}; its
 * native twins {@code zeta} and {@code evaluate}). Both keys come from the same {@code .ptau}: the Groth16
 * key of {@code D_M} and the {@code nW + m + 2} powers of the commitment SRS.
 * <p><b>Statement.</b> Public inputs, in wire order: {@code u, x[0..nPublic), zeta, v}. Private inputs:
 * {@code W[0..nW), rW, rE} and nothing else ({@code E} is not an input). With {@code z = (u, x, W)} (u on
 * wire 0's place, so constant terms of A, B, C are scaled by u) the circuit computes
 * {@code E_j = (A_j z)(B_j z) - u (C_j z)} for every row (two products a row), asserts
 * {@code zeta = chain(...)} below and {@code v = P(zeta)}.
 * <p><b>zeta.</b> The sequence {@code s = (ZETA_TAG, u, x[0], ..., x[nPublic-1], W[0], ..., W[nW-1], rW, rE)}
 * of {@code L = nPublic + nW + 4} field elements, where {@code ZETA_TAG} is the ASCII of
 * {@code "foldline.decider.v1"} read as one big-endian integer,
 * {@code 0x666f6c646c696e652e646563696465722e7631}. With circomlib's Poseidon of 1..16 inputs
 * ({@link io.foldline.crypto.poseidon.Poseidon#hash}, width = inputs + 1):
 * <pre>
 *   h = Poseidon(s[0], ..., s[min(16, L) - 1])
 *   for i = 16, 31, 46, ... while i < L:   h = Poseidon(h, s[i], ..., s[min(i + 15, L) - 1])
 *   zeta = h
 * </pre>
 * The last call may take fewer than 15 new elements (a narrower Poseidon); L is fixed by the circuit, so no
 * length or padding is absorbed. Example: 4 public signals and nW = 10 give L = 18 and
 * {@code zeta = Poseidon(Poseidon(s[0..16)), s[16], s[17])} ({@code DeciderTest} checks this spelled out).
 * E is not absorbed: it is a function of {@code (u, x, W)}. Every coefficient of P is thus fixed before
 * {@code zeta} is: a prover who changes anything in the witness gets another {@code zeta}.
 * <p><b>P.</b> {@code P(X) = sum_i p_i X^i} with {@code p = W || rW || E || rE}, exactly the commitment layout
 * above ({@code N = nW + m + 2} coefficients), evaluated in the circuit by Horner from {@code p_(N-1)}: one
 * product per coefficient after the first.
 * <p><b>Cost.</b> A 16-input Poseidon is {@code 3 (8 * 17 + 68) - 3 = 609} constraints per 15 new elements,
 * about 40.6 per absorbed element, plus {@code 2m} for E and {@code N - 1} for Horner: about
 * {@code 41.6 nW + 3m}, DESIGN.md's {@code 40n + 3m}, independent of the window's length. Measured: the
 * 244-row Poseidon test circuit (nW = 244) gives 11,185 constraints (40n + 3m = 10,492); the 8-row
 * model-shaped test circuit (nW = 10) 904.
 * <p><b>What the verifier checks</b> ({@link io.foldline.aggregation.WindowVerifier}): replay every fold
 * from {@code U0} in the submitted order to {@code (K, u, x)}; then the Groth16 proof of {@code D_M} for
 * the public inputs {@code (u, x, zeta, v)}; then the KZG opening
 * {@code e(K - v G1 + zeta pi, G2) = e(pi, tau G2)}. Nothing is recomputed from the witness. These are two
 * pairing checks; folding them into one multi-pairing with a random weight is a later optimisation.
 * <p><b>Why zeta comes from the witness.</b> If it were drawn from K alone, a prover could pick any
 * {@code W'}, set {@code E'} from the rows (relaxed R1CS is satisfiable by choosing E) and tune one
 * coefficient (e.g. {@code rE'}) so that {@code P'(zeta0) = P(zeta0)}; K's honest opening at
 * {@code zeta0} would then vouch for {@code P'}. {@code DeciderTest} plays this attack and shows that the
 * circuit's zeta for {@code W'} is not {@code zeta0} and that K does not open to {@code P'(zeta)} there.
 *
 * <h2>Window proof file</h2>
 * {@link io.foldline.aggregation.WindowProof} as bytes ({@link io.foldline.aggregation.WindowProofFile}):
 * everything the verifier needs besides the keys, in the order a Solidity verifier consumes it (start, then
 * one record per fold, then the decider). Counts are u32 big-endian; every other item is a 32-byte
 * big-endian word: scalars below r, coordinates below p, G1 as {@code x, y}, G2 as
 * {@code x.c1, x.c0, y.c1, y.c0} (EIP-197, snarkjs' Solidity verifier), the point at infinity as zeros. With
 * n public signals and N inferences:
 * <pre>
 *   offset            bytes     field
 *   0                 4         magic "FLWP" (46 4c 57 50)
 *   4                 4         version, u32 = 2 (1: fold transcript v1, refused)
 *   8                 4         nPublic n, u32
 *   12                4         windowSize N, u32 (at least 1)
 *   16                64        start.K     K0
 *   80                32        start.u     u0
 *   112               32 n      start.x     x0[0..n)
 *   then N times      64        instance[i].K      K_i          (u_i = 1 is implied, not stored)
 *                     32 n      instance[i].x      x_i: h_in, outputs..., tag (the circuit's public signals)
 *                     64        crossTerm[i]       K_T of fold i
 *   then              64        decider.A          Groth16 proof of D_M
 *                     128       decider.B
 *                     64        decider.C
 *                     32        decider.zeta
 *                     32        decider.v
 *                     64        decider.kzgProof   pi of the opening of the folded K at zeta to v
 *   total = 16 + (96 + 32 n) + N (128 + 32 n) + 384
 * </pre>
 * {@code zeta} and {@code v} are carried, not recomputed: both are functions of the secret folded witness
 * ({@code zeta} the Poseidon chain over {@code W, rW, rE}, {@code v = P(zeta)}), so a verifier cannot
 * derive them; it passes them to the Groth16 check as public inputs, which is what binds them. The folded
 * {@code (K, u, x)} is not carried: the verifier replays it. {@code n} is carried so that the file parses
 * without the keys; a verifier whose key has another n refuses the window (IllegalArgumentException).
 * Reading refuses with a {@link io.foldline.circuits.FormatException} naming the file and the field
 * ({@code "w.proof: instance[0].x[1]: scalar is not below the group order r: ..."}): a wrong magic or
 * version, N = 0, a length other than the total above ("truncated", "trailing bytes"), a coordinate
 * {@code >= p}, a scalar {@code >= r}, a point off the curve, a G2 point outside the subgroup.
 * <p><b>Worked example.</b> The model-shaped test circuit has n = 4 ({@code h_in, y0, y1, tag}); a window of
 * N = 1 is 16 + 224 + 256 + 384 = 880 bytes: magic and counts at 0..16
 * ({@code 46 4c 57 50 00000002 00000004 00000001}), K0 at 16, u0 at 80, x0 at 112..240, K_1 at 240, x_1 at
 * 304..432, K_T at 432, A at 496, B at 560, C at 688, zeta at 752, v at 784, pi at 816..880
 * ({@code WindowProofFileTest} checks these offsets for N = 2). For digits_mlp (n = 12: {@code h_in}, ten
 * logits, tag) a window is {@code 880 + 512 N} bytes: 1,392 for N = 1, 9,072 for N = 16, 131,952 for 256.
 *
 * <h2>Window keys folder</h2>
 * {@link io.foldline.aggregation.WindowKeys#write} (the window setup's output):
 * <pre>
 *   decider.zkey            the decider's Groth16 key, snarkjs zkey format (prover only)
 *   commitment_key.bin      "FLCK", u32 version 1, u32 size = nW + m + 2, then size G1 points tau^i G1
 *                           (64 bytes each): the folding commitment key, so the prover needs no ptau (prover only)
 *   verification_key.json   the decider's Groth16 verifying key, as snarkjs exports it
 *   window_vk.bin           "FLWV", u32 version 1, vkDigest (32 bytes), u32 nPublic, u32 nW, u32 m,
 *                           G2 generator, tau G2 (128 bytes each, EIP-197 order): 308 bytes
 * </pre>
 * The verifier ({@link io.foldline.aggregation.WindowKeys#readVerifier}) reads the last two only: the
 * KZG check needs {@code G1} (the fixed generator), {@code G2} and {@code tau G2}. The prover
 * ({@link io.foldline.aggregation.WindowKeys#load}) also needs the model's R1CS, whose digest must equal the
 * stored vkDigest.
 *
 * <h2>Streaming: the accumulator and its bytes</h2>
 * {@link io.foldline.aggregation.WindowAccumulator} is the fold loop one record at a time ({@code start},
 * {@code fold}, {@code decide}; {@link io.foldline.aggregation.WindowProver} runs it over a list), for a
 * stream operator that keeps it in keyed state between records. Its bytes and a fresh witness's
 * ({@link io.foldline.aggregation.WindowAccumulatorBytes}) hold secrets: they are the aggregator's internal
 * state, never an output. Same conventions as the window proof file (u32 big-endian counts, 32-byte words,
 * scalars canonical below r, G1 as {@code x, y}):
 * <pre>
 *   accumulator                                  fresh witness
 *   offset  bytes   field                        offset  bytes      field
 *   0       4       magic "FLWA"                 0       4          magic "FLFW"
 *   4       4       version, u32 = 2 (1: v1)     4       4          version, u32 = 1
 *   8       4       nPublic n                    8       4          nW
 *   12      4       nW                           12      32 nW      W_i
 *   16      4       m                            12+32nW 32         rW_i
 *   20      4       N, inferences folded so far  (E_i = 0 and its blinder 0 are implied)
 *   24      96+32n  start: K0, u0, x0
 *           96+32n  running: K, u, x
 *           32 nW   W, then 32 rW
 *           32 m    E, then 32 rE
 *   then N times    K_i (64), x_i (32 n), K_T (64), in fold order
 * </pre>
 * Reading checks n, nW and m against the circuit's and refuses, naming the field, what does not fit. The
 * fresh instance {@code (K_i, 1, x_i)} itself is not in the fresh witness's bytes: a stream carries
 * {@code K_i} and the public signals in its own records, and the folder rebuilds the instance from those.
 * Example: digits_mlp (n = 12, nW = 1858, m = 1910): a fresh witness is 12 + 32 * 1859 = 59,500 bytes; an
 * accumulator is 24 + 2 (96 + 384) + 32 (1858 + 1910 + 2) + 512 N = 121,624 + 512 N bytes (252,696 for a
 * window of 256).
 */
package io.foldline.aggregation;
