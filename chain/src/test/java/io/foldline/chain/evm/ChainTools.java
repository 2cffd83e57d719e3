package io.foldline.chain.evm;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips a chain test when node, solc-js or anvil is missing, or fails it when the build requires interop
 * ({@code -Dfoldline.requireInterop=true}, as CI does), the same rule as the circuits interop tests.
 */
public final class ChainTools {
    private ChainTools() {
    }

    public static void require() {
        String missing = Tools.missing();
        if (missing == null) {
            return;
        }
        String message = "chain tools: " + missing;
        if (Boolean.parseBoolean(System.getProperty("foldline.requireInterop", "false"))) {
            Assertions.fail(message + " (-Dfoldline.requireInterop=true)");
        }
        Assumptions.abort(message);
    }
}
