package io.foldline.crypto.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.CryptoException;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The optimal ate pairing: bilinearity, non-degeneracy, the exact final exponent, the multi-pairing check. */
class PairingTest {
    static final BigInteger Q = Fq.MODULUS, R = Fr.MODULUS;
    static final G1Affine P = G1Affine.GENERATOR;
    static final G2Affine G = G2Affine.GENERATOR;

    static BigInteger scalar(SplittableRandom rng) {
        return PrimeFieldTest.randomBelow(R, rng);
    }

    @Test
    void bilinear() {
        SplittableRandom rng = new SplittableRandom(1);
        Fq12 e = Pairing.pair(P, G);
        for (int i = 0; i < 3; i++) {
            BigInteger a = scalar(rng), b = scalar(rng);
            Fq12 lhs = Pairing.pair(P.mul(a), G.mul(b));
            assertEquals(e.pow(a.multiply(b)), lhs);
        }
        G1Affine p1 = P.mul(scalar(rng)), p2 = P.mul(scalar(rng));
        G2Affine q1 = G.mul(scalar(rng));
        assertEquals(Pairing.pair(p1, q1).mul(Pairing.pair(p2, q1)), Pairing.pair(p1.add(p2), q1));
    }

    @Test
    void nonDegenerateAndOfOrderR() {
        Fq12 e = Pairing.pair(P, G);
        assertFalse(e.isOne());
        assertTrue(e.pow(R).isOne());
        assertEquals(Fq12.ONE, e.mul(e.conjugate()), "GT lies in the cyclotomic subgroup");
    }

    static final BigInteger X = new BigInteger("4965661367192848881");
    /** s = 2x(6x^2 + 3x + 1): the final exponent is s (q^12 - 1)/r, as in gnark and ffjavascript. */
    static final BigInteger S = X.shiftLeft(1).multiply(
            X.pow(2).multiply(BigInteger.valueOf(6)).add(X.multiply(BigInteger.valueOf(3))).add(BigInteger.ONE));

    @Test
    void finalExponentiationIsTheStatedPower() {
        SplittableRandom rng = new SplittableRandom(2);
        Fq12 f = TowerFieldTest.random12(rng);
        BigInteger exp = Q.pow(12).subtract(BigInteger.ONE).divide(R);
        assertEquals(BigInteger.ZERO, Q.pow(12).subtract(BigInteger.ONE).mod(R));
        assertEquals(f.pow(exp.multiply(S)), Pairing.finalExponentiation(f));
        assertEquals(BigInteger.ONE, S.gcd(R), "a power coprime to r keeps the pairing non-degenerate");
    }

    @Test
    void hardPartExpansionInTheSeed() {
        BigInteger x = X, x2 = x.pow(2), x3 = x.pow(3);
        BigInteger l2 = x3.multiply(BigInteger.valueOf(12)).add(x2.multiply(BigInteger.valueOf(6)))
                .add(x.multiply(BigInteger.valueOf(6)));
        BigInteger l1 = l2.subtract(x.shiftLeft(1));
        BigInteger l3 = l1.subtract(BigInteger.ONE);
        BigInteger l0 = l2.add(x2.multiply(BigInteger.valueOf(6))).add(BigInteger.ONE);
        BigInteger sum = l0.add(l1.multiply(Q)).add(l2.multiply(Q.pow(2))).add(l3.multiply(Q.pow(3)));
        BigInteger hard = Q.pow(4).subtract(Q.pow(2)).add(BigInteger.ONE);
        assertEquals(BigInteger.ZERO, hard.mod(R));
        assertEquals(hard.divide(R).multiply(S), sum);
        // the curve parameters as polynomials in the seed
        BigInteger x4 = x.pow(4);
        assertEquals(Q, x4.multiply(BigInteger.valueOf(36)).add(x3.multiply(BigInteger.valueOf(36)))
                .add(x2.multiply(BigInteger.valueOf(24))).add(x.multiply(BigInteger.valueOf(6))).add(BigInteger.ONE));
        assertEquals(R, x4.multiply(BigInteger.valueOf(36)).add(x3.multiply(BigInteger.valueOf(36)))
                .add(x2.multiply(BigInteger.valueOf(18))).add(x.multiply(BigInteger.valueOf(6))).add(BigInteger.ONE));
    }

    private static Fq12 fq12(String... c) {
        Fq2[] a = new Fq2[6];
        for (int i = 0; i < 6; i++) {
            a[i] = Fq2.of(new BigInteger(c[2 * i]), new BigInteger(c[2 * i + 1]));
        }
        return Fq12.of(Fq6.of(a[0], a[1], a[2]), Fq6.of(a[3], a[4], a[5]));
    }

