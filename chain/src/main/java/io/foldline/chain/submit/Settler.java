package io.foldline.chain.submit;

import io.foldline.chain.submit.SettlementJournal.Intent;
import io.foldline.chain.submit.WindowStatus.State;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The per-window state machine: first broadcast, replacement, mining, confirmation and the reorg re-check,
 * and recovery of in-flight windows from the journal. Every transaction is journalled before it is sent;
 * a window gets a transaction with a new nonce only when none of its earlier ones can still be mined (their
 * nonce is used by something else) and the contract says it is not settled.
 */
final class Settler {
    private final Rpc rpc;
    private final SigningKey key;
    private final NonceManager nonces;
    private final FeeOracle fees;
    private final SettlementJournal journal;
    private final SettledCheck check;
    private final SubmitterOptions options;
    private final Consumer<WindowStatus> emit;
    private volatile Consumer<Intent> afterBroadcast = i -> { };

    Settler(Rpc rpc, SigningKey key, SettlementJournal journal, SettledCheck check, SubmitterOptions options,
            Consumer<WindowStatus> emit) {
        this.rpc = rpc;
        this.key = key;
        this.nonces = new NonceManager(rpc, key.address());
        this.fees = new FeeOracle(rpc, options.minPriorityFee(), options.maxFeeCap());
        this.journal = journal;
        this.check = check;
        this.options = options;
        this.emit = emit;
    }

    NonceManager nonces() {
        return nonces;
    }

    /** Test hook: runs right after a broadcast, before any bookkeeping; a throw simulates a crash there. */
    void afterBroadcast(Consumer<Intent> hook) {
        this.afterBroadcast = hook;
    }

    /**
     * What became of a pending window: in flight ({@code tracked} set), still pending ({@code waitReason}
     * set: its fee is above the cap), or neither (settled or failed for good).
     */
    record FirstTry(Tracked tracked, String waitReason) {
        static final FirstTry RESOLVED = new FirstTry(null, null);
    }

    FirstTry tryFirst(PendingWindow w) {
        SettlementJournal.Entry e = journal.entry(w.id());
        if (e != null && e.inFlight()) {
            return new FirstTry(adopt(e), null);
        }
        if (settled(w)) {
            confirmWithoutTx(w.id(), "already settled on chain");
            return FirstTry.RESOLVED;
        }
        FeeOracle.Fees f = fees.suggest();
        if (f.needed().compareTo(fees.cap()) > 0) {
            return new FirstTry(null, "fee above cap: needs base fee " + f.baseFee() + " + priority fee "
                    + f.priorityFee() + " wei per gas, cap is " + fees.cap());
        }
        BigInteger gas;
        try {
            gas = estimateGas(w);
        } catch (Rpc.ErrorAnswer rejected) {
            emit.accept(WindowStatus.of(w.id(), State.FAILED, "the call would fail: " + rejected.getMessage()));
            return FirstTry.RESOLVED;
        }
        Tracked t = new Tracked(w);
        return broadcastNew(t, f, gas) ? new FirstTry(t, null) : FirstTry.RESOLVED;
    }

    /** Takes over a window whose intents the journal holds open (after a restart, or a re-offer). */
    Tracked adopt(SettlementJournal.Entry e) {
        Intent first = e.openIntents().get(0);
        byte[] calldata = Numeric.hexStringToByteArray(TransactionDecoder.decode(first.rawTx()).getData());
        Tracked t = new Tracked(new PendingWindow(first.windowId(), first.contract(), calldata));
        e.openIntents().forEach(t.attempts::add);
        t.lastSentNanos = System.nanoTime();
        emit.accept(new WindowStatus(first.windowId(), State.SUBMITTED, "recovered from the journal: "
                + t.attempts.size() + " signed transaction(s), nonce " + first.nonce(), t.latest().txHash(), null));
        if (!findMined(t)) {
            recheckDropped(t);
        }
        return t;
    }

