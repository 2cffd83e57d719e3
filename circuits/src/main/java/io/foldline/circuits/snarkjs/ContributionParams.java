package io.foldline.circuits.snarkjs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * The optional parameters that end a ptau or zkey contribution record: {@code u32 length}, then entries
 * in strictly increasing type order: 1 = name ({@code u8 len, UTF-8 bytes}), 2 = beacon iteration exponent
 * ({@code u8}), 3 = beacon hash ({@code u8 len, bytes}). snarkjs writes 2 and 3 only for beacons.
 */
record ContributionParams(String name, int numIterationsExp, byte[] beaconHash) {

    static ContributionParams read(SectionReader s, String field) {
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
        return new ContributionParams(name, exp, beacon);
    }

    static void write(BinFileWriter w, String name, int type, int numIterationsExp, byte[] beaconHash) {
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
