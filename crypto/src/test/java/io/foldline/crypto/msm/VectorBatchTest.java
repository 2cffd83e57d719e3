package io.foldline.crypto.msm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.foldline.crypto.bn254.internal.VectorFq;
import org.junit.jupiter.api.Test;

/**
 * The guard: the vector path is on exactly where the module is present and 512-bit lanes are native (the test
 * JVMs add the module, see the root pom), so that G1MsmTest's batched cases exercise it on such machines and
 * a machine without AVX-512 never takes the slow emulated path.
 */
class VectorBatchTest {
    @Test
    void enabledExactlyWhereNativeAndNotSwitchedOff() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        String mode = System.getProperty("foldline.msm.vector", "auto");
        boolean expected = module && !mode.equals("false") && (mode.equals("true") || VectorFq.nativeOnThisMachine());
        assertEquals(expected, VectorBatch.ENABLED);
        System.out.println("VectorBatch.ENABLED = " + VectorBatch.ENABLED + " (module " + module + ")");
    }
}
