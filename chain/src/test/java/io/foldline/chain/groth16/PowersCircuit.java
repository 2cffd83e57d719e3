package io.foldline.chain.groth16;

import io.foldline.circuits.frontend.Api;
import io.foldline.circuits.frontend.Circuit;
import io.foldline.circuits.frontend.CompiledCircuit;
import io.foldline.circuits.frontend.Compiler;
import io.foldline.circuits.groth16.Proof;
import io.foldline.circuits.groth16.Prover;
import io.foldline.circuits.groth16.ProverOptions;
import io.foldline.circuits.groth16.ProvingKey;
import io.foldline.circuits.groth16.Setup;
import io.foldline.circuits.ptau.TestPowersOfTau;
import io.foldline.circuits.frontend.Variable;
import io.foldline.crypto.bn254.Fr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tiny circuit with n public inputs: p[i] = w^(i+2) for a private w. Set up with an insecure test ptau and
 * proved with our prover; {@link #expected} recomputes the public signals with plain field arithmetic.
 */
final class PowersCircuit implements Circuit {
    private final int n;

    PowersCircuit(int n) {
        this.n = n;
    }

    @Override
    public void define(Api api) {
        Variable[] p = api.publicInputs("p", n);
        Variable w = api.privateInput("w");
        Variable acc = w;
        for (int i = 0; i < n; i++) {
            acc = api.mul(acc, w);
            api.assertEqual(p[i], acc, "p[" + i + "] = w^" + (i + 2));
        }
    }

    static List<Fr> expected(int n, long w) {
        List<Fr> out = new ArrayList<>();
        Fr acc = Fr.of(w);
        for (int i = 0; i < n; i++) {
            acc = acc.mul(Fr.of(w));
            out.add(acc);
        }
        return out;
    }

    /** A proving key, and one proof with its public signals. */
    record Fixture(ProvingKey pk, Proof proof, List<Fr> publicSignals) {
    }

    static Fixture prove(int n, long w, Path dir) {
        CompiledCircuit c = Compiler.compile("powers" + n, new PowersCircuit(n));
        int domain = c.nConstraints() + n + 1;
        int power = Math.max(1, 32 - Integer.numberOfLeadingZeros(domain - 1));
        Path ptau = dir.resolve("powers" + n + ".ptau");
        TestPowersOfTau.write(ptau, power, "chain groth16 test " + n);
        ProvingKey pk = ProvingKey.of(Setup.newZkey(c.r1cs(), "powers" + n + ".r1cs", ptau, s -> { }), "powers.zkey");
        Map<String, Fr> inputs = new java.util.HashMap<>();
        inputs.put("w", Fr.of(w));
        List<Fr> p = expected(n, w);
        for (int i = 0; i < n; i++) {
            inputs.put("p[" + i + "]", p.get(i));
        }
        Prover.Result r = Prover.prove(pk, c.solve(inputs), ProverOptions.defaults());
        if (!r.publicSignals().equals(p)) {
            throw new AssertionError("prover's public signals " + r.publicSignals() + " differ from " + p);
        }
        return new Fixture(pk, r.proof(), r.publicSignals());
    }
}