    /**
     * e(G1, G2) and e(2 G1, G2) as computed by ffjavascript 0.2.63 (snarkjs's arithmetic), {@code
     * bn128.F12.toObject(bn128.pairing(bn128.G1.g, bn128.G2.g))}, coefficients in the order c0.c0.c0,
     * c0.c0.c1, c0.c1.c0, ..., c1.c2.c1.
     */
    @Test
    void valuesMatchFfjavascript() {
        Fq12 e1 = fq12("17264119758069723980713015158403419364912226240334615592005620718956030922389",
                "1300711225518851207585954685848229181392358478699795190245709208408267917898",
                "8894217292938489450175280157304813535227569267786222825147475294561798790624",
                "1829859855596098509359522796979920150769875799037311140071969971193843357227",
                "4968700049505451466697923764727215585075098085662966862137174841375779106779",
                "12814315002058128940449527172080950701976819591738376253772993495204862218736",
                "4233474252585134102088637248223601499779641130562251948384759786370563844606",
                "9420544134055737381096389798327244442442230840902787283326002357297404128074",
                "13457906610892676317612909831857663099224588803620954529514857102808143524905",
                "5122435115068592725432309312491733755581898052459744089947319066829791570839",
                "8891987925005301465158626530377582234132838601606565363865129986128301774627",
                "440796048150724096437130979851431985500142692666486515369083499585648077975");
        Fq12 e2 = fq12("7875962072468464035206275435797205383654885902349401986543703810748086579308",
                "3206972190818095935705563287241738318273760787306703103984130398297930043226",
                "8721551391064726703948338205646555619341377330835262909777481304665841866528",
                "42809280593888756315782731323081466712896379151752700127468660763417814046",
                "10378363696432248287475728140527779140592254200186494679857910878051301922262",
                "6936519867687826236631287928805587102925074644283972975921341062586241202468",
                "666215912617856377672393808295072535576657040996624312968561182554991376713",
                "9865418620196545416753829886288190917260088826120922098037484732354650621367",
                "2079152248950303857015330003412870121756650821810558782610088455192315239155",
                "12364261138237649516992098806650990353980784582132098649758182579168336883612",
                "2115622352632129443830888272589405153904424407106037921003834602913415051906",
                "15599616727041466986323972720739028429212523932018570947866624071217605890374");
        assertEquals(e1, Pairing.pair(P, G));
        assertEquals(e2, Pairing.pair(P.mul(BigInteger.TWO), G));
    }

    @Test
    void pairingCheckOfAPointAndItsNegation() {
        SplittableRandom rng = new SplittableRandom(3);
        G1Affine p = P.mul(scalar(rng));
        G2Affine q = G.mul(scalar(rng));
        assertTrue(Pairing.pairingCheck(new G1Affine[] {p, p.neg()}, new G2Affine[] {q, q}));
        assertTrue(Pairing.pairingCheck(new G1Affine[] {p, p}, new G2Affine[] {q, q.neg()}));
        assertFalse(Pairing.pairingCheck(new G1Affine[] {p, p}, new G2Affine[] {q, q}));
        // e(aP, bQ) e(-abP, Q) = 1
        BigInteger a = scalar(rng), b = scalar(rng);
        assertTrue(Pairing.pairingCheck(new G1Affine[] {P.mul(a), P.mul(a.multiply(b)).neg()},
                new G2Affine[] {G.mul(b), G}));
    }

    @Test
    void multiMillerLoopIsTheProductOfSingleLoops() {
        SplittableRandom rng = new SplittableRandom(4);
        G1Affine[] ps = {P.mul(scalar(rng)), P.mul(scalar(rng)), P.mul(scalar(rng))};
        G2Affine[] qs = {G.mul(scalar(rng)), G.mul(scalar(rng)), G.mul(scalar(rng))};
        Fq12 product = Fq12.ONE;
        for (int i = 0; i < 3; i++) {
            product = product.mul(Pairing.pair(ps[i], qs[i]));
        }
        assertEquals(product, Pairing.finalExponentiation(Pairing.millerLoop(ps, qs)));
    }

    @Test
    void infinityContributesOne() {
        assertEquals(Fq12.ONE, Pairing.pair(G1Affine.INFINITY, G));
        assertEquals(Fq12.ONE, Pairing.pair(P, G2Affine.INFINITY));
        assertTrue(Pairing.pairingCheck(new G1Affine[0], new G2Affine[0]));
        assertTrue(Pairing.pairingCheck(new G1Affine[] {G1Affine.INFINITY, P}, new G2Affine[] {G, G2Affine.INFINITY}));
        assertFalse(Pairing.pairingCheck(new G1Affine[] {G1Affine.INFINITY, P}, new G2Affine[] {G, G}));
        assertThrows(CryptoException.class, () -> Pairing.pairingCheck(new G1Affine[] {P}, new G2Affine[0]));
    }

    @Test
    void differentInputsGiveDifferentValues() {
        assertNotEquals(Pairing.pair(P, G), Pairing.pair(P.mul(BigInteger.TWO), G));
        assertEquals(Pairing.pair(P.mul(BigInteger.TWO), G), Pairing.pair(P, G.mul(BigInteger.TWO)));
    }
}
