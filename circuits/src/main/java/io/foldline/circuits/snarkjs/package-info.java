/**
 * Readers and writers for the files of circom and snarkjs 0.7.6: {@code .r1cs}, {@code .wtns},
 * {@code .ptau}, {@code .zkey} (Groth16) and the JSON files {@code verification_key.json},
 * {@code proof.json}, {@code public.json}, byte for byte as those tools write them (checked by round trips
 * of files made by circom and snarkjs in {@code SnarkjsFilesInteropTest}).
 *
 * <p>Sources: iden3's binfile and r1cs specs (github.com/iden3/binfileutils, github.com/iden3/r1csfile,
 * {@code doc/r1cs_bin_format.md}); snarkjs {@code src/wtns_utils.js}, {@code powersoftau_utils.js},
 * {@code powersoftau_preparephase2.js}, {@code zkey_utils.js}, {@code zkey_new.js}; ffjavascript for the
 * point encodings.
 *
 * <h2>Errors</h2>
 * Every reader validates magic, version, section presence and uniqueness, every size and count, every field
 * element (below its modulus), every point (on the curve; G2 points of a verification key or a proof also
 * in the subgroup). A damaged file gives an {@link io.foldline.circuits.FormatException} whose message
 * starts with the file name and names the section and field, never an index or null-pointer error.
 *
 * <h2>Container ("binfile")</h2>
 * All integers little-endian.
 * <table>
 *   <caption>binfile</caption>
 *   <tr><th>bytes</th><th>field</th></tr>
 *   <tr><td>4</td><td>magic: {@code "r1cs"}, {@code "wtns"}, {@code "ptau"}, {@code "zkey"}</td></tr>
 *   <tr><td>4</td><td>u32 version (1; wtns 2)</td></tr>
 *   <tr><td>4</td><td>u32 nSections</td></tr>
 *   <tr><td>12 + size, per section</td><td>u32 id, u64 size, then size bytes; any order</td></tr>
 * </table>
 * Field elements are 32 bytes. "Canonical" means the integer in [0, p) little-endian; "LEM" means
 * little-endian Montgomery form x * 2^256 mod p, i.e. exactly the four limbs of {@code MontField}. A G1
 * point is x || y (64 bytes LEM), a G2 point x.c0 || x.c1 || y.c0 || y.c1 (128 bytes LEM); all zeros is
 * the point at infinity. In memory, points are flat {@code long[]}: 8 limbs (G1) or 16 limbs (G2) each.
 *
 * <h2>.r1cs (version 1; circom writes sections 2, 1, 3)</h2>
 * <table>
 *   <caption>r1cs sections</caption>
 *   <tr><th>id</th><th>content</th></tr>
 *   <tr><td>1 header (64 bytes)</td><td>u32 n8 = 32; prime r (n8 bytes); u32 nWires; u32 nPubOut; u32 nPubIn;
 *       u32 nPrvIn; u64 nLabels; u32 nConstraints</td></tr>
 *   <tr><td>2 constraints</td><td>per constraint, for A, B, C: u32 nTerms, then nTerms x (u32 wire,
 *       canonical coefficient)</td></tr>
 *   <tr><td>3 wire to label</td><td>nWires x u64 label id</td></tr>
 *   <tr><td>4, 5 custom gates</td><td>PLONK only: rejected</td></tr>
 * </table>
 * Wires: 0 is the constant 1, then public outputs, public inputs, private inputs, internal wires.
 *
 * <h2>.wtns (version 2)</h2>
 * Section 1 (40 bytes): u32 n8 = 32, prime r, u32 nWitness. Section 2: nWitness canonical values in wire
 * order.
 *
 * <h2>.ptau (version 1), power p, n = 2^p</h2>
 * <table>
 *   <caption>ptau sections</caption>
 *   <tr><th>id</th><th>content</th><th>points</th></tr>
 *   <tr><td>1</td><td>u32 n8 = 32, q, u32 power, u32 ceremonyPower (44 bytes)</td><td></td></tr>
 *   <tr><td>2</td><td>tau^i G1</td><td>2n - 1</td></tr>
 *   <tr><td>3</td><td>tau^i G2</td><td>n</td></tr>
 *   <tr><td>4</td><td>alpha tau^i G1</td><td>n</td></tr>
 *   <tr><td>5</td><td>beta tau^i G1</td><td>n</td></tr>
 *   <tr><td>6</td><td>beta G2</td><td>1</td></tr>
 *   <tr><td>7</td><td>u32 count, then contribution records (below)</td><td></td></tr>
 *   <tr><td>12</td><td>L_i(tau) G1 for the domains 2^0, 2^1, ..., 2^(p+1) one after the other (the block of
 *       2^k starts at point 2^k - 1); the last block comes from section 2 with its missing top power taken
 *       as 0</td><td>4n - 1</td></tr>
 *   <tr><td>13, 14, 15</td><td>L_i(tau) G2, alpha L_i(tau) G1, beta L_i(tau) G1 for domains 2^0 .. 2^p</td>
 *       <td>2n - 1 each</td></tr>
 * </table>
 * L_i is the Lagrange basis of the domain {omega^j} with ffjavascript's omega = 5^((r-1)/2^k).
 * A contribution record: tauG1, tauG2, alphaG1, betaG1, betaG2 (LEM), the public key (6 G1: tau s, tau s^x,
 * alpha s, alpha s^x, beta s, beta s^x; 3 G2: tau, alpha, beta s_p^x), a 216-byte BLAKE2b state
 * (128-byte pending block, 8 x u64 chaining value, u64 bytes compressed, u64 bytes pending, 8 zero bytes),
 * the 64-byte next challenge, u32 type (0 contribution, 1 beacon), u32 parameter length and the parameters
 * (type byte 1: u8 length + UTF-8 name; 2: u8 beacon iteration exponent; 3: u8 length + beacon hash).
 *
 * <h2>.zkey, Groth16 (version 1; {@code groth16 setup} writes 1, 2, 4, 3, 9, 8, 5, 6, 7, 10,
 * {@code zkey contribute} 1 to 10)</h2>
 * <table>
 *   <caption>zkey sections</caption>
 *   <tr><th>id</th><th>content</th></tr>
 *   <tr><td>1</td><td>u32 protocol = 1 (groth16)</td></tr>
 *   <tr><td>2 (660 bytes)</td><td>u32 n8q, q, u32 n8r, r, u32 nVars, u32 nPublic, u32 domainSize, alpha1,
 *       beta1 (G1), beta2, gamma2 (G2), delta1 (G1), delta2 (G2)</td></tr>
 *   <tr><td>3</td><td>IC: nPublic + 1 G1</td></tr>
 *   <tr><td>4</td><td>u32 n, then n x (u32 matrix 0=A/1=B, u32 constraint, u32 signal, value * 2^512 mod r as
 *       32 bytes LE)</td></tr>
 *   <tr><td>5, 6, 7</td><td>A (G1), B1 (G1), B2 (G2): nVars points each</td></tr>
 *   <tr><td>8</td><td>C: nVars - nPublic - 1 G1 (private wires)</td></tr>
 *   <tr><td>9</td><td>H: domainSize G1</td></tr>
 *   <tr><td>10</td><td>64-byte circuit hash, u32 count, records: deltaAfter, g1_s, g1_sx (G1), g2_spx (G2),
 *       64-byte transcript, u32 type, u32 parameter length, parameters (as in ptau)</td></tr>
 * </table>
 *
 * <h2>JSON (bfj, one-space indent, no final newline)</h2>
 * Field elements and coordinates are decimal strings; G1 {@code [x, y, "1"]}; G2
 * {@code [[x.c0, x.c1], [y.c0, y.c1], ["1", "0"]]}; {@code proof.json}:
 * {@code pi_a, pi_b, pi_c, protocol "groth16", curve "bn128"}; {@code verification_key.json}:
 * {@code protocol, curve, nPublic, vk_alpha_1, vk_beta_2, vk_gamma_2, vk_delta_2, vk_alphabeta_12 (Fq12 =
 * [[3 x Fq2], [3 x Fq2]]), IC}; {@code public.json}: an array of decimal strings.
 *
 * <h2>What snarkjs hashes and draws (shared by {@code ptau} and {@code groth16})</h2>
 * Challenges, transcripts and circuit hashes absorb points in ffjavascript's uncompressed encoding
 * ({@link io.foldline.circuits.snarkjs.Uncompressed}): 32-byte big-endian canonical coordinates, G1 = x ‖ y,
 * G2 = x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0, infinity all zeros. Secrets of beacons and the G2 point s_p of every proof
 * of knowledge come from ffjavascript's ChaCha20 generator ({@link io.foldline.circuits.snarkjs.ChaChaRng},
 * RFC 8439 block function, 128-bit counter, no nonce) and its {@code fromRng} point draws with snarkjs'
 * {@code hashToG2} ({@link io.foldline.circuits.snarkjs.RngPoints}); sources: ffjavascript
 * {@code src/chacha.js}, {@code src/wasm_curve.js}, snarkjs {@code src/keypair.js}.
 *
 * <h2>Worked example: the .r1cs of c = a * b (264 bytes)</h2>
 * Wires [1, c, a, b]; one output, two private inputs; one constraint A = {2: 1}, B = {3: 1}, C = {1: 1}.
 * <pre>
 * 72316373 01000000 03000000                  "r1cs", version 1, 3 sections
 * 02000000 7800000000000000                   section 2, 120 bytes:
 *   01000000 02000000 01000000..00            A: 1 term, wire 2, coefficient 1 (32 bytes LE)
 *   01000000 03000000 01000000..00            B: 1 term, wire 3, coefficient 1
 *   01000000 01000000 01000000..00            C: 1 term, wire 1, coefficient 1
 * 01000000 4000000000000000                   section 1, 64 bytes:
 *   20000000                                  n8 = 32
 *   010000f093f5e1439170b97948e833285d588181b64550b829a031e1724e6430   r, little-endian
 *   04000000 01000000 00000000 02000000       nWires 4, nPubOut 1, nPubIn 0, nPrvIn 2
 *   0400000000000000 01000000                 nLabels 4, nConstraints 1
 * 03000000 2000000000000000                   section 3, 32 bytes: labels 0, 1, 2, 3 as u64
 *   0000000000000000 0100000000000000 0200000000000000 0300000000000000
 * </pre>
 * ({@code R1csFileTest.writesTheDocumentedBytes} checks these bytes.)
 */
package io.foldline.circuits.snarkjs;
