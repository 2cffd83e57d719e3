package io.foldline.crypto.msm;

import java.util.concurrent.ForkJoinPool;

/**
 * Options of a multi-scalar multiplication. {@link #defaults()} uses every available processor, picks the
 * window size from the input size, and runs on the common fork-join pool.
 *
 * <pre>{@code
 * MsmConfig cfg = MsmConfig.builder().threads(4).pool(myPool).build();
 * }</pre>
 */
public final class MsmConfig {
    /** The largest supported window; buckets per window are 2^(c-1). */
    public static final int MAX_WINDOW_BITS = 16;

    private static final MsmConfig DEFAULTS = builder().build();

    private final int threads;
    private final int windowBits;
    private final ForkJoinPool pool;

    private MsmConfig(Builder b) {
        this.threads = b.threads;
        this.windowBits = b.windowBits;
        this.pool = b.pool;
    }

    public static MsmConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Worker threads (the caller counts as one). */
    public int threads() {
        return threads;
    }

    /** The Pippenger window c, or 0 for "choose from the input size". */
    public int windowBits() {
        return windowBits;
    }

    /** The pool that runs the helpers: the configured one, or the common pool. */
    public ForkJoinPool pool() {
        return pool != null ? pool : ForkJoinPool.commonPool();
    }

    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();
        private int windowBits;
        private ForkJoinPool pool;

        private Builder() {
        }

        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("MsmConfig.threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** 0 chooses automatically; otherwise 1 to {@link #MAX_WINDOW_BITS}. */
        public Builder windowBits(int windowBits) {
            if (windowBits < 0 || windowBits > MAX_WINDOW_BITS) {
                throw new IllegalArgumentException(
                        "MsmConfig.windowBits must be 0 (auto) or 1.." + MAX_WINDOW_BITS + ", got " + windowBits);
            }
            this.windowBits = windowBits;
            return this;
        }

        /** The pool for helper threads (null: the common pool). */
        public Builder pool(ForkJoinPool pool) {
            this.pool = pool;
            return this;
        }

        public MsmConfig build() {
            return new MsmConfig(this);
        }
    }
}
