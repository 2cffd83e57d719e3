package io.foldline.circuits.snarkjs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The end of a ptau or zkey contribution record: {@code u32 type} (0 contribution, 1 beacon), then the
 * optional parameters: {@code u32 length}, then entries in strictly increasing type order: 1 = name
 * ({@code u8 len, UTF-8 bytes}), 2 = beacon iteration exponent ({@code u8}), 3 = beacon hash
 * ({@code u8 len, bytes}). snarkjs writes 2 and 3 only for beacons.
 *
 * <p>The canonical constructor applies the rules of both record types: type 0 or 1; a beacon needs a hash
 * of at most 255 bytes and an exponent in [0, 255]; an empty name is none, a long one is cut to
 * {@link #MAX_NAME_CHARS}; a contribution keeps no exponent (0) or hash (null). Shared, not copied:
 * {@code beaconHash} is the record's own array, so the public record types clone it on the way out.
 */
record ContributionParams(int type, String name, int numIterationsExp, byte[] beaconHash) {
    /** snarkjs truncates names to 64 UTF-16 units before encoding. */
    static final int MAX_NAME_CHARS = 64;

    ContributionParams {
        if (type != 0 && type != 1) {
            throw new IllegalArgumentException("type must be 0 (contribution) or 1 (beacon), got " + type);
        }
        if (type == 1 && (beaconHash == null || beaconHash.length > 255 || numIterationsExp < 0
                || numIterationsExp > 255)) {
            throw new IllegalArgumentException("a beacon needs a hash of at most 255 bytes and an exponent in [0, 255]");
        }
        name = name == null || name.isEmpty() ? null : truncate(name);
        numIterationsExp = type == 1 ? numIterationsExp : 0;
        beaconHash = type == 1 ? beaconHash.clone() : null;
    }

    /** The name's u8 length prefix must hold its UTF-8 bytes (64 UTF-16 units never exceed 192 bytes). */
    private static String truncate(String name) {
        String s = name.length() > MAX_NAME_CHARS ? name.substring(0, MAX_NAME_CHARS) : name;
        if (s.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("contribution name longer than 255 UTF-8 bytes");
        }
        return s;
    }

    /** Reads the type and the parameters that end a record. */
    static ContributionParams read(SectionReader s, String field) {
        long recordType = s.u32(field + " type");
        if (recordType > 1) {
            throw s.error(field + " type: " + recordType + ", expected 0 (contribution) or 1 (beacon)");
        }
        long len = s.u32(field + " parameters length");
        if (len > s.remaining()) {
            throw s.error("truncated: " + field + " parameters declare " + len + " bytes, only " + s.remaining()
                    + " left in the section");
        }
        byte[] p = s.bytes((int) len, field + " parameters");
        String name = null;
        int exp = -1;
        byte[] beacon = null;
        int last = 0;
        int i = 0;
        while (i < p.length) {
            int type = p[i++] & 0xFF;
            if (type <= last) {
                throw s.error(field + " parameters: type " + type + " after type " + last + " (must be sorted)");
            }
            last = type;
            switch (type) {
                case 1 -> {
                    byte[] b = lengthPrefixed(s, p, i, field + " name");
                    i += 1 + b.length;
                    name = utf8(s, b, field + " name");
                }
                case 2 -> {
                    need(s, p, i, 1, field + " numIterationsExp");
                    exp = p[i++] & 0xFF;
                }
                case 3 -> {
                    beacon = lengthPrefixed(s, p, i, field + " beaconHash");
                    i += 1 + beacon.length;
                }
                default -> throw s.error(field + " parameters: unknown type " + type);
            }
        }
        if (recordType == 1 && (beacon == null || exp < 0)) {
            throw s.error(field + ": beacon contribution without beacon hash and iteration exponent");
        }
        return new ContributionParams((int) recordType, name, Math.max(0, exp), beacon);
    }

    void write(BinFileWriter w) {
        w.u32(type);
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        if (name != null) {
            byte[] b = name.getBytes(StandardCharsets.UTF_8);
            p.write(1);
            p.write(b.length);
            p.writeBytes(b);
        }
        if (type == 1) {
            p.write(2);
            p.write(numIterationsExp);
            p.write(3);
            p.write(beaconHash.length);
            p.writeBytes(beaconHash);
        }
        w.u32(p.size());
        w.bytes(p.toByteArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContributionParams p && type == p.type && Objects.equals(name, p.name)
                && numIterationsExp == p.numIterationsExp && Arrays.equals(beaconHash, p.beaconHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name, numIterationsExp, Arrays.hashCode(beaconHash));
    }

    /** "contribution" or "beacon", then the quoted name if there is one. */
    @Override
    public String toString() {
        return (type == 1 ? "beacon" : "contribution") + (name == null ? "" : " \"" + name + "\"");
    }

    private static byte[] lengthPrefixed(SectionReader s, byte[] p, int i, String field) {
        need(s, p, i, 1, field + " length");
        int n = p[i] & 0xFF;
        need(s, p, i + 1, n, field);
        byte[] out = new byte[n];
        System.arraycopy(p, i + 1, out, 0, n);
        return out;
    }

    private static void need(SectionReader s, byte[] p, int i, int n, String field) {
        if (i + n > p.length) {
            throw s.error("truncated: " + field + " runs past the end of the parameters");
        }
    }

    private static String utf8(SectionReader s, byte[] b, String field) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw s.error(field + ": not valid UTF-8");
        }
    }
}
