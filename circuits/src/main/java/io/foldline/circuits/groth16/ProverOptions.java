package io.foldline.circuits.groth16;

import io.foldline.crypto.msm.MsmConfig;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Options of {@link Prover}: where the blinding scalars r and s come from (a {@link SecureRandom} unless a
 * test fixes them), the MSM configuration, and whether the prover checks its own proof against the
 * verifying key before returning it (one pairing product, a few milliseconds): without that check a
 * witness that does not satisfy the circuit yields a proof that silently fails to verify, as in snarkjs.
 *
 * <pre>{@code
 * ProverOptions opts = ProverOptions.builder().selfCheck(false).msm(MsmConfig.builder().threads(4).build()).build();
 * }</pre>
 */
public final class ProverOptions {
    private static final ProverOptions DEFAULTS = builder().build();

    private final RandomGenerator random;
    private final MsmConfig msm;
    private final boolean selfCheck;
    private final Consumer<String> progress;
    private final Schedule schedule;

    /** How the five MSMs share the threads of {@link #msm()}. */
    public enum Schedule {
        /** The measured best for this machine size (currently SEQUENTIAL). */
        AUTO,
        /** The MSMs run side by side, one thread each. */
        CONCURRENT,
        /** One MSM after the other, each on all threads. */
        SEQUENTIAL
    }

    private ProverOptions(Builder b) {
        this.schedule = b.schedule;
        this.random = b.random;
        this.msm = b.msm;
        this.selfCheck = b.selfCheck;
        this.progress = b.progress;
    }

    public static ProverOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public RandomGenerator random() {
        return random;
    }

    public MsmConfig msm() {
        return msm;
    }

    public boolean selfCheck() {
        return selfCheck;
    }

    public Schedule schedule() {
        return schedule;
    }

    /** Receives one line per proving phase with its time (a no-op by default). */
    public Consumer<String> progress() {
        return progress;
    }

    public static final class Builder {
        private RandomGenerator random = new SecureRandom();
        private MsmConfig msm = MsmConfig.defaults();
        private boolean selfCheck = true;
        private Consumer<String> progress = s -> { };
        private Schedule schedule = Schedule.AUTO;

        private Builder() {
        }

        /** The source of r and s; keep the default SecureRandom outside tests, or the proof leaks the witness. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Builder msm(MsmConfig msm) {
            this.msm = Objects.requireNonNull(msm, "msm");
            return this;
        }

        /** Verify the proof before returning it (default true). */
        public Builder selfCheck(boolean selfCheck) {
            this.selfCheck = selfCheck;
            return this;
        }

        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public Builder schedule(Schedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        public ProverOptions build() {
            return new ProverOptions(this);
        }
    }
}
