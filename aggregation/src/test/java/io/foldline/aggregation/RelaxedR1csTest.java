package io.foldline.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.frontend.CompiledCircuit;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RelaxedR1csTest {
    private static final RelaxedR1cs SQUARE = new RelaxedR1cs(Circuits.square());

    @Test
    void splitsACircomWitnessIntoPublicAndPrivateParts() {
        assertEquals(1, SQUARE.nPublic());
        assertEquals(1, SQUARE.nWitness());
        assertEquals(1, SQUARE.nRows());
        Witness w = Circuits.squareWitness(7, 49);
        assertArrayEquals(new Fr[] {Fr.of(49)}, SQUARE.publicPart(w));
        assertEquals(Fr.of(7), FieldVectors.get(SQUARE.privatePart(w), 0));
    }

    @Test
    void errorTermByHand() {
        // x * x = y relaxed: E = x^2 - u y; u = 3, y = 5, x = 7 gives 49 - 15 = 34
        long[] e = SQUARE.errorTerm(Fr.of(3), new Fr[] {Fr.of(5)}, vector(7));
        assertEquals(Fr.of(34), FieldVectors.get(e, 0));
        // a satisfying fresh assignment has no error
        assertEquals(Fr.ZERO, FieldVectors.get(SQUARE.errorTerm(Fr.ONE, new Fr[] {Fr.of(4)}, vector(2)), 0));
    }

    @Test
    void crossTermByHand() {
        // T = A z o B z_i + A z_i o B z - u C z_i - C z = x x_i + x_i x - u y_i - y
        //   = 7*2 + 2*7 - 3*4 - 5 = 11 for U = (u 3, y 5, x 7) and the fresh (y 4, x 2)
        long[] t = SQUARE.crossTerm(Fr.of(3), new Fr[] {Fr.of(5)}, vector(7), new Fr[] {Fr.of(4)}, vector(2));
        assertEquals(Fr.of(11), FieldVectors.get(t, 0));
        // the roles are not symmetric: U = (u 1, y 4, x 2) and the fresh (y 5, x 7) give 14 + 14 - 5 - 4
        long[] swapped = SQUARE.crossTerm(Fr.ONE, new Fr[] {Fr.of(4)}, vector(2), new Fr[] {Fr.of(5)}, vector(7));
        assertEquals(Fr.of(19), FieldVectors.get(swapped, 0));
    }

    @Test
    void foldOfTheHandExampleKeepsTheRelationForEveryR() {
        // (7 + 2r)^2 - (3 + r)(5 + 4r) = 34 + 11 r: E' = E + r T holds as a polynomial identity in r
        for (long r : new long[] {0, 1, 2, 12345, -1}) {
            Fr rr = Fr.of(r);
            Fr x = Fr.of(7).add(rr.mul(Fr.of(2)));
            Fr u = Fr.of(3).add(rr);
            Fr y = Fr.of(5).add(rr.mul(Fr.of(4)));
            Fr e = Fr.of(34).add(rr.mul(Fr.of(11)));
            assertEquals(x.square().sub(u.mul(y)), e, "r = " + r);
            CommittedInstance inst = new CommittedInstance(G1Affine.GENERATOR, u, new Fr[] {y});
            assertTrue(SQUARE.isSatisfied(inst, RelaxedWitness.ofMont(vector(x), Fr.ZERO, vector(e), Fr.ZERO)));
            // negative control: the fold without the cross term does not satisfy the relation unless r = 0
            RelaxedWitness noCross = RelaxedWitness.ofMont(vector(x), Fr.ZERO, vector(34), Fr.ZERO);
            assertEquals(r == 0, SQUARE.isSatisfied(inst, noCross), "r = " + r);
        }
    }

    @Test
    void firstUnsatisfiedNamesTheChangedRow() {
        CompiledCircuit c = Circuits.poseidon();
        Nifs nifs = Circuits.nifs(c.r1cs());
        Nifs.InstanceWitness start = nifs.start(new SplittableRandom(1));
        RelaxedR1cs relation = nifs.relation();
        assertEquals(-1, relation.firstUnsatisfied(start.instance(), start.witness()));
        RelaxedWitness w = start.witness();
        long[] e = w.e().clone();
        int row = relation.nRows() / 2;
        Fr.of(1).add(w.e(row)).copyMontTo(e, 4 * row);
        RelaxedWitness bad = RelaxedWitness.ofMont(w.w(), w.rW(), e, w.rE());
        assertEquals(row, relation.firstUnsatisfied(start.instance(), bad));
        CommittedInstance otherU = new CommittedInstance(start.instance().commitment(),
                start.instance().u().add(Fr.ONE), start.instance().x());
        assertTrue(relation.firstUnsatisfied(otherU, w) >= 0, "u takes part in the relation");
    }

    private static long[] vector(long... values) {
        Fr[] f = new Fr[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = Fr.of(values[i]);
        }
        return FieldVectors.of(f);
    }

    private static long[] vector(Fr v) {
        return FieldVectors.of(new Fr[] {v});
    }
}
