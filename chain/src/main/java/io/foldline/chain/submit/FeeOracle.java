package io.foldline.chain.submit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthFeeHistory;

/**
 * EIP-1559 fees from the node: the next block's base fee and the median priority fee of recent blocks
 * ({@code eth_feeHistory}), the priority fee raised to the configured floor. A transaction offers
 * {@code maxFee = min(cap, 2 * baseFee + priorityFee)}, which survives six full blocks of base-fee growth;
 * it needs at least {@code baseFee + priorityFee}, and a window whose need exceeds the cap waits.
 */
final class FeeOracle {
    static final int HISTORY_BLOCKS = 5;

    /** Fees in wei. */
    record Fees(BigInteger baseFee, BigInteger priorityFee, BigInteger maxFee) {
        BigInteger needed() {
            return baseFee.add(priorityFee);
        }
    }

    private final Rpc rpc;
    private final BigInteger minPriorityFee;
    private final BigInteger cap;

    FeeOracle(Rpc rpc, BigInteger minPriorityFee, BigInteger cap) {
        this.rpc = rpc;
        this.minPriorityFee = minPriorityFee;
        this.cap = cap;
    }

    BigInteger cap() {
        return cap;
    }

    Fees suggest() {
        EthFeeHistory.FeeHistory h = rpc.checked("eth_feeHistory", () -> rpc.web3j()
                .ethFeeHistory(HISTORY_BLOCKS, DefaultBlockParameterName.LATEST, List.of(50.0)).send())
                .getFeeHistory();
        List<BigInteger> baseFees = h.getBaseFeePerGas();
        // The list has one more entry than blocks: the last is the base fee of the next block.
        BigInteger base = baseFees.get(baseFees.size() - 1);
        BigInteger priority = median(h.getReward()).max(minPriorityFee);
        BigInteger max = base.shiftLeft(1).add(priority).min(cap);
        return new Fees(base, priority, max.max(priority));
    }

    /**
     * The fees of a replacement: both at least 10% above the previous offer (what geth and anvil demand to
     * replace a pooled transaction, rounded up) and at least what the market asks now; null when that would
     * exceed the cap.
     */
    Fees bump(Fees previous) {
        Fees now = suggest();
        BigInteger priority = tenPercentMore(previous.priorityFee()).max(now.priorityFee());
        BigInteger max = tenPercentMore(previous.maxFee()).max(now.baseFee().shiftLeft(1).add(priority));
        if (max.compareTo(cap) > 0) {
            max = cap;
        }
        if (max.compareTo(tenPercentMore(previous.maxFee())) < 0 || priority.compareTo(max) > 0) {
            return null;
        }
        return new Fees(now.baseFee(), priority, max);
    }

    static BigInteger tenPercentMore(BigInteger fee) {
        BigInteger[] qr = fee.multiply(BigInteger.valueOf(11)).divideAndRemainder(BigInteger.TEN);
        BigInteger up = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return up.max(fee.add(BigInteger.ONE));
    }

    private static BigInteger median(List<List<BigInteger>> rewards) {
        List<BigInteger> values = new ArrayList<>();
        if (rewards != null) {
            for (List<BigInteger> block : rewards) {
                if (block != null && !block.isEmpty()) {
                    values.add(block.get(0));
                }
            }
        }
        if (values.isEmpty()) {
            return BigInteger.ZERO;
        }
        values.sort(null);
        return values.get(values.size() / 2);
    }
}
