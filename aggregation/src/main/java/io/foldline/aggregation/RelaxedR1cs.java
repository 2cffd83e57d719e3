package io.foldline.aggregation;

import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.internal.MontField;
import java.util.Objects;

/**
 * The relaxed form of an {@link R1cs} (Kothapalli, Setty, Tzialla, "Nova", CRYPTO 2022, section 4.1):
 * {@code (A z) o (B z) = u (C z) + E} with {@code z = (u, x, W)}. The constant wire 0 of the circom layout
 * carries {@code u}; {@code x} are wires {@code 1 .. nPublic} (public outputs, then public inputs) and
 * {@code W} the rest (private inputs, then internal wires), so a circom witness is {@code z} for
 * {@code u = 1, E = 0}. Immutable.
 */
public final class RelaxedR1cs {
    private static final MontField FR = MontField.FR;

    private final R1cs r1cs;

    public RelaxedR1cs(R1cs r1cs) {
        this.r1cs = Objects.requireNonNull(r1cs, "r1cs");
    }

    public R1cs r1cs() {
        return r1cs;
    }

    /** Length of {@code x}. */
    public int nPublic() {
        return r1cs.nPublic();
    }

    /** Length of {@code W}: every wire but the constant and the public ones. */
    public int nWitness() {
        return r1cs.nWires() - 1 - r1cs.nPublic();
    }

    /** Length of {@code E}: one entry per constraint. */
    public int nRows() {
        return r1cs.nConstraints();
    }

    /** The public part {@code x} of a circom witness. */
    public Fr[] publicPart(Witness w) {
        requireWires(w);
        Fr[] x = new Fr[nPublic()];
        for (int i = 0; i < x.length; i++) {
            x[i] = w.get(1 + i);
        }
        return x;
    }

    /** The private part {@code W} of a circom witness, as flat limbs. */
    public long[] privatePart(Witness w) {
        requireWires(w);
        long[] v = new long[4 * nWitness()];
        System.arraycopy(w.values(), 4 * (1 + nPublic()), v, 0, v.length);
        return v;
    }

    /** {@code E = (A z) o (B z) - u (C z)}: the error that makes {@code (u, x, W)} satisfy the relation. */
    public long[] errorTerm(Fr u, Fr[] x, long[] w) {
        Products p = products(z(u, x, w));
        long[] uu = mont(u);
        long[] e = new long[p.az.length];
        long[] t = new long[4];
        for (int off = 0; off < e.length; off += 4) {
            FR.mul(p.az, off, p.bz, off, e, off);
            FR.mul(uu, 0, p.cz, off, t, 0);
            FR.sub(e, off, t, 0, e, off);
        }
        return e;
    }

    /**
     * The first row where {@code (A z) o (B z) != u (C z) + E} for the instance's {@code (u, x)} and the
     * witness's {@code (W, E)}, or -1 when every row holds. The commitment is not looked at.
     */
    public int firstUnsatisfied(CommittedInstance instance, RelaxedWitness witness) {
        if (witness.nE() != nRows()) {
            throw new IllegalArgumentException("E has " + witness.nE() + " entries for " + nRows() + " rows");
        }
        long[] expected = errorTerm(instance.u(), instance.x(), witness.w());
        long[] e = witness.e();
        for (int i = 0; i < nRows(); i++) {
            if (!MontField.eq(expected, 4 * i, e, 4 * i)) {
                return i;
            }
        }
        return -1;
    }

    public boolean isSatisfied(CommittedInstance instance, RelaxedWitness witness) {
        return firstUnsatisfied(instance, witness) < 0;
    }

    /**
     * The cross term of folding the relaxed {@code z = (u, x, W)} with a fresh {@code zFresh} (whose
     * {@code u} is 1): {@code T = A z o B zFresh + A zFresh o B z - u C zFresh - C z}, the coefficient of
     * {@code r} in {@code (A z') o (B z') - u' (C z')} for {@code z' = z + r zFresh}.
     */
    public long[] crossTerm(Fr u, Fr[] x, long[] w, Fr[] xFresh, long[] wFresh) {
        Products p = products(z(u, x, w));
        Products f = products(z(Fr.ONE, xFresh, wFresh));
        long[] uu = mont(u);
        long[] t = new long[p.az.length];
        long[] s = new long[4];
        for (int off = 0; off < t.length; off += 4) {
            FR.mul(p.az, off, f.bz, off, t, off);
            FR.mul(f.az, off, p.bz, off, s, 0);
            FR.add(t, off, s, 0, t, off);
            FR.mul(uu, 0, f.cz, off, s, 0);
            FR.sub(t, off, s, 0, t, off);
            FR.sub(t, off, p.cz, off, t, off);
        }
        return t;
    }

    /** {@code z = (u, x, W)} in wire order. */
    long[] z(Fr u, Fr[] x, long[] w) {
        if (x.length != nPublic()) {
            throw new IllegalArgumentException("x has " + x.length + " entries for " + nPublic() + " public signals");
        }
        if (w.length != 4 * nWitness()) {
            throw new IllegalArgumentException("W has " + w.length / 4 + " entries for " + nWitness() + " wires");
        }
        long[] z = new long[4 * r1cs.nWires()];
        u.copyMontTo(z, 0);
        for (int i = 0; i < x.length; i++) {
            x[i].copyMontTo(z, 4 * (1 + i));
        }
        System.arraycopy(w, 0, z, 4 * (1 + x.length), w.length);
        return z;
    }

    private record Products(long[] az, long[] bz, long[] cz) {
    }

    private Products products(long[] z) {
        int n = 4 * nRows();
        long[] az = new long[n];
        long[] bz = new long[n];
        long[] cz = new long[n];
        r1cs.a().multiply(z, az);
        r1cs.b().multiply(z, bz);
        r1cs.c().multiply(z, cz);
        return new Products(az, bz, cz);
    }

    private void requireWires(Witness w) {
        if (w.size() != r1cs.nWires()) {
            throw new IllegalArgumentException("witness has " + w.size() + " values for " + r1cs.nWires() + " wires");
        }
    }

    private static long[] mont(Fr v) {
        long[] l = new long[4];
        v.copyMontTo(l, 0);
        return l;
    }
}
