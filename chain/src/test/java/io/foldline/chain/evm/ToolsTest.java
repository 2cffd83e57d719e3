package io.foldline.chain.evm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A missing anvil binary is a clear error that names the install script (no anvil needed to run this). */
class ToolsTest {
    @Test
    void missingAnvilNamesTheInstallScript() {
        String before = System.getProperty("foldline.anvil");
        System.setProperty("foldline.anvil", "/nonexistent/foldline-test/anvil");
        try {
            ChainException e = assertThrows(ChainException.class, Anvil::start);
            assertTrue(e.getMessage().contains("/nonexistent/foldline-test/anvil"), e.getMessage());
            assertTrue(e.getMessage().contains("infra/install-test-tools.sh"), e.getMessage());
            assertTrue(Tools.missing().contains("anvil"), Tools.missing());
        } finally {
            if (before == null) {
                System.clearProperty("foldline.anvil");
            } else {
                System.setProperty("foldline.anvil", before);
            }
        }
    }

    @Test
    void devKeysAreValidAndDistinct() {
        // the addresses anvil prints for the test mnemonic's first two accounts
        assertTrue(Anvil.devCredentials(0).getAddress().equalsIgnoreCase("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
        assertTrue(Anvil.devCredentials(1).getAddress().equalsIgnoreCase("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));
    }
}
