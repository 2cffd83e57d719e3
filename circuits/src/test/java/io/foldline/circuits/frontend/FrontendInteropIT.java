package io.foldline.circuits.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.interop.ExecResult;
import io.foldline.circuits.interop.NodeTools;
import io.foldline.circuits.r1cs.Witness;
import io.foldline.circuits.snarkjs.R1csFile;
import io.foldline.circuits.snarkjs.WtnsFile;
import io.foldline.crypto.bn254.Fr;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * snarkjs reads a compiled gadget circuit (Poseidon, range checks, requantization, ReLU, max) and its
 * witness: {@code r1cs info} reports our counts, {@code wtns check} accepts the honest witness and
 * rejects one with a tampered hinted wire.
 */
@Tag("interop")
class FrontendInteropIT {

    @BeforeEach
    void tools() {
        NodeTools.requireTools();
    }

    @Test
    void snarkjsChecksCompiledCircuitAndWitness(@TempDir Path dir) {
        SampleCircuit circuit = new SampleCircuit(true);
        CompiledCircuit c = Compiler.compile("sample", circuit);
        Witness w = c.solve(SampleCircuit.inputs(-9, 11, 4, 12345));
        assertEquals(circuit.expected(-9, 11, 4, 12345), c.publicSignals(w));
        R1csFile.write(c.r1cs(), dir.resolve("sample.r1cs"));
        WtnsFile.write(w, dir.resolve("sample.wtns"));

        ExecResult info = NodeTools.snarkjs(dir, "r1cs", "info", "sample.r1cs").requireOk();
        String out = info.stdout();
        assertTrue(out.contains("# of Constraints: " + c.nConstraints()), out);
        assertTrue(out.contains("# of Wires: " + c.r1cs().nWires()), out);
        assertTrue(out.contains("# of Outputs: 3"), out);
        assertTrue(out.contains("# of Public Inputs: 1"), out);
        assertTrue(out.contains("# of Private Inputs: 3"), out);

        ExecResult check = NodeTools.snarkjs(dir, "wtns", "check", "sample.r1cs", "sample.wtns");
        assertTrue(check.ok() && check.stdout().contains("WITNESS IS CORRECT"), check::describe);

        int rem = c.wireIndex("divByConstant/quotient and remainder[1]");
        assertTrue(rem > 0);
        WtnsFile.write(Witnesses.with(w, rem, w.get(rem).add(Fr.ONE)), dir.resolve("bad.wtns"));
        ExecResult bad = NodeTools.snarkjs(dir, "wtns", "check", "sample.r1cs", "bad.wtns");
        assertFalse(bad.ok(), bad::describe);
        assertTrue(bad.stdout().contains("WITNESS IS NOT CORRECT"), bad::describe);
    }
}
