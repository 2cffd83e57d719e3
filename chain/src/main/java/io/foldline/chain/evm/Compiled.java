package io.foldline.chain.evm;

import java.util.Objects;

/**
 * One contract as solc compiled it: its ABI (JSON text), its creation bytecode (hex, no 0x) and the size of
 * the code it leaves on chain, which EIP-170 caps at {@value #MAX_RUNTIME_BYTES} bytes.
 */
public record Compiled(String contractName, String abiJson, String bytecodeHex, int runtimeBytes) {
    public static final int MAX_RUNTIME_BYTES = 24_576;

    public Compiled {
        Objects.requireNonNull(contractName, "contractName");
        Objects.requireNonNull(abiJson, "abiJson");
        Objects.requireNonNull(bytecodeHex, "bytecodeHex");
        if (bytecodeHex.isEmpty()) {
            throw new IllegalArgumentException(contractName + " has no bytecode (abstract contract or interface?)");
        }
    }
}
