package io.foldline.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.foldline.circuits.r1cs.R1cs;
import io.foldline.circuits.r1cs.SparseMatrix;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.hash.Keccak256;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class FoldTranscriptTest {
    private static final HexFormat HEX = HexFormat.of();

    // The worked example of the package documentation, computed independently with node and js-sha3
    // (BigInt curve arithmetic, keccak256 of the hand-built encodings).
    private static final String SQUARE_DIGEST = "41c695c86e3f908525f88187625c1f469f5494ea543deb47e7d1ab9cd31550ca";
    private static final String[] EXAMPLE_WORDS = {
        "5b0e7d035306d613344b4113b1556d8dacbbed7d095eb1f2b0d8cbdc4466f5b6", // keccak256("foldline.nifs.v2")
        SQUARE_DIGEST,
        "0000000000000000000000000000000000000000000000000000000000000001", // U.K = G1: x
        "0000000000000000000000000000000000000000000000000000000000000002", //             y
        "0000000000000000000000000000000000000000000000000000000000000003", // U.u
        "0000000000000000000000000000000000000000000000000000000000000005", // U.x[0]
        "17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa9", // C = K_i + K_T = 5 G1: x
        "01e0559bacb160664764a357af8a9fe70baa9258e0b959273ffc5718c6d4cc7c", //                       y
        "0000000000000000000000000000000000000000000000000000000000000004", // x_i[0]
    };
    private static final String EXAMPLE_R = "196be18a0ac5a38cc531048346f6012805ffcef9d6c1f75d877816b26aae82e4";

    @Test
    void workedExampleOfThePackageDocumentation() {
        byte[] vk = R1csDigest.of(Circuits.square());
        assertEquals(SQUARE_DIGEST, HEX.formatHex(vk));
        CommittedInstance acc = new CommittedInstance(G1Affine.GENERATOR, Fr.of(3), new Fr[] {Fr.of(5)});
        CommittedInstance fresh = CommittedInstance.fresh(G1Affine.GENERATOR.mul(Fr.of(2)), new Fr[] {Fr.of(4)});
        G1Affine crossTerm = G1Affine.GENERATOR.mul(Fr.of(3));
        assertEquals(String.join("", EXAMPLE_WORDS),
                HEX.formatHex(FoldTranscript.hashedBytes(vk, acc, fresh, crossTerm)));
        Fr r = FoldTranscript.challenge(vk, acc, fresh, crossTerm);
        assertEquals(Fr.of(new BigInteger(EXAMPLE_R, 16)), r);
        // the verifier's update with that r: K' = (1 + 5 r) G1, u' = 3 + r, x' = 5 + 4 r
        CommittedInstance folded = Nifs.verify(vk, acc, fresh, crossTerm);
        assertEquals(G1Affine.GENERATOR.mul(Fr.ONE.add(Fr.of(5).mul(r))), folded.commitment());
        assertEquals(Fr.of(3).add(r), folded.u());
        assertArrayEquals(new Fr[] {Fr.of(5).add(Fr.of(4).mul(r))}, folded.x());
    }

    @Test
    void everyAbsorbedValueChangesTheChallenge() {
        SplittableRandom rng = new SplittableRandom(21);
        RandomFold f = RandomFold.of(rng);
        byte[] vk = f.vk();
        CommittedInstance acc = f.acc();
        CommittedInstance fresh = f.fresh();
        G1Affine kT = f.kT();
        Fr base = FoldTranscript.challenge(vk, acc, fresh, kT);
        assertEquals(base, FoldTranscript.challenge(vk.clone(), acc, fresh, kT), "control: deterministic");

        byte[] vk2 = vk.clone();
        vk2[31] ^= 1;
        List<Fr> changed = new ArrayList<>();
        changed.add(FoldTranscript.challenge(vk2, acc, fresh, kT));
        changed.add(FoldTranscript.challenge(vk, new CommittedInstance(point(rng), acc.u(), acc.x()), fresh, kT));
        changed.add(FoldTranscript.challenge(vk, new CommittedInstance(acc.commitment(), acc.u().add(Fr.ONE), acc.x()),
                fresh, kT));
        for (int i = 0; i < 3; i++) {
            int at = i;
            UnaryOperator<Fr[]> bump = x -> {
                x[at] = x[at].add(Fr.ONE);
                return x;
            };
            changed.add(FoldTranscript.challenge(vk, new CommittedInstance(acc.commitment(), acc.u(),
                    bump.apply(acc.x())), fresh, kT));
            changed.add(FoldTranscript.challenge(vk, acc, CommittedInstance.fresh(fresh.commitment(),
                    bump.apply(fresh.x())), kT));
        }
        changed.add(FoldTranscript.challenge(vk, acc, CommittedInstance.fresh(point(rng), fresh.x()), kT));
        changed.add(FoldTranscript.challenge(vk, acc, fresh, point(rng)));
        changed.add(FoldTranscript.challenge(vk, acc, fresh, G1Affine.INFINITY));
        // swapping the two instances' public signals moves words around: also a different challenge
        changed.add(FoldTranscript.challenge(vk, new CommittedInstance(acc.commitment(), acc.u(), fresh.x()),
                CommittedInstance.fresh(fresh.commitment(), acc.x()), kT));
        for (int i = 0; i < changed.size(); i++) {
            assertNotEquals(base, changed.get(i), "change " + i);
        }
        assertEquals(changed.size(), changed.stream().distinct().count());
    }

    /** The fold uses K_i and K_T only through their sum, and so does the transcript (package documentation). */
    @Test
    void theInstanceCommitmentAndTheCrossTermCountOnlyThroughTheirSum() {
        SplittableRandom rng = new SplittableRandom(23);
        RandomFold f = RandomFold.of(rng);
        G1Affine d = point(rng);
        CommittedInstance shifted = CommittedInstance.fresh(f.fresh().commitment().add(d), f.fresh().x());
        G1Affine kTShifted = f.kT().add(d.neg());
        Fr base = FoldTranscript.challenge(f.vk(), f.acc(), f.fresh(), f.kT());
        assertEquals(base, FoldTranscript.challenge(f.vk(), f.acc(), shifted, kTShifted));
        assertEquals(Nifs.verify(f.vk(), f.acc(), f.fresh(), f.kT()).commitment(),
                Nifs.verify(f.vk(), f.acc(), shifted, kTShifted).commitment());
        assertNotEquals(base, FoldTranscript.challenge(f.vk(), f.acc(), shifted, f.kT()), "control: the sum moved");
    }

    /** A fold's inputs with random points and scalars: vkDigest, accumulator and fresh instance of 3 signals, K_T. */
    private record RandomFold(byte[] vk, CommittedInstance acc, CommittedInstance fresh, G1Affine kT) {
        static RandomFold of(SplittableRandom rng) {
            byte[] vk = new byte[32];
            rng.nextBytes(vk);
            CommittedInstance acc = new CommittedInstance(point(rng), Fr.random(rng), scalars(rng, 3));
            return new RandomFold(vk, acc, CommittedInstance.fresh(point(rng), scalars(rng, 3)), point(rng));
        }
    }

    @Test
    void theR1csDigestCoversCountsAndEveryCoefficient() {
        R1cs square = Circuits.square();
        assertArrayEquals(R1csDigest.of(square), R1csDigest.of(Circuits.square()), "control: deterministic");
        SparseMatrix a = SparseMatrix.builder().add(2, Fr.of(2)).endRow().build();
        R1cs twice = new R1cs(3, 1, 0, 1, 3, a, square.b(), square.c(), null);
        assertFalse(Arrays.equals(R1csDigest.of(square), R1csDigest.of(twice)));
        // y as a public input instead of an output: same matrices, other counts
        R1cs asInput = new R1cs(3, 0, 1, 1, 3, square.a(), square.b(), square.c(), null);
        assertFalse(Arrays.equals(R1csDigest.of(square), R1csDigest.of(asInput)));
        // labels are not part of the relation
        R1cs labelled = new R1cs(3, 1, 0, 1, 9, square.a(), square.b(), square.c(), new long[] {0, 5, 7});
        assertArrayEquals(R1csDigest.of(square), R1csDigest.of(labelled));
    }

    @Test
    void theStreamedDigestEqualsTheDigestOfTheWholeEncoding() {
        // past the 64 KiB flush threshold, with empty rows, against a one-shot reference encoding
        SplittableRandom rng = new SplittableRandom(22);
        int rows = 3000;
        SparseMatrix[] abc = new SparseMatrix[3];
        for (int k = 0; k < 3; k++) {
            SparseMatrix.Builder b = SparseMatrix.builder();
            for (int i = 0; i < rows; i++) {
                int terms = rng.nextInt(4);
                for (int t = 0; t < terms; t++) {
                    b.add(rng.nextInt(50), Fr.random(rng));
                }
                b.endRow();
            }
            abc[k] = b.build();
        }
        R1cs big = new R1cs(50, 2, 3, 4, 50, abc[0], abc[1], abc[2], null);
        assertEquals(HEX.formatHex(referenceDigest(big)), HEX.formatHex(R1csDigest.of(big)));
        assertEquals(HEX.formatHex(referenceDigest(Circuits.square())), SQUARE_DIGEST);
    }

    private static byte[] referenceDigest(R1cs r) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes("foldline.r1cs.v1".getBytes(StandardCharsets.US_ASCII));
        for (int v : new int[] {r.nWires(), r.nPubOut(), r.nPubIn(), r.nPrvIn(), r.nConstraints()}) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
        }
        for (SparseMatrix m : new SparseMatrix[] {r.a(), r.b(), r.c()}) {
            for (int i = 0; i < m.rows(); i++) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(m.rowEnd(i) - m.rowStart(i)).array());
                for (int t = m.rowStart(i); t < m.rowEnd(i); t++) {
                    out.writeBytes(ByteBuffer.allocate(4).putInt(m.col(t)).array());
                    out.writeBytes(m.coeff(t).toBytesBE());
                }
            }
        }
        return Keccak256.digest(out.toByteArray());
    }

    private static G1Affine point(SplittableRandom rng) {
        return G1Affine.GENERATOR.mul(Fr.random(rng));
    }

    private static Fr[] scalars(SplittableRandom rng, int n) {
        Fr[] x = new Fr[n];
        for (int i = 0; i < n; i++) {
            x[i] = Fr.random(rng);
        }
        return x;
    }
}
