package io.foldline.chain.window;

import io.foldline.chain.evm.Tools;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The chain tests' gate on node, solc-js and anvil: skipped when they are missing, a failure when the build
 * asks for interop ({@code -Dfoldline.requireInterop=true}, as CI does).
 */
final class ChainTestTools {
    private ChainTestTools() {
    }

    static void require() {
        String missing = Tools.missing();
        if (missing == null) {
            return;
        }
        if (Boolean.parseBoolean(System.getProperty("foldline.requireInterop", "false"))) {
            Assertions.fail(missing + " (-Dfoldline.requireInterop=true)");
        }
        Assumptions.abort(missing);
    }
}
