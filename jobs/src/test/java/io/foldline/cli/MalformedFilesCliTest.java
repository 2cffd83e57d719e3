package io.foldline.cli;

import static io.foldline.cli.CliRun.ok;
import static io.foldline.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.snarkjs.ProofJson;
import io.foldline.circuits.snarkjs.R1csFile;
import io.foldline.circuits.snarkjs.WtnsFile;
import io.foldline.crypto.bn254.Fq;
import io.foldline.crypto.bn254.Fq2;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees when a proof element is swapped for another valid point (exit 1), when a G2 point lies on
 * the twist but outside the subgroup (exit 2), and when a key, witness or ceremony file is cut short or
 * corrupted (exit 2): always a message naming the file, never a stack trace.
 */
class MalformedFilesCliTest {
    @TempDir
    static Path dir;

    static String p(String name) {
        return dir.resolve(name).toString();
    }

    @BeforeAll
    static void pipeline() {
        R1csFile.write(ChainCircuit.r1cs(6), dir.resolve("chain.r1cs"));
        WtnsFile.write(ChainCircuit.witness(6, io.foldline.crypto.bn254.Fr.of(2)), dir.resolve("chain.wtns"));
        ok("powersoftau", "new", "5", p("pot.ptau"), "--seed", "malformed files");
        ok("groth16", "setup", p("chain.r1cs"), p("pot.ptau"), p("c0.zkey"));
        ok("zkey", "export", "verificationkey", p("c0.zkey"), p("vk.json"));
        ok("groth16", "prove", p("c0.zkey"), p("chain.wtns"), p("proof.json"), p("public.json"));
        ok("groth16", "verify", p("vk.json"), p("public.json"), p("proof.json"));
    }

    private static ProofJson proof() {
        return ProofJson.read(dir.resolve("proof.json"));
    }

    private static int verifyWith(String name, ProofJson tampered) {
        tampered.write(dir.resolve(name));
        return run("groth16", "verify", p("vk.json"), p("public.json"), p(name)).code();
    }

    @Test
    void eachProofElementSwappedForAnotherValidPointIsInvalid() {
        ProofJson pr = proof();
        G1Affine g1 = G1Affine.GENERATOR;
        G2Affine g2 = G2Affine.GENERATOR;
        assertEquals(1, verifyWith("pa.json", new ProofJson(pr.a().add(g1), pr.b(), pr.c())));
        assertEquals(1, verifyWith("pb.json", new ProofJson(pr.a(), pr.b().add(g2), pr.c())));
        assertEquals(1, verifyWith("pc.json", new ProofJson(pr.a(), pr.b(), pr.c().add(g1))));
        assertEquals(1, verifyWith("pac.json", new ProofJson(pr.c(), pr.b(), pr.a())));
    }

    @Test
    void aG2PointOutsideTheSubgroupIsMalformed() throws IOException {
        G2Affine outside = twistPointOutsideSubgroup();
        String text = new ProofJson(proof().a(), G2Affine.GENERATOR, proof().c()).toJson();
        String gx0 = G2Affine.GENERATOR.x().c0().toString();
        String gx1 = G2Affine.GENERATOR.x().c1().toString();
        String gy0 = G2Affine.GENERATOR.y().c0().toString();
        String gy1 = G2Affine.GENERATOR.y().c1().toString();
        text = text.replace(gx0, outside.x().c0().toString()).replace(gx1, outside.x().c1().toString())
                .replace(gy0, outside.y().c0().toString()).replace(gy1, outside.y().c1().toString());
        Files.writeString(dir.resolve("p_sub.json"), text);
        CliRun r = run("groth16", "verify", p("vk.json"), p("public.json"), p("p_sub.json"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("p_sub.json") && r.err().contains("subgroup"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void truncatedOrCorruptedFilesAreMalformed() throws IOException {
        cut("c0.zkey", "short.zkey", 0.6);
        expectMalformed("short.zkey", "groth16", "prove", p("short.zkey"), p("chain.wtns"), p("x.json"), p("y.json"));
        cut("chain.wtns", "short.wtns", 0.5);
        expectMalformed("short.wtns", "groth16", "prove", p("c0.zkey"), p("short.wtns"), p("x.json"), p("y.json"));
        cut("pot.ptau", "short.ptau", 0.7);
        expectMalformed("short.ptau", "groth16", "setup", p("chain.r1cs"), p("short.ptau"), p("x.zkey"));
        cut("chain.r1cs", "short.r1cs", 0.8);
        expectMalformed("short.r1cs", "groth16", "setup", p("short.r1cs"), p("pot.ptau"), p("x.zkey"));
        byte[] z = Files.readAllBytes(dir.resolve("c0.zkey"));
        z[0] = 'x';
        Files.write(dir.resolve("magic.zkey"), z);
        expectMalformed("magic.zkey", "zkey", "export", "verificationkey", p("magic.zkey"), p("v.json"));
        assertFalse(Files.exists(dir.resolve("x.zkey")), "a failed setup leaves no half-written key behind");
    }

    private static void cut(String from, String to, double keep) throws IOException {
        byte[] b = Files.readAllBytes(dir.resolve(from));
        Files.write(dir.resolve(to), Arrays.copyOf(b, (int) (b.length * keep)));
    }

    private static void expectMalformed(String mention, String... argv) {
        CliRun r = run(argv);
        assertEquals(2, r.code(), () -> String.join(" ", argv) + "\n" + r.err());
        assertTrue(r.err().contains(mention), () -> "should name " + mention + ":\n" + r.err());
        assertFalse(r.err().contains("\tat "), () -> "no stack trace for a user error:\n" + r.err());
    }

    /** A point of y^2 = x^3 + 3/(9+u) whose order is not r (the twist's cofactor is large, so nearly all are). */
    private static G2Affine twistPointOutsideSubgroup() {
        Fq2 b = Fq2.of(Fq.of(3), Fq.ZERO).mul(Fq2.XI.inverse());
        for (int k = 1; ; k++) {
            Fq2 x = Fq2.of(Fq.of(k), Fq.ONE);
            Fq2 y = x.square().mul(x).add(b).sqrt();
            if (y != null) {
                G2Affine q = G2Affine.ofUnchecked(x, y);
                if (q.isOnCurve() && !q.isInSubgroup()) {
                    return q;
                }
            }
        }
    }
}
