package io.foldline.chain.submit;

import java.util.HexFormat;
import java.util.Locale;

/**
 * A window's on-chain id, a bytes32, and the submitter's idempotency key. Held as lower-case hex without
 * {@code 0x} so that it is a valid map key and journal field.
 */
public record WindowId(String hex) {
    public WindowId {
        if (hex == null) {
            throw new IllegalArgumentException("window id: null");
        }
        String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (h.length() != 64 || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("window id: expected 32 bytes as 64 hex digits, got '" + hex + "'");
        }
        hex = h.toLowerCase(Locale.ROOT);
    }

    public static WindowId of(byte[] bytes32) {
        if (bytes32 == null || bytes32.length != 32) {
            throw new IllegalArgumentException("window id: expected 32 bytes, got "
                    + (bytes32 == null ? "null" : bytes32.length));
        }
        return new WindowId(HexFormat.of().formatHex(bytes32));
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public String toString() {
        return "0x" + hex;
    }
}
