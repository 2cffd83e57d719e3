package io.foldline.circuits.snarkjs;

import io.foldline.circuits.json.JsonValue;
import io.foldline.crypto.bn254.Fq;
import io.foldline.crypto.bn254.Fq12;
import io.foldline.crypto.bn254.Fq2;
import io.foldline.crypto.bn254.Fq6;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * snarkjs's JSON encoding of field elements and points (ffjavascript {@code toObject}): decimal strings;
 * G1 as projective {@code [x, y, "1"]}, G2 as {@code [[x.c0, x.c1], [y.c0, y.c1], ["1", "0"]]}; the point at
 * infinity as {@code ["0", "1", "0"]} (G2: {@code [["0","0"], ["1","0"], ["0","0"]]}); Fq12 as two Fq6 of
 * three Fq2. Readers accept only z = 1 or the infinity encoding (snarkjs always writes affine points).
 */
final class JsonPoints {
    private JsonPoints() {
    }

    static JsonValue fq(Fq x) {
        return JsonValue.decimal(x.toBigInteger());
    }

    static JsonValue fq2(Fq2 x) {
        return JsonValue.array(fq(x.c0()), fq(x.c1()));
    }

    static JsonValue g1(G1Affine p) {
        if (p.isInfinity()) {
            return JsonValue.array(dec(0), dec(1), dec(0));
        }
        return JsonValue.array(fq(p.x()), fq(p.y()), dec(1));
    }

    static JsonValue g2(G2Affine p) {
        if (p.isInfinity()) {
            return JsonValue.array(pair(0, 0), pair(1, 0), pair(0, 0));
        }
        return JsonValue.array(fq2(p.x()), fq2(p.y()), pair(1, 0));
    }

    static JsonValue fq12(Fq12 x) {
        return JsonValue.array(fq6(x.c0()), fq6(x.c1()));
    }

    private static JsonValue fq6(Fq6 x) {
        return JsonValue.array(fq2(x.c0()), fq2(x.c1()), fq2(x.c2()));
    }

    private static JsonValue dec(long v) {
        return JsonValue.decimal(BigInteger.valueOf(v));
    }

    private static JsonValue pair(long a, long b) {
        return JsonValue.array(dec(a), dec(b));
    }

    static Fq readFq(JsonValue v) {
        BigInteger x = v.asDecimalInteger();
        if (x.compareTo(Fq.MODULUS) >= 0) {
            throw v.error("value >= field modulus");
        }
        return Fq.of(x);
    }

    static Fr readFr(JsonValue v) {
        BigInteger x = v.asDecimalInteger();
        if (x.compareTo(Fr.MODULUS) >= 0) {
            throw v.error("value >= field modulus");
        }
        return Fr.of(x);
    }

    static Fq2 readFq2(JsonValue v) {
        List<JsonValue> c = v.elements(2);
        return Fq2.of(readFq(c.get(0)), readFq(c.get(1)));
    }

    static G1Affine readG1(JsonValue v) {
        List<JsonValue> c = v.elements(3);
        Fq x = readFq(c.get(0));
        Fq y = readFq(c.get(1));
        Fq z = readFq(c.get(2));
        if (z.isZero()) {
            return G1Affine.INFINITY;
        }
        if (!z.isOne()) {
            throw c.get(2).error("expected \"1\" (an affine point) or \"0\" (infinity)");
        }
        if (x.isZero() && y.isZero()) {
            throw v.error("point off the curve");
        }
        try {
            return G1Affine.of(x, y);
        } catch (io.foldline.crypto.CryptoException e) {
            throw v.error("point off the curve");
        }
    }

    /** A point of G2: on the twist and in the order-r subgroup. */
    static G2Affine readG2(JsonValue v) {
        List<JsonValue> c = v.elements(3);
        Fq2 x = readFq2(c.get(0));
        Fq2 y = readFq2(c.get(1));
        Fq2 z = readFq2(c.get(2));
        if (z.isZero()) {
            return G2Affine.INFINITY;
        }
        if (!z.isOne()) {
            throw c.get(2).error("expected [\"1\", \"0\"] (an affine point) or [\"0\", \"0\"] (infinity)");
        }
        long[] limbs = new long[16];
        x.copyMontTo(limbs, 0);
        y.copyMontTo(limbs, 8);
        if (CurveCheck.isZero(limbs, 0, 16) || !new CurveCheck().g2(limbs, 0)) {
            throw v.error("point off the curve");
        }
        G2Affine p = G2Affine.ofUnchecked(x, y);
        if (!p.isInSubgroup()) {
            throw v.error("point not in the subgroup");
        }
        return p;
    }

    static Fq12 readFq12(JsonValue v) {
        List<JsonValue> c = v.elements(2);
        return Fq12.of(readFq6(c.get(0)), readFq6(c.get(1)));
    }

    private static Fq6 readFq6(JsonValue v) {
        List<JsonValue> c = v.elements(3);
        return Fq6.of(readFq2(c.get(0)), readFq2(c.get(1)), readFq2(c.get(2)));
    }

    static List<G1Affine> readG1s(JsonValue v) {
        List<G1Affine> out = new ArrayList<>();
        for (JsonValue e : v.elements()) {
            out.add(readG1(e));
        }
        return out;
    }
}
