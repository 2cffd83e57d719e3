package io.foldline.aggregation;

import io.foldline.circuits.frontend.CompiledCircuit;
import io.foldline.circuits.groth16.Proof;
import io.foldline.circuits.groth16.Prover;
import io.foldline.circuits.groth16.ProverOptions;
import io.foldline.circuits.groth16.ProvingKey;
import io.foldline.circuits.groth16.Setup;
import io.foldline.circuits.groth16.Verifier;
import io.foldline.circuits.r1cs.R1cs;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.kzg.Kzg;
import io.foldline.crypto.kzg.Srs;
import io.foldline.crypto.msm.MsmConfig;
import io.foldline.crypto.poseidon.Poseidon;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The window's decider (DESIGN.md section 4): one Groth16 proof of {@link DeciderCircuit} and one KZG opening
 * of the folded commitment at the circuit's {@code zeta}. The life-cycle is the API: {@link #setup},
 * {@link #prove}, {@link #verify}; {@link #zeta} and {@link #evaluate} are the native twins of what the
 * circuit computes. The statement and the layouts are in the package documentation.
 */
public final class Decider {
    public static final String ZETA_TAG_TEXT = "foldline.decider.v1";
    /** The ASCII bytes of {@value #ZETA_TAG_TEXT} read as one big-endian integer: the chain's first element. */
    public static final Fr ZETA_TAG =
            Fr.of(new BigInteger(1, ZETA_TAG_TEXT.getBytes(StandardCharsets.US_ASCII)));
    /** Elements in the chain's first Poseidon call (the widest circomlib Poseidon: 16 inputs). */
    static final int FIRST_CHUNK = Poseidon.MAX_INPUTS;
    /** New elements in every later call: the previous hash takes the first input. */
    static final int NEXT_CHUNK = Poseidon.MAX_INPUTS - 1;

    private Decider() {
    }

    /**
     * Decider keys for {@code model} from the {@code .ptau} at {@code ptau}: the Groth16 key of the decider
     * circuit and the folding commitment SRS, both from that file. A file too small for either is refused
     * with a {@code FormatException} naming it and the power needed.
     */
    public static DeciderKey setup(R1cs model, Path ptau, Consumer<String> progress) {
        RelaxedR1cs relation = new RelaxedR1cs(model);
        int size = Math.toIntExact(CommitmentKey.powersNeeded(relation.nWitness(), relation.nRows()));
        Srs srs = SrsFromPtau.read(ptau, size);
        CompiledCircuit circuit = DeciderCircuit.compile(relation);
        String name = "decider circuit (" + circuit.nConstraints() + " constraints)";
        ProvingKey pk = ProvingKey.of(Setup.newZkey(circuit.r1cs(), name, ptau, progress), name);
        return new DeciderKey(relation, circuit, pk, new CommitmentKey(srs, relation.nWitness(), relation.nRows(),
                MsmConfig.defaults()));
    }

    public static DeciderKey setup(R1cs model, Path ptau) {
        return setup(model, ptau, line -> { });
    }

    /**
     * The decider proof for a folded instance and the witness that opens it. Refuses a witness that does not
     * satisfy the relaxed relation (no valid proof exists for it); the commitment is not recomputed.
     */
    public static DeciderProof prove(DeciderKey key, CommittedInstance folded, RelaxedWitness witness) {
        int row = key.relation().firstUnsatisfied(folded, witness);
        if (row >= 0) {
            throw new IllegalArgumentException("the folded witness does not satisfy row " + row
                    + " of the relaxed relation: no decider proof exists");
        }
        Fr zeta = zeta(folded.u(), folded.x(), witness.w(), witness.rW(), witness.rE());
        CommitmentKey ck = key.commitmentKey();
        Kzg.Opening opening = Kzg.open(ck.srs(), folded.commitment(), ck.coefficients(witness), ck.size(), zeta,
                MsmConfig.defaults());
        Proof groth16 = groth16Proof(key, folded.u(), folded.x(), zeta, opening.value(), witness);
        return new DeciderProof(groth16, zeta, opening.value(), opening.proof());
    }

    /**
     * Checks the decider proof against a folded instance the verifier computed itself: the Groth16 proof for
     * the public inputs {@code (u, x, zeta, v)}, then the KZG opening of {@code K} at {@code zeta} to
     * {@code v}. Two pairing checks; nothing is recomputed from the witness.
     */
    public static boolean verify(DeciderVerifyingKey vk, CommittedInstance folded, DeciderProof proof) {
        if (folded.nPublic() != vk.nPublic()) {
            throw new IllegalArgumentException("the folded instance has " + folded.nPublic()
                    + " public signals, the decider key expects " + vk.nPublic());
        }
        Fr[] pub = new Fr[vk.nPublic() + 3];
        pub[0] = folded.u();
        for (int i = 0; i < folded.nPublic(); i++) {
            pub[1 + i] = folded.x(i);
        }
        pub[pub.length - 2] = proof.zeta();
        pub[pub.length - 1] = proof.v();
        if (!Verifier.verify(vk.groth16(), pub, proof.groth16())) {
            return false;
        }
        return Kzg.verify(vk.kzgSrs(), new Kzg.Opening(folded.commitment(), proof.zeta(), proof.v(),
                proof.kzgProof()));
    }

    /**
     * The evaluation point: the Poseidon chain over {@code s = (ZETA_TAG, u, x..., W..., rW, rE)}:
     * {@code h = Poseidon(s[0..16))}, then {@code h = Poseidon(h, next up to 15 elements)} until s is used up
     * (a shorter sequence is one call over all of it). E is not absorbed: it is a function of the rest.
     */
    public static Fr zeta(Fr u, Fr[] x, long[] w, Fr rW, Fr rE) {
        Fr[] s = new Fr[absorbedLength(x.length, FieldVectors.length(w))];
        s[0] = ZETA_TAG;
        s[1] = u;
        System.arraycopy(x, 0, s, 2, x.length);
        for (int i = 0; i < FieldVectors.length(w); i++) {
            s[2 + x.length + i] = FieldVectors.get(w, i);
        }
        s[s.length - 2] = rW;
        s[s.length - 1] = rE;
        int first = Math.min(FIRST_CHUNK, s.length);
        Fr h = Poseidon.hash(slice(s, 0, first, null));
        for (int i = first; i < s.length; i += NEXT_CHUNK) {
            h = Poseidon.hash(slice(s, i, Math.min(s.length, i + NEXT_CHUNK), h));
        }
        return h;
    }

    /** {@code P(zeta)} for P with the coefficients {@code W || rW || E || rE} of the witness. */
    public static Fr evaluate(RelaxedWitness witness, Fr zeta) {
        long[] p = new long[4 * (witness.nW() + witness.nE() + 2)];
        System.arraycopy(witness.w(), 0, p, 0, witness.w().length);
        witness.rW().copyMontTo(p, witness.w().length);
        System.arraycopy(witness.e(), 0, p, witness.w().length + 4, witness.e().length);
        witness.rE().copyMontTo(p, p.length - 4);
        return Kzg.evaluate(p, p.length / 4, zeta);
    }

    /** Length of the chain's input {@code (tag, u, x, W, rW, rE)}. */
    static int absorbedLength(int nPublic, int nW) {
        return 2 + nPublic + nW + 2;
    }

    /**
     * The Groth16 proof of the decider circuit for the given public inputs and private witness, without
     * checking that they belong together: {@link #prove} checks first; tests call this to play a cheating
     * prover. Throws the circuit's UnsatisfiedConstraintException when no proof exists.
     */
    static Proof groth16Proof(DeciderKey key, Fr u, Fr[] x, Fr zeta, Fr v, RelaxedWitness witness) {
        var inputs = DeciderCircuit.inputs(u, x, zeta, v, witness.w(), witness.rW(), witness.rE());
        return Prover.prove(key.groth16(), key.circuit().solve(inputs), ProverOptions.defaults()).proof();
    }

    private static Fr[] slice(Fr[] s, int from, int to, Fr head) {
        int off = head == null ? 0 : 1;
        Fr[] out = new Fr[off + to - from];
        if (head != null) {
            out[0] = head;
        }
        System.arraycopy(s, from, out, off, to - from);
        return out;
    }
}
