package io.foldline.circuits.groth16;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.circuits.snarkjs.Zkey;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G1Jacobian;
import io.foldline.crypto.bn254.G2Affine;
import java.util.ArrayList;
import java.util.List;

/**
 * The Groth16 prover on a snarkjs proving key (eprint 2016/260, section 3.2, in snarkjs' arrangement,
 * groth16_prove.js): with the witness z, random r and s,
 * <pre>
 *   A  = alpha1 + sum z_i A_i + r delta1
 *   B  = beta2 + sum z_i B2_i + s delta2            (B1, the same in G1, only feeds C)
 *   C  = sum_{i > nPublic} z_i C_i + sum_j h_j H_j + s A + r B1 - r s delta1
 * </pre>
 * where h_j are the values of A·B - C on the odd points of the 2n domain ({@link Qap}) and H_j the zkey's
 * odd Lagrange points divided by delta. Five MSMs (A, B1, C, H in G1, B2 in G2) on flat limb arrays,
 * scheduled by {@link ProverMsms}; the witness, already in Montgomery form, is their scalar array.
 */
public final class Prover {
    private Prover() {
    }

    /** A proof and the public signals it proves (witness values 1..nPublic: outputs, then public inputs). */
    public record Result(Proof proof, List<Fr> publicSignals) {
        public Result {
            publicSignals = List.copyOf(publicSignals);
        }
    }

    public static Result prove(ProvingKey pk, Witness witness, ProverOptions options) {
        return prove(pk, witness, options, "witness");
    }

    /** {@code witnessName} names the witness (a file) in error messages. */
    public static Result prove(ProvingKey pk, Witness witness, ProverOptions options, String witnessName) {
        Zkey z = pk.zkey();
        if (witness.size() != z.nVars()) {
            throw new FormatException(witnessName + ": " + witness.size() + " witness values, but " + pk.source()
                    + " is for a circuit of " + z.nVars() + " wires (was it computed for this circuit?)");
        }
        long t0 = System.nanoTime();
        ProverMsms.Sums sums = ProverMsms.compute(pk, witness.values(), options);
        int nPub = z.nPublic();
        long t1 = System.nanoTime();

        Fr r = Fr.random(options.random());
        Fr s = Fr.random(options.random());
        G1Affine alpha1 = G1Affine.fromLimbs(z.alpha1(), 0);
        G1Affine beta1 = G1Affine.fromLimbs(z.beta1(), 0);
        G1Affine delta1 = G1Affine.fromLimbs(z.delta1(), 0);
        VerifyingKey vk = pk.verifyingKey();

        G1Jacobian a = sums.a().toJacobian().addMixed(alpha1).add(delta1.toJacobian().mul(r));
        G2Affine b = sums.b2().toJacobian().addMixed(vk.beta2()).add(vk.delta2().toJacobian().mul(s)).toAffine();
        G1Jacobian b1 = sums.b1().toJacobian().addMixed(beta1).add(delta1.toJacobian().mul(s));
        G1Jacobian c = sums.c().toJacobian().addMixed(sums.h()).add(a.mul(s)).add(b1.mul(r))
                .add(delta1.toJacobian().mul(r.mul(s).neg()));
        Proof proof = new Proof(a.toAffine(), b, c.toAffine());

        List<Fr> pub = new ArrayList<>(nPub);
        for (int i = 1; i <= nPub; i++) {
            pub.add(witness.get(i));
        }
        if (options.selfCheck()
                && !Verifier.verify(pk.preparedVerifyingKey(), pub.toArray(Fr[]::new), proof)) {
            throw new FormatException(witnessName + ": the witness does not satisfy the circuit of " + pk.source()
                    + " (its proof does not verify); was it computed for this circuit and these inputs?");
        }
        options.progress().accept("prove: MSMs and QAP " + (t1 - t0) / 1_000_000 + " ms, blinding"
                + (options.selfCheck() ? " and self-check " : " ") + (System.nanoTime() - t1) / 1_000_000 + " ms");
        return new Result(proof, pub);
    }
}
