/**
 * Multi-scalar multiplication (MSM) on BN254: sum_i k_i P_i over G1 ({@link io.foldline.crypto.msm.G1Msm})
 * and G2 ({@link io.foldline.crypto.msm.G2Msm}), the bulk of a Groth16 prover's time, and many multiples
 * of one fixed base ({@link io.foldline.crypto.msm.FixedBaseTable}) for powers of tau and key generation.
 * Options (threads, window, pool) go through {@link io.foldline.crypto.msm.MsmConfig}.
 *
 * <h2>Algorithm</h2>
 * <ol>
 *   <li><b>Bucket method</b> (N. Pippenger, "On the evaluation of powers and related problems", FOCS 1976,
 *   in the form used by every SNARK prover): cut each 254-bit scalar into windows of c bits; for each window
 *   put every point into the bucket named by its digit, then sum_d d * bucket_d is the window's share, and
 *   the windows are combined by Horner's rule with c doublings between them.</li>
 *   <li><b>Signed digits</b> (D. J. Bernstein, J. Doumen, T. Lange, J.-J. Oosterwijk, "Faster batch forgery
 *   identification", INDOCRYPT 2012): digits in [-2^(c-1), 2^(c-1)], so a negative digit uses the bucket of
 *   its absolute value with the point negated (free in affine form) and a window needs 2^(c-1) buckets, not
 *   2^c - 1. The recoding reads window w plus one bit below it, so windows are independent: see
 *   {@code Digits}. ceil(255/c) windows cover any scalar below r.</li>
 *   <li><b>Batched affine additions</b>: an affine addition needs one inversion; Montgomery's trick
 *   (P. L. Montgomery, "Speeding the Pollard and elliptic curve methods of factorization", Math. Comp. 1987)
 *   shares one inversion among a batch at three products per element. Buckets are kept affine and up to
 *   half as many additions as there are buckets, each into a different bucket, are collected before one
 *   batch inversion runs them all: about 6 products an addition against 10 for a mixed extended-Jacobian
 *   one. A second addition for a bucket already in the batch waits for the next batch; a point equal to its
 *   bucket (the affine formula would divide by zero) goes to a side XYZZ bucket; a point equal to the
 *   bucket's negation empties it. This is the scheme of gnark-crypto's MSM (G. Botrel, Y. El Housni,
 *   "EdMSM", ePrint 2022/1396) and of the write-ups of Aztec's barretenberg prover; the code here is our own.</li>
 *   <li><b>Reduction</b> of a window: sum_d d * bucket_d by two running sums from the top bucket down
 *   (running += bucket_d; total += running), in XYZZ coordinates (x = X/ZZ, y = Y/ZZZ; EFD formulas
 *   madd-2008-s, add-2008-s, dbl-2008-s-1 after Cohen, Miyaji and Ono 1998): 2^c additions per window.</li>
 *   <li><b>Parallelism</b>: one task per window (and, when windows are too few to keep every thread busy,
 *   per slice of the points), each with its own buckets; the window count c is chosen by a cost model of
 *   both phases and of the thread rounds. On 2 cores, windows split across threads beat points split
 *   across threads, which add a reduction per slice (G1, 2^16 points, c = 13: 322 against 352 ms); the
 *   model picks the split for other core counts.</li>
 * </ol>
 * Bases at infinity and zero scalars are skipped (their scalars are zeroed at conversion, so every digit is
 * zero). Nothing is allocated per point: all buffers are per thread and per call.
 *
 * <p>Field arithmetic runs on the branch-free limb kernels of {@code bn254.internal} ({@code MontField.FQ},
 * {@code Fq2Ops}) through {@code FlatField}, so the point formulas are written once for G1 and G2.
 *
 * <h2>Layouts</h2>
 * Nothing here is serialized; arrays are flat {@code long[]} in the layout of {@code bn254.internal}:
 * <ul>
 *   <li>a scalar: 4 little-endian 64-bit limbs of its Montgomery form k*2^256 mod r, as
 *   {@code Fr.copyMontTo} writes them. Example: 1 is {@code 0xac96341c4ffffffb, 0x36fc76959f60cd29,
 *   0x666ea36f7879462e, 0x0e0a77c19a07df2f}.</li>
 *   <li>a G1 base: 8 limbs, x then y, each in Montgomery form mod q; all zeros is the point at infinity.
 *   Example: the generator (1, 2) is {@code 0xd35d438dc58f0d9d, 0x0a78eb28f5c70b3d, 0x666ea36f7879462c,
 *   0x0e0a77c19a07df2f, 0xa6ba871b8b1e1b3a, 0x14f1d651eb8e167b, 0xccdd46def0f28c58, 0x1c14ef83340fbe5e}.</li>
 *   <li>a G2 base: 16 limbs, x.c0, x.c1, y.c0, y.c1 (x = x.c0 + x.c1 u); all zeros is infinity.</li>
 * </ul>
 * Bases are trusted to be in the group: validate them where they enter (G1Affine.fromLimbs,
 * G2Affine.fromLimbs). Scalars need no validation: any 256-bit limbs are read modulo r.
 */
package io.foldline.crypto.msm;