    /** One look at an in-flight window; sets {@code t.done} when it reaches a final state. */
    void advance(Tracked t) {
        if (t.minedTx == null) {
            if (!findMined(t) && elapsed(t) >= options.replaceAfter().toNanos()) {
                replace(t);
            }
            return;
        }
        BigInteger head = rpc.checked("eth_blockNumber", () -> rpc.web3j().ethBlockNumber().send()).getBlockNumber();
        if (head.compareTo(t.minedBlock.add(BigInteger.valueOf(options.confirmations() - 1))) < 0) {
            return;
        }
        Optional<TransactionReceipt> again = receipt(t.minedTx);
        if (again.isPresent() && again.get().getBlockHash().equalsIgnoreCase(t.minedBlockHash)) {
            journal.outcome(new SettlementJournal.Outcome(t.window.id(), State.CONFIRMED, t.minedTx, t.minedBlock,
                    options.confirmations() + " confirmations"));
            emit.accept(new WindowStatus(t.window.id(), State.CONFIRMED, options.confirmations() + " confirmations",
                    t.minedTx, t.minedBlock));
            t.done = true;
            return;
        }
        String was = "reorg: " + t.minedTx + " is no longer in block " + t.minedBlock + " (" + t.minedBlockHash + ")";
        t.unmined();
        if (again.isPresent()) {
            onMined(t, again.get(), was + "; mined again");
        } else if (!findMined(t)) {
            emit.accept(new WindowStatus(t.window.id(), State.SUBMITTED, was, t.latest().txHash(), null));
            recheckDropped(t);
        }
    }

    private boolean findMined(Tracked t) {
        for (int i = t.attempts.size() - 1; i >= 0; i--) {
            Optional<TransactionReceipt> r = receipt(t.attempts.get(i).txHash());
            if (r.isPresent()) {
                onMined(t, r.get(), "mined");
                return true;
            }
        }
        return false;
    }

    private void onMined(Tracked t, TransactionReceipt r, String what) {
        if (!r.isStatusOK()) {
            if (settled(t.window)) {
                confirmWithoutTx(t.window.id(), "transaction " + r.getTransactionHash()
                        + " reverted, the window being settled by another transaction");
            } else {
                String reason = "transaction " + r.getTransactionHash() + " reverted in block " + r.getBlockNumber();
                journal.outcome(new SettlementJournal.Outcome(t.window.id(), State.FAILED, r.getTransactionHash(),
                        r.getBlockNumber(), reason));
                emit.accept(new WindowStatus(t.window.id(), State.FAILED, reason, r.getTransactionHash(),
                        r.getBlockNumber()));
            }
            t.done = true;
            return;
        }
        t.minedTx = r.getTransactionHash();
        t.minedBlock = r.getBlockNumber();
        t.minedBlockHash = r.getBlockHash();
        emit.accept(new WindowStatus(t.window.id(), State.SUBMITTED, what + " in block " + t.minedBlock
                + ", waiting for " + options.confirmations() + " confirmations", t.minedTx, t.minedBlock));
    }

    /**
     * None of the window's transactions is in a block (after a restart or a reorg). If the latest is still
     * pooled, wait; if its nonce is still free, send the same signed bytes again (so at most one of them can
     * ever be mined); only if the nonce went to another transaction may a new one be signed.
     */
    private void recheckDropped(Tracked t) {
        Intent latest = t.latest();
        boolean known = rpc.checked("eth_getTransactionByHash",
                () -> rpc.web3j().ethGetTransactionByHash(latest.txHash()).send()).getTransaction().isPresent();
        if (known) {
            t.lastSentNanos = System.nanoTime();
            return;
        }
        if (settled(t.window)) {
            confirmWithoutTx(t.window.id(), "settled on chain by a transaction not in the journal");
            t.done = true;
            return;
        }
        if (latest.nonce().compareTo(nonces.minedCount()) < 0) {
            nonces.resync();
            if (!broadcastNew(t, fees.suggest(), latest.gasLimit())) {
                t.done = true;
            }
            return;
        }
        String error = send(latest);
        if (error == null || isKnown(error)) {
            t.sent(latest);
            emit.accept(new WindowStatus(t.window.id(), State.SUBMITTED, "sent again: the node had dropped it",
                    latest.txHash(), null));
        }
    }

    private void replace(Tracked t) {
        Intent prev = t.latest();
        FeeOracle.Fees bumped = fees.bump(new FeeOracle.Fees(BigInteger.ZERO, prev.priorityFee(), prev.maxFee()));
        String waited = "not mined after " + options.replaceAfter().toMillis() + " ms";
        if (bumped == null) {
            if (t.stuckReason == null) {
                t.stuckReason = waited + "; a 10% replacement of maxFee " + prev.maxFee() + " would exceed the cap "
                        + fees.cap();
                emit.accept(new WindowStatus(t.window.id(), State.SUBMITTED, t.stuckReason, prev.txHash(), null));
            }
            t.lastSentNanos = System.nanoTime();
            return;
        }
        Intent next = sign(t.window, prev.nonce(), prev.gasLimit(), bumped);
        journal.intent(next);
        String error = send(next);
        if (error == null || isKnown(error)) {
            t.sent(next);
            afterBroadcast.accept(next);
            emit.accept(new WindowStatus(t.window.id(), State.SUBMITTED, "replaced " + prev.txHash() + " (" + waited
                    + "): maxFee " + prev.maxFee() + " -> " + next.maxFee() + ", priority fee " + prev.priorityFee()
                    + " -> " + next.priorityFee(), next.txHash(), null));
        } else if (isNonceTooLow(error)) {
            if (!findMined(t)) {
                recheckDropped(t);
            }
        } else {
            t.lastSentNanos = System.nanoTime();
            emit.accept(new WindowStatus(t.window.id(), State.SUBMITTED, "replacement refused by the node: " + error,
                    prev.txHash(), null));
        }
    }

