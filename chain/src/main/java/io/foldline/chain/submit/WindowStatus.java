package io.foldline.chain.submit;

import java.math.BigInteger;

/**
 * What the submitter knows about one window, handed to the status listener on every change.
 *
 * @param reason why the window is in this state (fee above cap, mined and waiting for confirmations,
 *     replaced, reorg, node unreachable, ...); never null, may be empty
 * @param txHash the transaction that settles (or last tried to settle) the window; null before broadcast
 * @param block the block that holds {@code txHash}; null until it is mined
 */
public record WindowStatus(WindowId windowId, State state, String reason, String txHash, BigInteger block) {
    public enum State {
        /** Waiting to go out: not yet due, or its fee is above the cap. */
        PENDING,
        /** Broadcast (perhaps replaced or mined), not yet confirmed. */
        SUBMITTED,
        /** Mined, re-checked after the configured confirmations; final. */
        CONFIRMED,
        /** Given up; {@code reason} says why. A later offer of the same window tries again. */
        FAILED
    }

    public WindowStatus {
        if (windowId == null || state == null) {
            throw new IllegalArgumentException("window status needs a window id and a state");
        }
        reason = reason == null ? "" : reason;
    }

    static WindowStatus of(WindowId id, State state, String reason) {
        return new WindowStatus(id, state, reason, null, null);
    }
}
