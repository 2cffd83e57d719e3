/**
 * A local EVM for tests, benchmarks and the demo, and the small web3j layer on top of it (DESIGN.md section 5).
 *
 * <ul>
 *   <li>{@link io.foldline.chain.evm.Anvil}: a private anvil 1.7.1 process on 127.0.0.1 and a free port, chain id
 *       31337, the ten dev accounts of the public test mnemonic, {@code evm_snapshot}/{@code evm_revert}/
 *       {@code anvil_mine}. {@code infra/anvil.sh} runs a long-lived one by hand.</li>
 *   <li>{@link io.foldline.chain.evm.SolcJs}: solc-js 0.8.37 through node, standard-JSON in and out, optimizer
 *       on, {@code evmVersion} pinned to {@value io.foldline.chain.evm.SolcJs#EVM_VERSION}.</li>
 *   <li>{@link io.foldline.chain.evm.Evm}: deploy, {@code eth_call}, and EIP-1559 transactions signed with an
 *       explicit chain id (EIP-155), receipts polled every 100 ms.</li>
 * </ul>
 *
 * <p>All three tools come from infra/tools ({@code bash infra/install-test-tools.sh}); a missing one is a
 * {@link io.foldline.chain.evm.ChainException} naming that script. Calldata and return data are raw bytes in the
 * Solidity ABI (32-byte big-endian words); for example {@code get()} of a contract holding 7 returns
 * {@code 0x0000...0007} (32 bytes).
 */
package io.foldline.chain.evm;
