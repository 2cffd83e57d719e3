package io.foldline.chain.window;

import io.foldline.chain.evm.ChainException;
import io.foldline.chain.evm.Evm;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.hash.Keccak256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
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

    /**
     * The same measurement for a consumer that checks with the FoldlineReceipts library in its own code (appended
     * to a generated WindowVerifier source, which defines the library): the holder's cold account access included.
     */
    static final String LIBRARY_PROBE_SOURCE = """

            contract LibraryProbe {
                function measure(address verifier, bytes32 windowId, bytes32 leaf, uint256 index, bytes32[] calldata path)
                        external view returns (bool ok, uint256 gasUsed) {
                    uint256 before = gasleft();
                    ok = FoldlineReceipts.isVerified(verifier, windowId, leaf, index, path);
                    gasUsed = before - gasleft();
                }
            }
            """;

    /**
     * The README's consumer example (the solidity block that defines CreditDesk), without its import line, to be
     * appended to a generated WindowVerifier source: the README's code is what the tests run.
     */
    static String readmeConsumerExample() {
        Path readme = Path.of(System.getProperty("user.dir")).resolve("../README.md").normalize();
        try {
            String text = Files.readString(readme);
            int at = text.indexOf("contract CreditDesk");
            int start = text.lastIndexOf("```solidity", at);
            int end = text.indexOf("```", at);
            if (at < 0 || start < 0 || end < 0) {
                throw new AssertionError("no solidity block with contract CreditDesk in " + readme);
            }
            return text.substring(start + "```solidity".length(), end).lines()
                    .filter(l -> !l.startsWith("import ")).collect(Collectors.joining("\n", "\n", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CreditDesk.proven(windowId, index, tag, hIn, outputs, path) of the README example. */
    static boolean creditDeskSays(Evm evm, String desk, byte[] windowId, long index, Fr[] signals, List<byte[]> path) {
        int n = signals.length;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(selector("proven(bytes32,uint256,uint256,uint256,uint256[],bytes32[])"));
        b.writeBytes(windowId);
        b.writeBytes(Numeric.toBytesPadded(BigInteger.valueOf(index), 32));
        b.writeBytes(signals[n - 1].toBytesBE());
        b.writeBytes(signals[0].toBytesBE());
        b.writeBytes(Numeric.toBytesPadded(BigInteger.valueOf(32 * 6), 32));
        b.writeBytes(Numeric.toBytesPadded(BigInteger.valueOf(32 * (6 + 1 + n - 2)), 32));
        b.writeBytes(Numeric.toBytesPadded(BigInteger.valueOf(n - 2), 32));
        for (int j = 1; j < n - 1; j++) {
            b.writeBytes(signals[j].toBytesBE());
        }
        b.writeBytes(Numeric.toBytesPadded(BigInteger.valueOf(path.size()), 32));
        for (byte[] s : path) {
            b.writeBytes(s);
        }
        return new BigInteger(1, evm.call(desk, b.toByteArray())).equals(BigInteger.ONE);
    }

    private ContractCalls() {
    }

    /** The gas a consumer contract spends on one isVerified call (see {@link #PROBE_SOURCE}); fails unless true. */
    static long isVerifiedGasFromContract(Evm evm, String probe, String verifier, byte[] windowId, byte[] leaf,
                                          long index, List<byte[]> path) {
        BigInteger[] out = measure(evm, probe, verifier, windowId, leaf, index, path);
        if (!out[0].equals(BigInteger.ONE)) {
            throw new AssertionError("the probe's isVerified returned false");
        }
        return out[1].longValueExact();
    }

    /** What the probe's check answered (either probe: both have measure's ABI). */
    static boolean probeSays(Evm evm, String probe, String verifier, byte[] windowId, byte[] leaf, long index,
                             List<byte[]> path) {
        return measure(evm, probe, verifier, windowId, leaf, index, path)[0].equals(BigInteger.ONE);
    }

    private static BigInteger[] measure(Evm evm, String probe, String verifier, byte[] windowId, byte[] leaf,
                                        long index, List<byte[]> path) {
        byte[] call = isVerifiedCall(windowId, leaf, index, path);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(selector("measure(address,bytes32,bytes32,uint256,bytes32[])"));
        b.writeBytes(Numeric.toBytesPadded(Numeric.toBigInt(verifier), 32));
        b.writeBytes(Arrays.copyOfRange(call, 4, 4 + 96));
        b.writeBytes(Numeric.toBytesPadded(BigInteger.valueOf(160), 32));
        b.writeBytes(Arrays.copyOfRange(call, 4 + 128, call.length));
        byte[] out = evm.call(probe, b.toByteArray());
        return new BigInteger[] {new BigInteger(1, Arrays.copyOfRange(out, 0, 32)),
            new BigInteger(1, Arrays.copyOfRange(out, 32, 64))};
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
