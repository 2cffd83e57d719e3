package io.foldline.chain.submit;

import java.math.BigInteger;
import java.time.Duration;

/**
 * How the submitter batches, prices and confirms. Build with {@link #builder(long, BigInteger)}: the chain
 * id and the fee cap have no defaults, because a wrong guess at either costs money.
 *
 * @param chainId the chain the key may sign for; the node must report the same id
 * @param maxFeeCap the most wei per gas any transaction may offer (its {@code maxFeePerGas})
 * @param minPriorityFee the least priority fee offered, in wei, whatever the fee history says
 * @param interval settle whatever is pending at least this often
 * @param batchSize settle as soon as this many windows are pending
 * @param confirmations blocks (the transaction's own included) before a window is CONFIRMED
 * @param replaceAfter a transaction not mined after this long is replaced with higher fees
 * @param poll how often the submitter looks at the chain
 * @param rpcAttempts tries per node call before the node counts as unreachable
 * @param rpcBackoff wait after the first failed try; doubled after each further one
 */
public record SubmitterOptions(long chainId, BigInteger maxFeeCap, BigInteger minPriorityFee, Duration interval,
                               int batchSize, int confirmations, Duration replaceAfter, Duration poll,
                               int rpcAttempts, Duration rpcBackoff) {
    public SubmitterOptions {
        require(chainId > 0, "chainId must be positive");
        require(maxFeeCap != null && maxFeeCap.signum() > 0, "maxFeeCap must be positive");
        require(minPriorityFee != null && minPriorityFee.signum() >= 0, "minPriorityFee must be >= 0");
        require(batchSize >= 1, "batchSize must be >= 1");
        require(confirmations >= 1, "confirmations must be >= 1");
        require(rpcAttempts >= 1, "rpcAttempts must be >= 1");
        for (Duration d : new Duration[] {interval, replaceAfter, poll, rpcBackoff}) {
            require(d != null && !d.isNegative() && !d.isZero(), "durations must be positive");
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("submitter options: " + what);
        }
    }

    public static Builder builder(long chainId, BigInteger maxFeeCap) {
        return new Builder(chainId, maxFeeCap);
    }

    public static final class Builder {
        private final long chainId;
        private final BigInteger maxFeeCap;
        private BigInteger minPriorityFee = BigInteger.valueOf(100_000_000L); // 0.1 gwei
        private Duration interval = Duration.ofSeconds(60);
        private int batchSize = 16;
        private int confirmations = 3;
        private Duration replaceAfter = Duration.ofSeconds(90);
        private Duration poll = Duration.ofSeconds(2);
        private int rpcAttempts = 6;
        private Duration rpcBackoff = Duration.ofMillis(500);

        private Builder(long chainId, BigInteger maxFeeCap) {
            this.chainId = chainId;
            this.maxFeeCap = maxFeeCap;
        }

        public Builder minPriorityFee(BigInteger wei) {
            this.minPriorityFee = wei;
            return this;
        }

        public Builder interval(Duration d) {
            this.interval = d;
            return this;
        }

        public Builder batchSize(int k) {
            this.batchSize = k;
            return this;
        }

        public Builder confirmations(int n) {
            this.confirmations = n;
            return this;
        }

        public Builder replaceAfter(Duration d) {
            this.replaceAfter = d;
            return this;
        }

        public Builder poll(Duration d) {
            this.poll = d;
            return this;
        }

        public Builder retries(int attempts, Duration firstBackoff) {
            this.rpcAttempts = attempts;
            this.rpcBackoff = firstBackoff;
            return this;
        }

        public SubmitterOptions build() {
            return new SubmitterOptions(chainId, maxFeeCap, minPriorityFee, interval, batchSize, confirmations,
                    replaceAfter, poll, rpcAttempts, rpcBackoff);
        }
    }
}
