/**
 * Limb kernels under the BN254 value types; nothing outside the crypto module should import this package.
 *
 * <p>Everything works on flat {@code long[]} arrays with offsets, in the layouts listed in the
 * {@code io.foldline.crypto.bn254} package documentation: {@link io.foldline.crypto.bn254.internal.MontField}
 * (Fq, Fr), {@link io.foldline.crypto.bn254.internal.Fq2Ops} (static, allocation-free),
 * {@link io.foldline.crypto.bn254.internal.Fq6Ops} and {@link io.foldline.crypto.bn254.internal.Fq12Ops}
 * (instances own scratch space: one per thread), {@link io.foldline.crypto.bn254.internal.JacobianOps} with
 * its G1 and G2 instances, and the pairing's {@link io.foldline.crypto.bn254.internal.MillerLoop} and
 * {@link io.foldline.crypto.bn254.internal.FinalExponentiation}. Outputs may alias inputs throughout.
 */
package io.foldline.crypto.bn254.internal;
