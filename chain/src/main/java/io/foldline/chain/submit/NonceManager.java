package io.foldline.chain.submit;

import java.math.BigInteger;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The next nonce of one key: a local counter, so that several windows can be in flight without asking the
 * node each time, resynced from the node's pending nonce on start and whenever a send fails (the local
 * count may then be ahead of or behind what the node holds). One per key; two submitters on one key would
 * race, which is why the submitter owns its key's manager.
 */
final class NonceManager {
    private final Rpc rpc;
    private final String address;
    private BigInteger next;

    NonceManager(Rpc rpc, String address) {
        this.rpc = rpc;
        this.address = address;
    }

    synchronized void resync() {
        next = rpc.checked("eth_getTransactionCount(pending)",
                () -> rpc.web3j().ethGetTransactionCount(address, DefaultBlockParameterName.PENDING).send())
                .getTransactionCount();
    }

    /** The node's count of mined transactions: nonces below it can never be used again. */
    BigInteger minedCount() {
        return rpc.checked("eth_getTransactionCount(latest)",
                () -> rpc.web3j().ethGetTransactionCount(address, DefaultBlockParameterName.LATEST).send())
                .getTransactionCount();
    }

    synchronized BigInteger take() {
        if (next == null) {
            resync();
        }
        BigInteger n = next;
        next = next.add(BigInteger.ONE);
        return n;
    }
}
