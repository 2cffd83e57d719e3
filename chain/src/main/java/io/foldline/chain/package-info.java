/**
 * On-chain settlement (DESIGN.md section 5): Solidity verifier contracts generated from our verifying keys
 * (a per-model Groth16 verifier with snarkjs's {@code verifyProof} ABI, a per-model window verifier that replays
 * the folds), their compilation with solc-js, a local anvil chain, and the web3j submitter that settles windows
 * and hands out one receipt per inference.
 *
 * <p><b>Submitter</b> ({@code io.foldline.chain.submit}): settles windows on a schedule or once enough are
 * pending, with EIP-1559 fees under a cap, one nonce counter per key, replacement of a stuck transaction with
 * at least 10% higher fees, N confirmations and a receipt re-check that resends after a reorg. The window id is
 * the idempotency key: an fsync'd append-only journal records each signed transaction before its broadcast,
 * and on restart the journal, the node and the contract's "settled" view are reconciled, so a crash never
 * sends a second settling transaction. Keys come from an encrypted keystore and never reach a log.
 */
package io.foldline.chain;
