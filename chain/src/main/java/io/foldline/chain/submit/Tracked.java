package io.foldline.chain.submit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** A window the submitter has broadcast at least once: every signed variant, and where it was mined. */
final class Tracked {
    final PendingWindow window;
    final List<SettlementJournal.Intent> attempts = new ArrayList<>();
    long lastSentNanos;
    String minedTx;
    BigInteger minedBlock;
    String minedBlockHash;
    String stuckReason;
    boolean done;

    Tracked(PendingWindow window) {
        this.window = window;
    }

    SettlementJournal.Intent latest() {
        return attempts.get(attempts.size() - 1);
    }

    void sent(SettlementJournal.Intent intent) {
        if (!attempts.contains(intent)) {
            attempts.add(intent);
        }
        lastSentNanos = System.nanoTime();
        stuckReason = null;
    }

    void unmined() {
        minedTx = null;
        minedBlock = null;
        minedBlockHash = null;
    }
}
