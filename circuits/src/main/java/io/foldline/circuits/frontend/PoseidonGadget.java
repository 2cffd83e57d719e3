package io.foldline.circuits.frontend;

import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.poseidon.PoseidonParameters;

/**
 * In-circuit twin of {@link io.foldline.crypto.poseidon.Poseidon}: circomlib's Poseidon, evaluated
 * round by round (add the round constants, x^5 on every element in the 8 full rounds and on element 0
 * in the partial rounds, multiply by the MDS matrix; see the crypto poseidon package-info). Constants and
 * the matrix are linear, so only the S-boxes cost: 3 constraints each (x^2, x^4, x^5), plus one when the
 * S-box input is a linear combination of several wires (after every mix but the first, and through the
 * partial rounds, where it grows to t + R_P terms): it becomes one wire first, so that no constraint carries
 * it in B. That keeps the Groth16 setup's G2 work (one multiplication per B term) to a few terms per row.
 *
 * <p>Cost of {@code hash} over n non-constant inputs, t = n + 1: at most 4 (8t + R_P) - t - 3 (the
 * capacity is the constant 0 in round 0, so its first S-box folds; round 0 reads the n inputs themselves).
 * Sound because every S-box output and every materialised input is a wire fixed by its constraint: the
 * circuit is a deterministic function of the inputs, with no hints.
 */
public final class PoseidonGadget {
    private PoseidonGadget() {
    }

    public static Variable hash(Api api, Variable... inputs) {
        Variable[] state = new Variable[inputs.length + 1];
        state[0] = Variable.ZERO;
        System.arraycopy(inputs, 0, state, 1, inputs.length);
        try (Api.Scope s = api.gadget("poseidon" + inputs.length)) {
            return permuteInScope(api, state)[0];
        }
    }

    public static Variable[] permute(Api api, Variable... state) {
        try (Api.Scope s = api.gadget("poseidonPermutation")) {
            return permuteInScope(api, state);
        }
    }

    private static Variable[] permuteInScope(Api api, Variable[] in) {
        int t = in.length;
        PoseidonParameters p = PoseidonParameters.forWidth(t);
        int half = p.fullRounds() / 2;
        Variable[] state = in.clone();
        for (int r = 0; r < p.rounds(); r++) {
            boolean full = r < half || r >= half + p.partialRounds();
            for (int i = 0; i < t; i++) {
                state[i] = state[i].add(p.roundConstant(r, i));
                if (full || i == 0) {
                    state[i] = sbox(api, state[i], r, i);
                }
            }
            state = mix(p, state);
        }
        return state;
    }

    private static Variable sbox(Api api, Variable x, int round, int i) {
        String at = "round " + round + " element " + i + ": ";
        if (x.terms() > 2) {
            // after the MDS mix x sums t wires, and through the partial rounds up to t + R_P: read three times
            // (twice in x^2's A and B), each term would cost the setup a G1 and, in B, a G2 multiplication
            x = api.wire(x, at + "x");
        }
        Variable x2 = api.mul(x, x, at + "x^2");
        Variable x4 = api.mul(x2, x2, at + "x^4");
        return api.mul(x, x4, at + "x^5");
    }

    private static Variable[] mix(PoseidonParameters p, Variable[] s) {
        int t = s.length;
        Variable[] out = new Variable[t];
        for (int i = 0; i < t; i++) {
            Variable acc = Variable.ZERO;
            for (int j = 0; j < t; j++) {
                Fr m = p.mds(i, j);
                acc = acc.add(s[j].mul(m));
            }
            out[i] = acc;
        }
        return out;
    }
}
