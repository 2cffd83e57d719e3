/**
 * On-chain settlement (DESIGN.md section 5): Solidity verifier contracts generated from our verifying keys
 * (a per-model Groth16 verifier with snarkjs's {@code verifyProof} ABI, a per-model window verifier that replays
 * the folds), their compilation with solc-js, a local anvil chain, and the web3j submitter that settles windows
 * and hands out one receipt per inference.
 */
package io.foldline.chain;
