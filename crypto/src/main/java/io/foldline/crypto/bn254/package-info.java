/**
 * The BN254 (alt_bn128) pairing-friendly curve: its fields, the groups G1 and G2, and the optimal ate pairing,
 * compatible with the EVM precompiles (EIP-196, EIP-197), circom/snarkjs (ffjavascript) and gnark.
 *
 * <h2>Parameters</h2>
 * BN curve with seed x = 4965661367192848881 (0x44e992b44a6909f1):
 * q = 36x^4 + 36x^3 + 24x^2 + 6x + 1 (254 bits, {@link io.foldline.crypto.bn254.Fq}),
 * r = 36x^4 + 36x^3 + 18x^2 + 6x + 1 ({@link io.foldline.crypto.bn254.Fr}, the order of G1, G2 and GT).
 * <ul>
 *   <li>G1 = E(Fq), E: y^2 = x^3 + 3, generator (1, 2), cofactor 1 (every point on E is in G1).</li>
 *   <li>G2 = the order-r subgroup of the D-type sextic twist E': y^2 = x^3 + 3/(9 + u) over Fq2;
 *       #E'(Fq2) = r * (2q - r), so points from outside must pass a subgroup test
 *       ({@link io.foldline.crypto.bn254.G2Affine#of}). Generator: the EIP-197 one.</li>
 *   <li>GT = the order-r subgroup of Fq12^*.</li>
 * </ul>
 *
 * <h2>The tower</h2>
 * Fq2 = Fq[u]/(u^2 + 1), Fq6 = Fq2[v]/(v^3 - xi) with xi = 9 + u, Fq12 = Fq6[w]/(w^2 - v): the tower of
 * ffjavascript, gnark and go-ethereum. An Fq12 element c0 + c1 w (c_i = b0 + b1 v + b2 v^2) is also
 * g0 + g1 w + ... + g5 w^5 with (g0..g5) = (c0.b0, c1.b0, c0.b1, c1.b1, c0.b2, c1.b2), since w^6 = xi.
 *
 * <h2>The pairing</h2>
 * {@link io.foldline.crypto.bn254.Pairing}: optimal ate pairing, Miller loop over 6x + 2 (non-adjacent form)
 * plus the two Frobenius line steps, lines on the twist in homogeneous projective coordinates, and the final
 * exponentiation f^(s (q^12 - 1)/r) with s = 2x(6x^2 + 3x + 1) (Fuentes-Castaneda et al.), the exponent
 * gnark and ffjavascript use: GT values agree with theirs (e.g. snarkjs's vk_alphabeta_12).
 * {@code pairingCheck} evaluates a product of pairings with one multi-Miller loop and one final
 * exponentiation, like the ecPairing precompile.
 *
 * <h2>In-memory layouts (flat long[] limbs, for the kernels in {@code internal})</h2>
 * Field elements are in Montgomery form (R = 2^256) on little-endian 64-bit limbs, fully reduced:
 * Fq/Fr 4 longs; Fq2 8 (c0 then c1); Fq6 24 (b0, b1, b2); Fq12 48 (c0, c1). Affine G1 8 longs (x, y),
 * affine G2 16 (x.c0, x.c1, y.c0, y.c1); the point at infinity is all zeros ((0, 0), which is on neither
 * curve). Jacobian G1 12 longs, G2 24 (X, Y, Z with x = X/Z^2, y = Y/Z^3; Z = 0 is infinity).
 *
 * <h2>Byte encodings (EVM precompile layout)</h2>
 * Every coordinate is a 32-byte big-endian word holding the canonical integer, which must be below q.
 * G1: x || y (64 bytes). G2: x.c1 || x.c0 || y.c1 || y.c0 (128 bytes, imaginary part first). Infinity is all
 * zeros. Example, the generators:
 * <pre>
 * G1: 0000000000000000000000000000000000000000000000000000000000000001
 *     0000000000000000000000000000000000000000000000000000000000000002
 * G2: 198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2   x.c1
 *     1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed   x.c0
 *     090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b   y.c1
 *     12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa   y.c0
 * </pre>
 * Fr and Fq also encode as 32 bytes little-endian (the .wtns/.r1cs layout), see
 * {@link io.foldline.crypto.bn254.Fq#toBytesLE}.
 *
 * <h2>Sources</h2>
 * EIP-196 and EIP-197 (Reitwiessner, 2017); Barreto and Naehrig, "Pairing-Friendly Elliptic Curves of Prime
 * Order" (2005); Vercauteren, "Optimal pairings" (2010); Beuchat, Gonzalez-Diaz, Mitsunari, Okamoto,
 * Rodriguez-Henriquez, Teruya, "High-speed software implementation of the optimal ate pairing over
 * Barreto-Naehrig curves" (Pairing 2010); Aranha, Karabina, Longa, Gebotys, Lopez, "Faster explicit formulas for
 * computing pairings over ordinary curves" (Eurocrypt 2011); El Mrabet and Joye (eds.), "Guide to Pairing-Based
 * Cryptography" (2017), in particular Aranha, Barreto, Longa, Ricardini on "The Arithmetic of
 * Pairing-Friendly Curves"; Granger and Scott, "Faster squaring in the cyclotomic subgroup of sixth degree
 * extensions" (PKC 2010); Fuentes-Castaneda, Knapp, Rodriguez-Henriquez, "Faster hashing to G2" (SAC 2011);
 * Dai, Lin, Zhao, Zhou, "Fast subgroup membership testing for G1, G2 and GT on pairing-friendly curves"
 * (ePrint 2022/348); the Explicit-Formulas Database (hyperelliptic.org/EFD) for Jacobian arithmetic.
 */
package io.foldline.crypto.bn254;
