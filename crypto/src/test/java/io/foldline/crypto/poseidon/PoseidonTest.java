package io.foldline.crypto.poseidon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.crypto.CryptoException;
import io.foldline.crypto.bn254.Fr;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PoseidonTest {
    private static final BigInteger R_MINUS_1 = Fr.MODULUS.subtract(BigInteger.ONE);

    private static Fr[] frs(long... v) {
        Fr[] out = new Fr[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Fr.of(v[i]);
        }
        return out;
    }

    private static void assertHash(String expected, Fr... in) {
        assertEquals(new BigInteger(expected), Poseidon.hash(in).toBigInteger(), in.length + " inputs");
    }

    /** Outputs of circomlibjs 0.1.7 buildPoseidon() (and buildPoseidonReference(), identical), node 20. */
    @Test
    void circomlibjsVectors() {
        assertHash("18586133768512220936620570745912940619677854269274689475585506675881198879027", frs(1));
        assertHash("7853200120776062878684798364095072458815029376092732009249414926327459813530", frs(1, 2));
        assertHash("14744269619966411208579211824598458697587494354926760081771325075741142829156", frs(0, 0));
        assertHash("6140881827087654730518557009674941123333903141087714873916611427267320562134",
                Fr.of(R_MINUS_1), Fr.ZERO, Fr.ONE);
        assertHash("6183221330272524995739186171720101788151706631170188140075976616310159254464",
                frs(1, 2, 3, 4, 5));
        assertHash("9989051620750914585850546081941653841776809718687451684622678807385399211877",
                frs(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16));
    }

    /** Spot values of circomlibjs 0.1.7 src/poseidon_constants.js (C[t-2], M[t-2]); all are compared in PoseidonInteropTest. */
    @Test
    void generatedConstantsMatchCircomlibjs() {
        checkConstants(2, "4417881134626180770308697923359573201005643519861877412381846989312604493735",
                "17467570179597572575614276429760169990940929887711661192333523245667228809456",
                "2910766817845651019878574839501801340070030115151021261302834310722729507541",
                "5776684794125549462448597414050232243778680302179439492664047328281728356345",
                "19727366863391167538122140361473584127147630672623100827934084310230022599144");
        checkConstants(3, "6745197990210204598374042828761989596302876299545964402857411729872131034734",
                "13409242754315411433193860530743374419854094495153957441316635981078068351329",
                "7511745149465107256748700652201246547602992235352608707588321460060273774987",
                "9131299761947733513298312097611845208338517739621853568979632113419485819303",
                "19705173408229649878903981084052839426532978878058043055305024233888854471533");
        checkConstants(17, "21579410516734741630578831791708254656585702717204712919233299001262271512412",
                "19116371381269652319147699604019975103087973589614811479290794650138683901396",
                "11497693837059016825308731789443585196852778517742143582474723527597064448312",
                "9386575758165199373292193827891788760863572720909068403298778509513288095168",
                "12069305948801710705684828347680772060569105557945593846885134778987150642368");
    }

    private static void checkConstants(int t, String firstC, String lastC, String m00, String mLast0, String m0Last) {
        PoseidonParameters p = PoseidonParameters.forWidth(t);
        assertEquals(new BigInteger(firstC), p.roundConstant(0, 0).toBigInteger());
        assertEquals(new BigInteger(lastC), p.roundConstant(p.rounds() - 1, t - 1).toBigInteger());
        assertEquals(new BigInteger(m00), p.mds(0, 0).toBigInteger());
        assertEquals(new BigInteger(mLast0), p.mds(t - 1, 0).toBigInteger());
        assertEquals(new BigInteger(m0Last), p.mds(0, t - 1).toBigInteger());
    }

    /** The sparse-matrix kernel against the round-by-round BigInteger permutation, every width. */
    @Test
    void optimizedPermutationEqualsTextbookRounds() {
        Random rnd = new Random(5);
        for (int t = PoseidonParameters.MIN_WIDTH; t <= PoseidonParameters.MAX_WIDTH; t++) {
            for (int k = 0; k < 3; k++) {
                BigInteger[] in = new BigInteger[t];
                Fr[] fin = new Fr[t];
                for (int i = 0; i < t; i++) {
                    in[i] = k == 0 ? (i % 2 == 0 ? BigInteger.ZERO : R_MINUS_1) : new BigInteger(256, rnd).mod(Fr.MODULUS);
                    fin[i] = Fr.of(in[i]);
                }
                BigInteger[] want = PoseidonReference.permute(PoseidonParameters.forWidth(t), in);
                Fr[] got = Poseidon.permute(fin);
                for (int i = 0; i < t; i++) {
                    assertEquals(want[i], got[i].toBigInteger(), "t=" + t + " element " + i);
                }
                assertEquals(in[0], fin[0].toBigInteger(), "permute must not modify its argument");
            }
        }
    }

    @Test
    void hashIsPermutationOfZeroThenInputs() {
        Fr[] in = frs(11, 22, 33);
        assertEquals(Poseidon.permute(Fr.ZERO, in[0], in[1], in[2])[0], Poseidon.hash(in));
    }

    @Test
    void rejectsBadCounts() {
        CryptoException none = assertThrows(CryptoException.class, Poseidon::hash);
        assertTrue(none.getMessage().contains("got 0"), none.getMessage());
        CryptoException many = assertThrows(CryptoException.class, () -> Poseidon.hash(new Fr[17]));
        assertTrue(many.getMessage().contains("got 17"), many.getMessage());
        assertThrows(CryptoException.class, () -> Poseidon.permute(Fr.ONE));
        assertThrows(CryptoException.class, () -> Poseidon.permute(new Fr[18]));
        assertThrows(CryptoException.class, () -> PoseidonParameters.forWidth(1));
        assertThrows(CryptoException.class, () -> PoseidonParameters.forWidth(2).roundConstant(64, 0));
    }
}
