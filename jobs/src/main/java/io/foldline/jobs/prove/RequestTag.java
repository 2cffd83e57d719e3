package io.foldline.jobs.prove;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.hash.Keccak256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The public tag of a request's proof (DESIGN.md section 2): Keccak-256 of the UTF-8 request id, read as a
 * big-endian integer and reduced modulo r. It binds the proof to the id, so a proof cannot be replayed
 * for another request; anyone holding the id recomputes it (in Solidity: {@code uint256(keccak256(bytes(id)))
 * % r}).
 */
public final class RequestTag {
    private RequestTag() {
    }

    public static Fr of(String requestId) {
        byte[] h = Keccak256.digest(requestId.getBytes(StandardCharsets.UTF_8));
        return Fr.reduce(new BigInteger(1, h));
    }
}
