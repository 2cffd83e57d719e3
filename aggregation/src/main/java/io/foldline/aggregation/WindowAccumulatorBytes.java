package io.foldline.aggregation;

import io.foldline.circuits.FormatException;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of a {@link WindowAccumulator} (an aggregator's state between records) and of a fresh
 * inference's witness (what travels from the step that solves it to the step that folds it). Both hold
 * secrets: they are for the aggregator's own state and its internal records, never for an output. Layouts
 * (u32 big-endian counts, every other item a 32-byte big-endian word as in {@link WindowProofFile}) are in
 * the package documentation. Reading refuses, with a {@link FormatException} naming the source and the
 * field, a wrong magic or version, sizes that do not fit the circuit, truncated or trailing bytes, a
 * scalar at or above r and a point off the curve.
 */
public final class WindowAccumulatorBytes {
    static final String ACCUMULATOR_MAGIC = "FLWA";
    static final String FRESH_MAGIC = "FLFW";
    /** 2 since fold transcript v2: an accumulator folded under v1 cannot be continued (its folds would not replay). */
    static final int ACCUMULATOR_VERSION = 2;
    static final int FRESH_VERSION = 1;
    private static final int WORD = 32;

    private WindowAccumulatorBytes() {
    }

    public static byte[] encode(WindowAccumulator a) {
        CommittedInstance run = a.runningInstance();
        RelaxedWitness w = a.runningWitness();
        int n = run.nPublic();
        long size = 24 + 2L * (96 + WORD * n) + WORD * (w.nW() + w.nE() + 2L) + a.size() * (128L + WORD * n);
        WordWriter out = new WordWriter(Math.toIntExact(size));
        out.header(ACCUMULATOR_MAGIC, ACCUMULATOR_VERSION).u32(n).u32(w.nW()).u32(w.nE()).u32(a.size());
        instance(out, a.startInstance());
        instance(out, run);
        vector(out, w.w()).scalar(w.rW());
        vector(out, w.e()).scalar(w.rE());
        for (int i = 0; i < a.size(); i++) {
            CommittedInstance c = a.instances().get(i);
            out.g1(c.commitment());
            for (Fr x : c.x()) {
                out.scalar(x);
            }
            out.g1(a.crossTerms().get(i));
        }
        return out.toByteArray();
    }

    /**
     * The accumulator in {@code bytes}, for the circuit of {@code nifs} (its sizes must match); {@code source}
     * names the bytes in messages.
     */
    public static WindowAccumulator decode(byte[] bytes, Nifs nifs, String source) {
        WordReader r = new WordReader(bytes, source);
        r.header(ACCUMULATOR_MAGIC, ACCUMULATOR_VERSION);
        RelaxedR1cs rel = nifs.relation();
        int n = expect(r, "nPublic", rel.nPublic());
        int nW = expect(r, "nW", rel.nWitness());
        int m = expect(r, "m", rel.nRows());
        int folds = r.u32("N");
        if (folds < 0 || (long) folds * (128 + WORD * n) > r.remaining()) {
            throw r.error("N", "truncated: " + Integer.toUnsignedString(folds) + " folds do not fit in "
                    + r.remaining() + " bytes");
        }
        CommittedInstance start = instance(r, n, "start");
        CommittedInstance run = instance(r, n, "running");
        long[] w = vector(r, nW, "running.W");
        Fr rW = r.scalar("running.rW");
        long[] e = vector(r, m, "running.E");
        Fr rE = r.scalar("running.rE");
        List<CommittedInstance> instances = new ArrayList<>(folds);
        List<G1Affine> crossTerms = new ArrayList<>(folds);
        for (int i = 0; i < folds; i++) {
            G1Affine k = r.g1("instance[" + i + "].K");
            instances.add(CommittedInstance.fresh(k, scalars(r, n, "instance[" + i + "].x")));
            crossTerms.add(r.g1("crossTerm[" + i + "]"));
        }
        r.end();
        return new WindowAccumulator(start, new Nifs.InstanceWitness(run, RelaxedWitness.wrap(w, rW, e, rE)),
                instances, crossTerms);
    }

    /** The witness of a fresh instance ({@link Nifs#fresh}): {@code W} and its blinder {@code rW}. */
    public static byte[] encodeFresh(RelaxedWitness fresh) {
        if (!fresh.isFresh()) {
            throw new IllegalArgumentException("not a fresh witness: its E or E's blinder is not 0");
        }
        WordWriter out = new WordWriter(12 + WORD * (fresh.nW() + 1));
        out.header(FRESH_MAGIC, FRESH_VERSION).u32(fresh.nW());
        return vector(out, fresh.w()).scalar(fresh.rW()).toByteArray();
    }

    /**
     * The fresh pair of {@code instance} (its commitment {@code K_i} and public signals, u = 1) and the
     * witness in {@code bytes}. The commitment is not recomputed (that is an MSM): a witness that does not
     * open it makes the window's decider fail.
     */
    public static Nifs.InstanceWitness decodeFresh(byte[] bytes, Nifs nifs, CommittedInstance instance,
                                                   String source) {
        WordReader r = new WordReader(bytes, source);
        r.header(FRESH_MAGIC, FRESH_VERSION);
        RelaxedR1cs rel = nifs.relation();
        int nW = expect(r, "nW", rel.nWitness());
        long[] w = vector(r, nW, "W");
        Fr rW = r.scalar("rW");
        r.end();
        if (!instance.u().isOne() || instance.nPublic() != rel.nPublic()) {
            throw new IllegalArgumentException("a fresh instance has u = 1 and " + rel.nPublic()
                    + " public signals, got u = " + instance.u() + " and " + instance.nPublic());
        }
        return new Nifs.InstanceWitness(instance,
                RelaxedWitness.wrap(w, rW, new long[4 * rel.nRows()], Fr.ZERO));
    }

    private static void instance(WordWriter out, CommittedInstance c) {
        out.g1(c.commitment()).scalar(c.u());
        for (Fr x : c.x()) {
            out.scalar(x);
        }
    }

    private static CommittedInstance instance(WordReader r, int n, String field) {
        G1Affine k = r.g1(field + ".K");
        Fr u = r.scalar(field + ".u");
        return new CommittedInstance(k, u, scalars(r, n, field + ".x"));
    }

    private static WordWriter vector(WordWriter out, long[] v) {
        for (int i = 0; i < FieldVectors.length(v); i++) {
            out.scalar(FieldVectors.get(v, i));
        }
        return out;
    }

    private static long[] vector(WordReader r, int n, String field) {
        if ((long) n * WORD > r.remaining()) {
            throw r.error(field, "truncated: " + n + " words do not fit in " + r.remaining() + " bytes");
        }
        long[] v = new long[4 * n];
        for (int i = 0; i < n; i++) {
            r.scalar(field).copyMontTo(v, 4 * i);
        }
        return v;
    }

    private static Fr[] scalars(WordReader r, int n, String field) {
        Fr[] x = new Fr[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.scalar(field + "[" + i + "]");
        }
        return x;
    }

    private static int expect(WordReader r, String field, int want) {
        int got = r.u32(field);
        if (got != want) {
            throw r.error(field, Integer.toUnsignedString(got) + ", the circuit has " + want);
        }
        return got;
    }
}
