package io.foldline.circuits.r1cs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.foldline.crypto.bn254.Fr;
import java.util.List;
import org.junit.jupiter.api.Test;

class R1csTest {

    @Test
    void matrixKeepsRowsAndMultiplies() {
        // rows [{2: 1}, {}, {0: 5, 3: 7}], the example of the package documentation
        SparseMatrix m = SparseMatrix.builder().add(2, Fr.ONE).endRow().endRow()
                .add(0, Fr.of(5)).add(3, Fr.of(7)).endRow().build();
        assertEquals(3, m.rows());
        assertArrayEquals(new int[] {0, 1, 1, 3}, m.rowStarts());
        assertArrayEquals(new int[] {2, 0, 3}, m.cols());
        assertEquals(Fr.of(7), m.coeff(2));
        Witness z = Witness.of(List.of(Fr.of(2), Fr.of(3), Fr.of(4), Fr.of(10)));
        long[] out = new long[12];
        m.multiply(z.values(), out);
        assertEquals(Fr.of(4), Fr.fromMont(out, 0));
        assertEquals(Fr.ZERO, Fr.fromMont(out, 4));
        assertEquals(Fr.of(5 * 2 + 7 * 10), Fr.fromMont(out, 8));
    }

    @Test
    void inconsistentSystemsAreRefused() {
        SparseMatrix one = SparseMatrix.builder().add(3, Fr.ONE).endRow().build();
        SparseMatrix empty = SparseMatrix.builder().endRow().build();
        assertThrows(IllegalArgumentException.class, () -> new R1cs(3, 1, 0, 1, 3, one, empty, empty, null),
                "wire 3 of 3");
        assertThrows(IllegalArgumentException.class, () -> new R1cs(4, 2, 1, 1, 4, empty, empty, empty, null),
                "1 + 2 + 1 + 1 > 4 wires");
        assertThrows(IllegalArgumentException.class,
                () -> new R1cs(4, 1, 0, 1, 4, empty, SparseMatrix.builder().build(), empty, null), "row counts");
        assertThrows(IllegalArgumentException.class, () -> new R1cs(4, 1, 0, 1, 4, empty, empty, empty, new long[3]));
        R1cs r = new R1cs(4, 1, 0, 1, 4, one, empty, empty, null);
        assertEquals(2, r.label(2));
        assertThrows(IllegalArgumentException.class, () -> r.firstUnsatisfied(Witness.of(List.of(Fr.ONE))));
    }
}
