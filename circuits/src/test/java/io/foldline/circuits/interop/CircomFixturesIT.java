package io.foldline.circuits.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The harness end to end with snarkjs alone: fixtures compile, their witnesses satisfy them, Groth16 round-trips. */
@Tag("interop")
class CircomFixturesIT {

    /** BN254 scalar field order (EIP-197). */
    private static final BigInteger R = new BigInteger(
            "21888242871839275222246405745257275088548364400416034343698204186575808495617");

    // Per test, not per class: a class-level abort is reported as 0 tests, which hides the skip.
    @BeforeEach
    void tools() {
        NodeTools.requireTools();
    }

    @Test
    void multiplierGroth16RoundTripWithSnarkjs(@TempDir Path dir) throws IOException {
        CircomFixtures.Compiled c = timed("compile multiplier", () -> CircomFixtures.compile("multiplier"));
        Path wtns = timed("witness multiplier", () -> CircomFixtures.witness(c, CircomFixtures.input("multiplier")));
        assertWitnessCorrect(c, wtns, dir);

        Path ptau = timed("ptau 8", () -> SnarkjsPtau.ptau(8));
        Path zkey0 = dir.resolve("multiplier_0000.zkey");
        Path zkey1 = dir.resolve("multiplier_0001.zkey");
        timed("groth16 setup", () -> NodeTools.snarkjs(dir, "groth16", "setup", c.r1cs().toString(),
                ptau.toString(), zkey0.toString()).requireOk());
        NodeTools.snarkjs(dir, "zkey", "contribute", zkey0.toString(), zkey1.toString(),
                "--name=foldline test", "-e=foldline test entropy").requireOk();
        NodeTools.snarkjs(dir, "zkey", "export", "verificationkey", zkey1.toString(), "vk.json").requireOk();
        timed("groth16 prove", () -> NodeTools.snarkjs(dir, "groth16", "prove", zkey1.toString(),
                wtns.toString(), "proof.json", "public.json").requireOk());

        assertEquals(List.of(new BigInteger("33")), decimals(Files.readString(dir.resolve("public.json"))),
                "public.json holds c = a * b = 3 * 11");
        ExecResult ok = NodeTools.snarkjs(dir, "groth16", "verify", "vk.json", "public.json", "proof.json");
        assertTrue(ok.ok() && ok.stdout().contains("OK"), ok::describe);

        Files.writeString(dir.resolve("public_bad.json"), "[\"34\"]");
        ExecResult bad = NodeTools.snarkjs(dir, "groth16", "verify", "vk.json", "public_bad.json", "proof.json");
        assertFalse(bad.ok() && bad.stdout().contains("OK!"), "a wrong public input must not verify:\n" + bad.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier", "several_publics", "poseidon3"})
    void fixtureWitnessSatisfiesItsR1cs(String name, @TempDir Path dir) {
        CircomFixtures.Compiled c = timed("compile " + name, () -> CircomFixtures.compile(name));
        Path wtns = CircomFixtures.witness(c, CircomFixtures.input(name));
        assertWitnessCorrect(c, wtns, dir);
    }

    @Test
    void severalPublicsWireOrderIsOutputsThenPublicThenPrivate(@TempDir Path dir) {
        CircomFixtures.Compiled c = CircomFixtures.compile("several_publics");
        String info = NodeTools.snarkjs(dir, "r1cs", "info", c.r1cs().toString()).requireOk().stdout();
        assertTrue(info.contains("# of Outputs: 3") && info.contains("# of Public Inputs: 3")
                && info.contains("# of Private Inputs: 3"), info);

        // Inputs from several_publics.input.json; outputs recomputed here from the circuit's definition.
        BigInteger secret = BigInteger.valueOf(1234);
        BigInteger x = BigInteger.valueOf(5);
        BigInteger y = BigInteger.valueOf(7);
        BigInteger blind0 = BigInteger.valueOf(13);
        BigInteger blind1 = BigInteger.valueOf(17);
        BigInteger tag = BigInteger.valueOf(42);
        BigInteger acc = secret.add(blind0);
        for (int i = 1; i < 6; i++) {
            acc = acc.multiply(acc).add(BigInteger.valueOf(i)).mod(R);
        }
        List<BigInteger> expected = List.of(BigInteger.ONE,
                x.multiply(secret).add(y), blind0.multiply(blind1).multiply(y), acc.multiply(x).mod(R),
                x, y, tag,
                secret, blind0, blind1);
        List<BigInteger> w = CircomFixtures.witnessValues(CircomFixtures.witness(c, CircomFixtures.input("several_publics")), dir);
        assertEquals(expected, w.subList(0, expected.size()));
    }

    @Test
    void poseidon3AgreesWithCircomlibjs(@TempDir Path dir) {
        List<BigInteger> w = CircomFixtures.witnessValues(CircomFixtures.witness("poseidon3"), dir);
        String script = "require('circomlibjs').buildPoseidon().then(p => console.log(p.F.toString(p([1, 2, 3]))))";
        ExecResult js = NodeTools.run(NodeTools.toolsDir(), Duration.ofMinutes(2),
                NodeTools.node().toString(), "-e", script).requireOk();
        assertEquals(new BigInteger(js.stdout().trim()), w.get(1));
    }

    @Test
    void chainHasExactlyTheRequestedConstraints(@TempDir Path dir) {
        int n = 100;
        CircomFixtures.Compiled c = CircomFixtures.chain(n);
        String info = NodeTools.snarkjs(dir, "r1cs", "info", c.r1cs().toString()).requireOk().stdout();
        assertTrue(info.contains("# of Constraints: " + n) && info.contains("# of Outputs: 1"), info);

        BigInteger v = BigInteger.valueOf(3).pow(2);   // chain.input.json: x = 3
        for (int i = 1; i < n; i++) {
            v = v.multiply(v).add(BigInteger.valueOf(i)).mod(R);
        }
        List<BigInteger> w = CircomFixtures.witnessValues(CircomFixtures.witness(c, CircomFixtures.input("chain")), dir);
        assertEquals(v, w.get(1));
    }

    private static void assertWitnessCorrect(CircomFixtures.Compiled c, Path wtns, Path dir) {
        ExecResult check = NodeTools.snarkjs(dir, "wtns", "check", c.r1cs().toString(), wtns.toString());
        assertTrue(check.ok() && check.stdout().contains("WITNESS IS CORRECT"), check::describe);
    }

    private static List<BigInteger> decimals(String json) {
        return java.util.regex.Pattern.compile("\\d+").matcher(json).results()
                .map(m -> new BigInteger(m.group())).toList();
    }

    private static <T> T timed(String what, Supplier<T> step) {
        long t0 = System.nanoTime();
        T result = step.get();
        System.out.printf("[interop] %s: %.2f s%n", what, (System.nanoTime() - t0) / 1e9);
        return result;
    }
}
