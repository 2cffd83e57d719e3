package io.foldline.aggregation;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Windows of digits_cnn's test rows. Slow for the same reason as {@link DigitsWindowTest}, only more so: the
 * CNN (14,831 rows, nW = 14,203) has a decider of 800,261 constraints, so a ptau of power 20 and a Groth16
 * setup of that size. Run once on 2026-11-24 on two cores shared with other builds (load 6-20): test ptau
 * 809 s, window setup 1,721 s, folds 0.5 s per inference, decider 46 s, verify 10-37 ms; both windows verify.
 */
@Tag("manual") // ~45 min of ptau and decider setup on 2 busy cores: run by hand, not in CI
class DigitsCnnWindowTest {
    @Test
    void cnnWindowsOfOneAndTwoVerify() {
        ModelWindowFixture cnn = ModelWindowFixture.of("digits_cnn");
        DigitsWindowTest.proveAndVerify(cnn, 1);
        DigitsWindowTest.proveAndVerify(cnn, 2);
    }
}
