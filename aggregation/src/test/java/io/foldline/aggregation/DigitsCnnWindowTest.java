package io.foldline.aggregation;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Windows of digits_cnn's test rows. Slow for the same reason as {@link DigitsWindowTest}, only more so: the
 * CNN (14,745 rows, nW = 14,117) has a decider of 618,395 constraints, so a ptau of power 20 and a Groth16
 * setup of that size (estimated about an hour on two cores; not yet run to completion).
 */
@Tag("manual") // ~1 h of decider setup (618k constraints, ptau 2^20) on 2 cores: run by hand, not in CI
class DigitsCnnWindowTest {
    @Test
    void cnnWindowsOfOneAndTwoVerify() {
        ModelWindowFixture cnn = ModelWindowFixture.of("digits_cnn");
        DigitsWindowTest.proveAndVerify(cnn, 1);
        DigitsWindowTest.proveAndVerify(cnn, 2);
    }
}