    /** Signs with a fresh nonce, journals, broadcasts. False when the window failed for good. */
    private boolean broadcastNew(Tracked t, FeeOracle.Fees f, BigInteger gas) {
        for (int tries = 0; tries < 2; tries++) {
            Intent intent = sign(t.window, nonces.take(), gas, f);
            journal.intent(intent);
            String error = send(intent);
            if (error == null || isKnown(error)) {
                t.sent(intent);
                afterBroadcast.accept(intent);
                emit.accept(new WindowStatus(t.window.id(), State.SUBMITTED, "sent with nonce " + intent.nonce()
                        + ", maxFee " + f.maxFee() + ", priority fee " + f.priorityFee(), intent.txHash(), null));
                return true;
            }
            nonces.resync();
            if (!isNonceTooLow(error)) {
                String reason = "node refused the transaction: " + error;
                journal.outcome(new SettlementJournal.Outcome(t.window.id(), State.FAILED, null, null, reason));
                emit.accept(WindowStatus.of(t.window.id(), State.FAILED, reason));
                return false;
            }
        }
        String reason = "nonce too low twice in a row: another sender is using this key";
        journal.outcome(new SettlementJournal.Outcome(t.window.id(), State.FAILED, null, null, reason));
        emit.accept(WindowStatus.of(t.window.id(), State.FAILED, reason));
        return false;
    }

    private Intent sign(PendingWindow w, BigInteger nonce, BigInteger gas, FeeOracle.Fees f) {
        RawTransaction tx = RawTransaction.createTransaction(options.chainId(), nonce, gas, w.contract(),
                BigInteger.ZERO, Numeric.toHexString(w.calldata()), f.priorityFee(), f.maxFee());
        byte[] signed = key.sign(tx);
        return new Intent(w.id(), w.contract(), nonce, Numeric.toHexString(Hash.sha3(signed)), f.priorityFee(),
                f.maxFee(), gas, Numeric.toHexString(signed));
    }

    /** Null when the node took the transaction, else its error message. */
    private String send(Intent intent) {
        EthSendTransaction r = rpc.retrying("eth_sendRawTransaction",
                () -> rpc.web3j().ethSendRawTransaction(intent.rawTx()).send());
        return r.hasError() ? r.getError().getMessage() : null;
    }

    private BigInteger estimateGas(PendingWindow w) {
        Transaction call = Transaction.createEthCallTransaction(key.address(), w.contract(),
                Numeric.toHexString(w.calldata()));
        BigInteger estimate = rpc.checked("eth_estimateGas", () -> rpc.web3j().ethEstimateGas(call).send())
                .getAmountUsed();
        // A margin: state may change between estimate and inclusion.
        return estimate.multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4)).add(BigInteger.valueOf(10_000));
    }

    private Optional<TransactionReceipt> receipt(String txHash) {
        return rpc.checked("eth_getTransactionReceipt",
                () -> rpc.web3j().ethGetTransactionReceipt(txHash).send()).getTransactionReceipt();
    }

    private boolean settled(PendingWindow w) {
        Web3j web3j = rpc.web3j();
        return rpc.retrying("settled check", () -> check.isSettled(web3j, w.contract(), w.id()));
    }

    private void confirmWithoutTx(WindowId id, String reason) {
        journal.outcome(new SettlementJournal.Outcome(id, State.CONFIRMED, null, null, reason));
        emit.accept(WindowStatus.of(id, State.CONFIRMED, reason));
    }

    private static long elapsed(Tracked t) {
        return System.nanoTime() - t.lastSentNanos;
    }

    private static boolean isKnown(String error) {
        String e = error.toLowerCase(Locale.ROOT);
        return e.contains("already known") || e.contains("known transaction") || e.contains("already imported");
    }

    private static boolean isNonceTooLow(String error) {
        return error.toLowerCase(Locale.ROOT).contains("nonce too low");
    }
}
