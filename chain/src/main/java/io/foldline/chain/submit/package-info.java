/**
 * The submitter (DESIGN.md section 5, "The submitter"): settles closed windows on an EVM chain with web3j,
 * exactly once per window id, across crashes, stuck transactions and reorgs.
 *
 * <h2>Use</h2>
 * {@link io.foldline.chain.submit.Submitter#open} with the node's URL, a {@link io.foldline.chain.submit.SigningKey}
 * (an encrypted Ethereum keystore file, password from an environment variable or a file), a journal file, a
 * {@link io.foldline.chain.submit.SettledCheck} (an {@code eth_call} of the contract's "is this id settled"
 * view, e.g. {@code viewFunction("isSettled")}), {@link io.foldline.chain.submit.SubmitterOptions} and a status
 * listener; then {@code start()} and {@code offer(new PendingWindow(windowId, contract, calldata))}. The
 * calldata is opaque here (for the window verifier it is {@code WindowCalldata.encode(windowId, proof)}).
 *
 * <h2>States</h2>
 * Each window goes {@code PENDING -> SUBMITTED -> CONFIRMED}, or to {@code FAILED(reason)}; every change
 * (and every notable event inside SUBMITTED: replaced, mined in block b, reorg, sent again) reaches the
 * listener as a {@link io.foldline.chain.submit.WindowStatus} with a reason.
 * <ul>
 * <li>PENDING: queued. Pending windows go out every {@code interval}, or as soon as {@code batchSize} wait.
 *     A window whose fee need ({@code baseFee + priorityFee}) exceeds the cap stays PENDING with
 *     "fee above cap: ..." and is retried at the next flush.</li>
 * <li>SUBMITTED: signed with the next nonce of the key's {@code NonceManager} (a local counter, resynced from
 *     the node's pending nonce at start and after a refused send), journalled, broadcast. Not mined after
 *     {@code replaceAfter}: replaced with the same nonce and both fees raised by at least 10% (rounded up)
 *     and to what the market asks now, never above the cap; if 10% more would pass the cap the window stays
 *     SUBMITTED with that reason. Once mined in block b it waits until the head reaches
 *     {@code b + confirmations - 1}, then fetches the receipt again.</li>
 * <li>CONFIRMED: the re-fetched receipt is in the same block hash. Also when the contract already reports
 *     the id settled before a first send (no transaction, reason says so). If the receipt is gone (a reorg),
 *     the window is sent again: the same signed bytes while their nonce is free, so that at most one of its
 *     transactions can ever be mined.</li>
 * <li>FAILED: the node refused the transaction, the transaction reverted while the id is not settled, or the
 *     node stayed unreachable after {@code rpcAttempts} tries with doubling backoff (then every queued and
 *     in-flight window fails with "node ... unreachable: ... failed n times (...)"; in-flight ones keep their
 *     journal intents, so a restart or a new offer re-checks them). {@code start()} itself throws
 *     {@link io.foldline.chain.submit.SubmitterException} when the node reports another chain id than the
 *     configured one, or is unreachable.</li>
 * </ul>
 *
 * <h2>Idempotency and the journal</h2>
 * The window id is the idempotency key. An append-only UTF-8 text file, one record a line, fields separated
 * by tabs, each append followed by {@code fsync} before anything else happens:
 * <pre>
 * # foldline settlement journal v1
 * I  windowId  contract  nonce  txHash  priorityFeeWei  maxFeeWei  gasLimit  signedTx     (intent: before the broadcast)
 * O  windowId  CONFIRMED|FAILED  txHash|-  block|-  reason                                 (outcome)
 * </pre>
 * windowId is 64 lower-case hex digits, contract, txHash and signedTx are 0x-hex, numbers decimal, and the
 * reason escapes backslash, tab, CR and LF as {@code \\ \t \r \n}. The journal of the stuck-transaction
 * test (SubmitterAnvilTest; tabs shown as two spaces, long hex cut with "..."):
 * <pre>
 * # foldline settlement journal v1
 * I  2da76b54...84caa46  0x5fbdb231...64180aa3  0  0x4b3e5a4c...4ce7b283  1000000000  2752856818  68616  0x02f8f2827a6980...
 * I  2da76b54...84caa46  0x5fbdb231...64180aa3  0  0xfb210acc...6deeb59c  1100000000  3028142500  68616  0x02f8f2827a6980...
 * O  2da76b54...84caa46  CONFIRMED  0xfb210acc...6deeb59c  2  1 confirmations
 * </pre>
 * (a stuck first transaction, its replacement with the same nonce and 10% more, and the confirmation). The
 * intents after a window's last outcome are its open intents. A line without its newline is a write torn by
 * a crash and is truncated away on open; any other malformed line is a
 * {@link io.foldline.circuits.FormatException} naming the file and line.
 *
 * <p>On {@code start()} (and when a window with open intents is offered again) the submitter looks for a
 * receipt of each open intent's hash; if none is mined it asks the contract (the {@code SettledCheck}) and
 * the pool: a pooled transaction is waited for, a dropped one whose nonce is still free is sent again byte for
 * byte, and only when that nonce went to another transaction and the contract says "not settled" is a new
 * transaction signed. A crash anywhere between the intent and the outcome therefore never produces a second
 * settling transaction; a crash before the intent's fsync has sent nothing. A window already CONFIRMED in the
 * journal is answered from it when offered again.
 *
 * <h2>Fees</h2>
 * EIP-1559 (type 2) transactions with the explicit chain id: from {@code eth_feeHistory} over 5 blocks, the
 * next block's base fee and the median of the blocks' 50th-percentile priority fees, raised to
 * {@code minPriorityFee}; {@code maxFeePerGas = min(cap, 2 * baseFee + priorityFee)}. The gas limit is the
 * node's estimate plus 25% and 10,000; a call that the estimate says would revert fails the window unless the
 * id is already settled.
 *
 * <h2>Secrets</h2>
 * The key stays inside {@link io.foldline.chain.submit.SigningKey}, which prints as its address and keystore
 * path; exceptions while loading carry the file and the kind of error, never web3j's message. Logs go through
 * {@code System.Logger} and carry window ids, hashes, fees and node URLs only.
 *
 * <h2>Limits</h2>
 * One submitter per key and journal (they share no lock); the journal is never compacted; statuses are not
 * yet written to Kafka.
 */
package io.foldline.chain.submit;
