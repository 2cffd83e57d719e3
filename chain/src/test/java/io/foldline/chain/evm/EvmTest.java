package io.foldline.chain.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

/** Anvil, solc-js and Evm together on a real chain: a tiny counter contract deployed, called and sent to. */
@Tag("interop")
class EvmTest {
    private static final String SOURCE = """
            // SPDX-License-Identifier: MIT
            pragma solidity ^0.8.20;
            contract Counter {
                uint256 public value;
                constructor(uint256 start) { value = start; }
                function add(uint256 x) external {
                    require(x != 0, "zero step");
                    value += x;
                }
            }
            """;
    private static final byte[] VALUE = selector("value()");
    private static Anvil anvil;
    private static Evm evm;
    private static Compiled counter;

    @BeforeAll
    static void start() {
        ChainTools.require();
        anvil = Anvil.start();
        evm = anvil.evm();
        counter = SolcJs.defaults().compile("Counter.sol", SOURCE, "Counter");
    }

    @AfterAll
    static void stop() {
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    void devKeysAreAnvilsFundedAccounts() throws Exception {
        List<String> accounts = anvil.web3j().ethAccounts().send().getAccounts();
        assertEquals(Anvil.DEV_ACCOUNTS, accounts.size());
        for (int i = 0; i < Anvil.DEV_ACCOUNTS; i++) {
            assertEquals(accounts.get(i).toLowerCase(), anvil.devKey(i).getAddress().toLowerCase(), "account " + i);
        }
        assertEquals(BigInteger.valueOf(31337), anvil.web3j().ethChainId().send().getChainId());
        assertTrue(anvil.rpcUrl().startsWith("http://127.0.0.1:"));
    }

    @Test
    void deployCallAndSend() {
        Credentials alice = anvil.devKey(1);
        Evm.Deployed d = evm.deploy(alice, counter, word(41));
        assertTrue(d.gasUsed() > 21_000, "gas " + d.gasUsed());
        assertTrue(counter.runtimeBytes() > 0 && counter.runtimeBytes() < Compiled.MAX_RUNTIME_BYTES);
        assertArrayEquals(word(41), evm.call(d.address(), VALUE));

        Evm.Sent ok = evm.send(alice, d.address(), concat(selector("add(uint256)"), word(1)), 100_000);
        assertTrue(ok.status());
        assertTrue(ok.gasUsed() > 21_000 && ok.gasUsed() < 100_000, "gas " + ok.gasUsed());
        assertEquals(null, ok.revertReason());
        assertArrayEquals(word(42), evm.call(d.address(), VALUE));

        Evm.Sent reverted = evm.send(alice, d.address(), concat(selector("add(uint256)"), word(0)), 100_000);
        assertFalse(reverted.status());
        assertEquals("zero step", reverted.revertReason());
        assertEquals(ok.blockNumber() + 1, reverted.blockNumber());
        assertArrayEquals(word(42), evm.call(d.address(), VALUE));
    }

    @Test
    void snapshotRevertAndMine() throws Exception {
        Credentials bob = anvil.devKey(2);
        Evm.Deployed d = evm.deploy(bob, counter, List.<Type>of(new Uint256(5)));
        String id = anvil.snapshot();
        assertTrue(evm.send(bob, d.address(), concat(selector("add(uint256)"), word(10)), 100_000).status());
        assertArrayEquals(word(15), evm.call(d.address(), VALUE));
        assertTrue(anvil.revert(id));
        assertArrayEquals(word(5), evm.call(d.address(), VALUE));

        long before = anvil.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
        anvil.mine(3);
        assertEquals(before + 3, anvil.web3j().ethBlockNumber().send().getBlockNumber().longValueExact());
        assertNotEquals(BigInteger.ZERO, anvil.web3j()
                .ethGetBalance(bob.getAddress(), DefaultBlockParameterName.LATEST).send().getBalance());
    }

    @Test
    void compileErrorsQuoteSolcWithFileAndLine() {
        SolcException e = assertThrows(SolcException.class, () -> SolcJs.defaults()
                .compile("Broken.sol", "pragma solidity ^0.8.0;\ncontract Broken {\n  function f() public { x = 1; }\n}\n",
                        "Broken"));
        assertTrue(e.getMessage().contains("Broken.sol:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("Undeclared identifier"), e.getMessage());
    }

    @Test
    void missingContractNameIsAnError() {
        assertThrows(SolcException.class, () -> SolcJs.defaults().compile("Counter.sol", SOURCE, "Nope"));
    }

    static byte[] word(long v) {
        return Numeric.toBytesPadded(BigInteger.valueOf(v), 32);
    }

    static byte[] selector(String signature) {
        return java.util.Arrays.copyOf(Hash.sha3(signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 4);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
