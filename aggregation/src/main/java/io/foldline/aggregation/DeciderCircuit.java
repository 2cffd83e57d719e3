package io.foldline.aggregation;

import io.foldline.circuits.frontend.Api;
import io.foldline.circuits.frontend.Circuit;
import io.foldline.circuits.frontend.CompiledCircuit;
import io.foldline.circuits.frontend.Compiler;
import io.foldline.circuits.frontend.PoseidonGadget;
import io.foldline.circuits.frontend.Variable;
import io.foldline.circuits.r1cs.SparseMatrix;
import io.foldline.crypto.bn254.Fr;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The decider circuit {@code D_M} of one model circuit (DESIGN.md section 4), the in-circuit twin of
 * {@link Decider#zeta} and {@link Decider#evaluate}. Public inputs, in this order: {@code u},
 * {@code x[0..nPublic)}, {@code zeta}, {@code v}; private inputs: {@code W[0..nW)}, {@code rW}, {@code rE}
 * and nothing else. It computes {@code E_j = (A_j z)(B_j z) - u (C_j z)} for {@code z = (u, x, W)} (E is not an
 * input), asserts that {@code zeta} is the Poseidon chain of the package documentation over
 * {@code (tag, u, x, W, rW, rE)}, and that {@code v = P(zeta)} for P with coefficients
 * {@code W || rW || E || rE}.
 */
public final class DeciderCircuit implements Circuit {
    private final RelaxedR1cs relation;

    public DeciderCircuit(RelaxedR1cs relation) {
        this.relation = Objects.requireNonNull(relation, "relation");
    }

    public static CompiledCircuit compile(RelaxedR1cs relation) {
        return Compiler.compile("decider", new DeciderCircuit(relation));
    }

    /** The decider circuit's inputs by name, for {@link CompiledCircuit#solve}. */
    public static Map<String, Fr> inputs(Fr u, Fr[] x, Fr zeta, Fr v, long[] w, Fr rW, Fr rE) {
        Map<String, Fr> in = new HashMap<>();
        in.put("u", u);
        for (int i = 0; i < x.length; i++) {
            in.put("x[" + i + "]", x[i]);
        }
        in.put("zeta", zeta);
        in.put("v", v);
        for (int i = 0; i < FieldVectors.length(w); i++) {
            in.put("W[" + i + "]", FieldVectors.get(w, i));
        }
        in.put("rW", rW);
        in.put("rE", rE);
        return in;
    }

    @Override
    public void define(Api api) {
        Variable u = api.publicInput("u");
        Variable[] x = api.publicInputs("x", relation.nPublic());
        Variable zeta = api.publicInput("zeta");
        Variable v = api.publicInput("v");
        Variable[] w = api.privateInputs("W", relation.nWitness());
        Variable rW = api.privateInput("rW");
        Variable rE = api.privateInput("rE");

        Variable[] z = new Variable[1 + x.length + w.length];
        z[0] = u;
        System.arraycopy(x, 0, z, 1, x.length);
        System.arraycopy(w, 0, z, 1 + x.length, w.length);
        Variable[] e = errorTerm(api, z, u);

        Variable[] absorbed = new Variable[Decider.absorbedLength(x.length, w.length)];
        absorbed[0] = api.constant(Decider.ZETA_TAG);
        absorbed[1] = u;
        System.arraycopy(x, 0, absorbed, 2, x.length);
        System.arraycopy(w, 0, absorbed, 2 + x.length, w.length);
        absorbed[absorbed.length - 2] = rW;
        absorbed[absorbed.length - 1] = rE;
        try (Api.Scope s = api.gadget("zeta")) {
            api.assertEqual(poseidonChain(api, absorbed), zeta, "zeta = Poseidon chain over (tag, u, x, W, rW, rE)");
        }

        Variable[] p = new Variable[w.length + e.length + 2];
        System.arraycopy(w, 0, p, 0, w.length);
        p[w.length] = rW;
        System.arraycopy(e, 0, p, w.length + 1, e.length);
        p[p.length - 1] = rE;
        try (Api.Scope s = api.gadget("evaluate")) {
            api.assertEqual(horner(api, p, zeta), v, "v = P(zeta)");
        }
    }

    /** {@code (A_j z)(B_j z) - u (C_j z)} per row: two products a row. */
    private Variable[] errorTerm(Api api, Variable[] z, Variable u) {
        SparseMatrix a = relation.r1cs().a();
        SparseMatrix b = relation.r1cs().b();
        SparseMatrix c = relation.r1cs().c();
        Variable[] e = new Variable[relation.nRows()];
        try (Api.Scope s = api.gadget("relaxedRows")) {
            for (int j = 0; j < e.length; j++) {
                Variable ab = api.mul(row(a, j, z), row(b, j, z), "row " + j + ": (A z)(B z)");
                e[j] = ab.sub(api.mul(u, row(c, j, z), "row " + j + ": u (C z)"));
            }
        }
        return e;
    }

    /** Row j of a matrix applied to z; wire 0 is u here, not the constant 1. */
    private static Variable row(SparseMatrix m, int j, Variable[] z) {
        int n = m.rowEnd(j) - m.rowStart(j);
        Fr[] coeffs = new Fr[n];
        Variable[] vars = new Variable[n];
        for (int k = 0; k < n; k++) {
            coeffs[k] = m.coeff(m.rowStart(j) + k);
            vars[k] = z[m.col(m.rowStart(j) + k)];
        }
        return Variable.linear(Fr.ZERO, coeffs, vars);
    }

    /** The chain of {@link Decider#zeta}, chunk for chunk. */
    static Variable poseidonChain(Api api, Variable[] s) {
        int first = Math.min(Decider.FIRST_CHUNK, s.length);
        Variable h = PoseidonGadget.hash(api, slice(s, 0, first, null));
        for (int i = first; i < s.length; i += Decider.NEXT_CHUNK) {
            h = PoseidonGadget.hash(api, slice(s, i, Math.min(s.length, i + Decider.NEXT_CHUNK), h));
        }
        return h;
    }

    private static Variable[] slice(Variable[] s, int from, int to, Variable head) {
        int off = head == null ? 0 : 1;
        Variable[] out = new Variable[off + to - from];
        if (head != null) {
            out[0] = head;
        }
        System.arraycopy(s, from, out, off, to - from);
        return out;
    }

    /** {@code sum p_i zeta^i} from the top: one product per coefficient after the first. */
    private static Variable horner(Api api, Variable[] p, Variable zeta) {
        Variable acc = p[p.length - 1];
        for (int i = p.length - 2; i >= 0; i--) {
            acc = api.mul(acc, zeta, "horner " + i).add(p[i]);
        }
        return acc;
    }
}
