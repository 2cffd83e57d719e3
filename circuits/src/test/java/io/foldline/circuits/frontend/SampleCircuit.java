package io.foldline.circuits.frontend;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.poseidon.Poseidon;
import java.util.List;
import java.util.Map;

/**
 * A toy inference in the shape of DESIGN.md section 2: private signed bytes x[0..2], a public tag;
 * outputs y0 = relu(round((3 x0 - 2 x1 + 5 x2 + x0 x1 + 7) / 4)), y1 = max(x1, x2), and, when asked,
 * h = Poseidon(x0, x1, x2) first (the input commitment). {@link #expected} recomputes the public
 * signals with plain integers and the native Poseidon.
 */
final class SampleCircuit implements Circuit {
    private final boolean commit;

    SampleCircuit(boolean commit) {
        this.commit = commit;
    }

    @Override
    public void define(Api api) {
        Variable[] x = api.privateInputs("x", 3);
        api.publicInput("tag");
        if (commit) {
            api.output("h", PoseidonGadget.hash(api, x));
        }
        for (Variable v : x) {
            Signed.rangeCheck(api, v, 8);
        }
        Variable acc = x[0].mul(3).sub(x[1].mul(2)).add(x[2].mul(5)).add(api.mul(x[0], x[1])).add(7);
        api.output("y0", Signed.relu(api, FixedPoint.divRound(api, acc, 4, 18), 16));
        api.output("y1", Signed.max(api, x[1], x[2], 8));
    }

    static Map<String, Fr> inputs(long x0, long x1, long x2, long tag) {
        return Witnesses.inputs("x[0]", x0, "x[1]", x1, "x[2]", x2, "tag", tag);
    }

    List<Fr> expected(long x0, long x1, long x2, long tag) {
        long acc = 3 * x0 - 2 * x1 + 5 * x2 + x0 * x1 + 7;
        Fr y0 = Fr.of(Math.max(0, Math.floorDiv(acc + 2, 4)));
        Fr y1 = Fr.of(Math.max(x1, x2));
        return commit ? List.of(Poseidon.hash(Fr.of(x0), Fr.of(x1), Fr.of(x2)), y0, y1, Fr.of(tag))
                : List.of(y0, y1, Fr.of(tag));
    }
}
