/**
 * Test support for interop with the npm oracles pinned in {@code infra/tools} (snarkjs 0.7.6, circom2 0.2.23
 * = circom 2.2.3, circomlib 2.0.5, circomlibjs 0.1.7), installed by {@code infra/install-test-tools.sh}.
 *
 * <p>{@link io.foldline.circuits.interop.NodeTools} finds and runs the tools (skipping a test when they are
 * missing, failing it under {@code -Dfoldline.requireInterop=true}); {@link io.foldline.circuits.interop.CircomFixtures}
 * compiles the circom fixtures of {@code src/test/resources/circom/} and computes witnesses;
 * {@link io.foldline.circuits.interop.SnarkjsPtau} makes small snarkjs ptau files. Everything they produce is
 * cached in the repository's git-ignored {@code .cache/} ({@code circom/<name>-<key>/}, {@code ptau/}),
 * written to a temporary sibling and published by an atomic rename so concurrent test JVMs share it safely.
 * The files themselves are snarkjs/circom formats ({@code .r1cs}, {@code .wtns}, {@code .ptau}, {@code .zkey}),
 * described in iden3's binfile specs (github.com/iden3/r1csfile, snarkjs) and in the main sources' format packages.
 */
package io.foldline.circuits.interop;
