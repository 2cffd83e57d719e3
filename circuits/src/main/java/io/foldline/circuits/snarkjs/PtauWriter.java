package io.foldline.circuits.snarkjs;

import io.foldline.crypto.bn254.internal.MontField;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams a {@code .ptau} file in snarkjs's section order (header, 2-7, then 12-15 when prepared for
 * phase 2): each section is opened, filled with points in any number of chunks, and closed; the writer
 * checks that every section gets exactly the number of points its size requires. {@link #commit()}
 * publishes the file atomically.
 */
public final class PtauWriter implements AutoCloseable {
    private static final int[] ORDER = {2, 3, 4, 5, 6, 7, 12, 13, 14, 15};

    private final BinFileWriter w;
    private final int power;
    private final int nSections;
    private int next;            // index into ORDER of the next section to write
    private int open = -1;       // id of the open point section
    private long pointsLeft;

    private PtauWriter(BinFileWriter w, int power, int nSections) {
        this.w = w;
        this.power = power;
        this.nSections = nSections;
    }

    /**
     * @param prepared whether sections 12-15 (Lagrange bases) will follow the contributions
     */
    public static PtauWriter create(Path path, int power, int ceremonyPower, boolean prepared) {
        if (power < 1 || power > PtauFile.MAX_POWER || ceremonyPower < power || ceremonyPower > PtauFile.MAX_POWER) {
            throw new IllegalArgumentException("need 1 <= power " + power + " <= ceremonyPower " + ceremonyPower
                    + " <= " + PtauFile.MAX_POWER);
        }
        int nSections = prepared ? 11 : 7;
        BinFileWriter w = BinFileWriter.create(path, PtauFile.MAGIC, 1, nSections);
        w.beginSection(PtauFile.HEADER);
        w.u32(32);
        w.bigInteger(MontField.FQ.modulus, 32);
        w.u32(power);
        w.u32(ceremonyPower);
        w.endSection();
        return new PtauWriter(w, power, nSections);
    }

    /** The number of points section {@code id} holds for a file of {@code power}. */
    public static long pointCount(int id, int power) {
        long n = 1L << power;
        return switch (id) {
            case PtauFile.TAU_G1 -> 2 * n - 1;
            case PtauFile.TAU_G2, PtauFile.ALPHA_TAU_G1, PtauFile.BETA_TAU_G1 -> n;
            case PtauFile.BETA_G2 -> 1;
            case PtauFile.LAGRANGE_TAU_G1 -> 4 * n - 1;
            case PtauFile.LAGRANGE_TAU_G2, PtauFile.LAGRANGE_ALPHA_TAU_G1, PtauFile.LAGRANGE_BETA_TAU_G1 -> 2 * n - 1;
            default -> throw new IllegalArgumentException("section " + id + " holds no points");
        };
    }

    static boolean isG2(int id) {
        return id == PtauFile.TAU_G2 || id == PtauFile.BETA_G2 || id == PtauFile.LAGRANGE_TAU_G2;
    }

    /** Opens the next point section, which must be {@code id} (sections go in snarkjs's order). */
    public void beginSection(int id) {
        expectNext(id);
        if (id == PtauFile.CONTRIBUTIONS) {
            throw new IllegalArgumentException("section 7 is written with contributions(...)");
        }
        w.beginSection(id);
        open = id;
        pointsLeft = pointCount(id, power);
    }

    /** Appends {@code count} G1 points (8 limbs each) from {@code src[off..]} to the open section. */
    public void g1(long[] src, int off, int count) {
        points(false, src, off, count);
    }

    /** Appends {@code count} G2 points (16 limbs each). */
    public void g2(long[] src, int off, int count) {
        points(true, src, off, count);
    }

    private void points(boolean g2, long[] src, int off, int count) {
        if (open < 0) {
            throw new IllegalStateException("no open section");
        }
        if (isG2(open) != g2) {
            throw new IllegalArgumentException("section " + open + " holds " + (isG2(open) ? "G2" : "G1") + " points");
        }
        if (count > pointsLeft) {
            throw new IllegalArgumentException("section " + open + " takes only " + pointsLeft + " more points, got "
                    + count);
        }
        w.longs(src, off, (g2 ? 16 : 8) * count);
        pointsLeft -= count;
    }

    public void endSection() {
        if (open < 0) {
            throw new IllegalStateException("no open section");
        }
        if (pointsLeft != 0) {
            throw new IllegalStateException("section " + open + " still needs " + pointsLeft + " points");
        }
        w.endSection();
        open = -1;
    }

    /** Writes section 7. */
    public void contributions(List<PtauContribution> contributions) {
        expectNext(PtauFile.CONTRIBUTIONS);
        w.beginSection(PtauFile.CONTRIBUTIONS);
        w.u32(contributions.size());
        for (PtauContribution c : contributions) {
            c.write(w);
        }
        w.endSection();
    }

    private void expectNext(int id) {
        if (open >= 0) {
            throw new IllegalStateException("section " + open + " is still open");
        }
        if (next >= nSections - 1 || ORDER[next] != id) {
            throw new IllegalStateException("expected " + (next < nSections - 1 ? "section " + ORDER[next] : "no more sections")
                    + ", got section " + id);
        }
        next++;
    }

    public void commit() {
        w.commit();
    }

    @Override
    public void close() {
        w.close();
    }
}
