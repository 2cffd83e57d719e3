package io.foldline.chain.window;

import io.foldline.chain.evm.ChainException;
import io.foldline.chain.evm.Evm;
import io.foldline.crypto.hash.Keccak256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.utils.Numeric;

/** Hand-encoded calls of the WindowVerifier's view functions and of a probe that measures isVerified. */
final class ContractCalls {
    /**
     * What a consumer contract pays for one isVerified: the gas between two gasleft() around the external call,
     * cold account access of the verifier included (the first call of a transaction).
     */
    static final String PROBE_SOURCE = """
            // SPDX-License-Identifier: Apache-2.0
            pragma solidity ^0.8.24;
            interface IWindowVerifier {
                function isVerified(bytes32 windowId, bytes32 leaf, uint256 index, bytes32[] calldata path)
                    external view returns (bool);
            }
            contract IsVerifiedProbe {
                function measure(address verifier, bytes32 windowId, bytes32 leaf, uint256 index, bytes32[] calldata path)
                        external view returns (bool ok, uint256 gasUsed) {
                    uint256 before = gasleft();
                    ok = IWindowVerifier(verifier).isVerified(windowId, leaf, index, path);
                    gasUsed = before - gasleft();
                }
            }
            """;

    private ContractCalls() {
    }

    /** The gas a consumer contract spends on one isVerified call (see {@link #PROBE_SOURCE}); fails unless true. */
    static long isVerifiedGasFromContract(Evm evm, String probe, String verifier, byte[] windowId, byte[] leaf,
                                          long index, List<byte[]> path) {
        byte[] call = isVerifiedCall(windowId, leaf, index, path);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(selector("measure(address,bytes32,bytes32,uint256,bytes32[])"));
        b.writeBytes(Numeric.toBytesPadded(Numeric.toBigInt(verifier), 32));
        b.writeBytes(Arrays.copyOfRange(call, 4, 4 + 96));
        b.writeBytes(Numeric.toBytesPadded(BigInteger.valueOf(160), 32));
        b.writeBytes(Arrays.copyOfRange(call, 4 + 128, call.length));
        byte[] out = evm.call(probe, b.toByteArray());
        if (!new BigInteger(1, Arrays.copyOfRange(out, 0, 32)).equals(BigInteger.ONE)) {
            throw new AssertionError("the probe's isVerified returned false");
        }
        return new BigInteger(1, Arrays.copyOfRange(out, 32, 64)).longValueExact();
    }

    /** EIP-7623 (Prague): a transaction pays at least 21,000 + 10 gas per calldata token (zero byte 1, other 4). */
    static long calldataFloor(byte[] data) {
        long tokens = 0;
        for (byte x : data) {
            tokens += x == 0 ? 1 : 4;
        }
        return 21_000 + 10 * tokens;
    }

    static byte[] receiptsRoot(Evm evm, String address, byte[] windowId) {
        return evm.call(address, concat(selector("receiptsRoot(bytes32)"), windowId));
    }

    static boolean isVerified(Evm evm, String address, byte[] windowId, byte[] leaf, long index, List<byte[]> path) {
        byte[] out = evm.call(address, isVerifiedCall(windowId, leaf, index, path));
        return new BigInteger(1, out).equals(BigInteger.ONE);
    }

    /** Execution gas of one isVerified call: the node's estimate less the 21,000 base and the calldata. */
    static long isVerifiedGas(Evm evm, String from, String address, byte[] windowId, byte[] leaf, long index,
                              List<byte[]> path) {
        byte[] data = isVerifiedCall(windowId, leaf, index, path);
        Transaction tx = Transaction.createEthCallTransaction(from, address, Numeric.toHexString(data));
        try {
            var r = evm.web3j().ethEstimateGas(tx).send();
            if (r.hasError()) {
                throw new ChainException("eth_estimateGas: " + r.getError().getMessage());
            }
            return r.getAmountUsed().longValueExact() - 21_000 - calldataGas(data);
        } catch (IOException e) {
            throw new ChainException("eth_estimateGas: " + e.getMessage(), e);
        }
    }

    /** 4 gas per zero byte, 16 per other byte (EIP-2028). */
    static long calldataGas(byte[] data) {
        long gas = 0;
        for (byte b : data) {
            gas += b == 0 ? 4 : 16;
        }
        return gas;
    }

    private static byte[] isVerifiedCall(byte[] windowId, byte[] leaf, long index, List<byte[]> path) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(selector("isVerified(bytes32,bytes32,uint256,bytes32[])"));
        b.writeBytes(windowId);
        b.writeBytes(leaf);
        b.writeBytes(Numeric.toBytesPadded(BigInteger.valueOf(index), 32));
        b.writeBytes(Numeric.toBytesPadded(BigInteger.valueOf(128), 32));
        b.writeBytes(Numeric.toBytesPadded(BigInteger.valueOf(path.size()), 32));
        for (byte[] s : path) {
            b.writeBytes(s);
        }
        return b.toByteArray();
    }

    private static byte[] selector(String signature) {
        return Arrays.copyOf(Keccak256.digest(signature.getBytes(StandardCharsets.US_ASCII)), 4);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
