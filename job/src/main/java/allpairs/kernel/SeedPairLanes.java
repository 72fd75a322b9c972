package allpairs.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The seed kernel for a tile row on SIMD lanes across pairs: row i against LANES columns at once,
 * one pair per lane. Every lane computes the same cell (a, b) of its own pair's table, so d = a − b
 * is the same in every lane and no lane is wasted on the other side of the diagonal; the cells go
 * in row-major order, four in flight, each lane adding its terms in k order (the term exactly as in
 * {@link SeedVectorFill}: fma(s, d, c), c = 2³² where s·d < 0), and each finished cell is stored
 * into the lanes' tables and added to each lane's result right away, in row-major order: the
 * reduction's serial chain runs LANES pairs at once. Bit-identical to the definition per pair.
 * Loaded only after {@link SeedLanes#AVAILABLE} said yes.
 */
final class SeedPairLanes {
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    private static final double TWO_32 = 4294967296.0;

    private SeedPairLanes() {
    }

    /** Doubles of the per-group arrays an n-long row needs (s, the two wraps, zeros, the result). */
    static long scratchDoubles(int n) {
        return 4L * n * LANES + LANES + (long) n * n * LANES;
    }

    /**
     * The seed values of row {@code xOff} (in xs) against the LANES rows of ys at yOff[0 ..), all n
     * long, into out[at .. at+LANES).
     */
    static void group(byte[] xs, int xOff, byte[] ys, int[] yOff, int n, SeedKernel.Scratch sc, double[] out,
                      int at) {
        final int l = LANES;
        final double[] s = sc.laneSum;
        final double[] below = sc.laneWrapBelow;
        final double[] above = sc.laneWrapAbove;
        for (int lane = 0; lane < l; lane++) {
            final int y = yOff[lane];
            for (int k = 0; k < n; k++) {
                final int v = xs[xOff + k] + ys[y + k];
                s[k * l + lane] = v;
                below[k * l + lane] = v < 0 ? TWO_32 : 0.0;
                above[k * l + lane] = v > 0 ? TWO_32 : 0.0;
            }
        }
        java.util.Arrays.fill(sc.laneResult, 0.0);
        final int cells = n * n;
        int c = 0;
        for (; c + 4 <= cells; c += 4) {
            fourCells(sc, n, c);
        }
        for (; c < cells; c++) {
            oneCell(sc, n, c);
        }
        System.arraycopy(sc.laneResult, 0, out, at, l);
    }

    /** The wrap constants for a cell with this d: below the diagonal, above it, or none on it. */
    private static double[] wraps(SeedKernel.Scratch sc, int d) {
        return d > 0 ? sc.laneWrapBelow : d < 0 ? sc.laneWrapAbove : sc.laneZero;
    }

    /** Cells c .. c+3 (row-major) of every lane's table: filled, stored, added to the results in order. */
    private static void fourCells(SeedKernel.Scratch sc, int n, int c) {
        final int l = LANES;
        final double[] s = sc.laneSum;
        final int d0 = c / n - c % n;
        final int d1 = (c + 1) / n - (c + 1) % n;
        final int d2 = (c + 2) / n - (c + 2) % n;
        final int d3 = (c + 3) / n - (c + 3) % n;
        final double[] w0 = wraps(sc, d0);
        final double[] w1 = wraps(sc, d1);
        final double[] w2 = wraps(sc, d2);
        final double[] w3 = wraps(sc, d3);
        final DoubleVector dv0 = DoubleVector.broadcast(SPECIES, (double) d0);
        final DoubleVector dv1 = DoubleVector.broadcast(SPECIES, (double) d1);
        final DoubleVector dv2 = DoubleVector.broadcast(SPECIES, (double) d2);
        final DoubleVector dv3 = DoubleVector.broadcast(SPECIES, (double) d3);
        DoubleVector acc0 = DoubleVector.zero(SPECIES);
        DoubleVector acc1 = DoubleVector.zero(SPECIES);
        DoubleVector acc2 = DoubleVector.zero(SPECIES);
        DoubleVector acc3 = DoubleVector.zero(SPECIES);
        if (w0 == w1 && w1 == w2 && w2 == w3) { // four cells on one side of the diagonal: one wrap load per k
            for (int k = 0; k < n; k++) {
                final int at = k * l;
                final DoubleVector sk = DoubleVector.fromArray(SPECIES, s, at);
                final DoubleVector wk = DoubleVector.fromArray(SPECIES, w0, at);
                acc0 = acc0.add(sk.fma(dv0, wk));
                acc1 = acc1.add(sk.fma(dv1, wk));
                acc2 = acc2.add(sk.fma(dv2, wk));
                acc3 = acc3.add(sk.fma(dv3, wk));
            }
        } else {
            for (int k = 0; k < n; k++) {
                final int at = k * l;
                final DoubleVector sk = DoubleVector.fromArray(SPECIES, s, at);
                acc0 = acc0.add(sk.fma(dv0, DoubleVector.fromArray(SPECIES, w0, at)));
                acc1 = acc1.add(sk.fma(dv1, DoubleVector.fromArray(SPECIES, w1, at)));
                acc2 = acc2.add(sk.fma(dv2, DoubleVector.fromArray(SPECIES, w2, at)));
                acc3 = acc3.add(sk.fma(dv3, DoubleVector.fromArray(SPECIES, w3, at)));
            }
        }
        final double[] table = sc.laneTable;
        acc0.intoArray(table, c * l);
        acc1.intoArray(table, (c + 1) * l);
        acc2.intoArray(table, (c + 2) * l);
        acc3.intoArray(table, (c + 3) * l);
        DoubleVector.fromArray(SPECIES, sc.laneResult, 0).add(acc0).add(acc1).add(acc2).add(acc3)
                .intoArray(sc.laneResult, 0);
    }

    /** {@link #fourCells} for one cell (the last n² mod 4). */
    private static void oneCell(SeedKernel.Scratch sc, int n, int c) {
        final int l = LANES;
        final int d = c / n - c % n;
        final double[] w = wraps(sc, d);
        final DoubleVector dv = DoubleVector.broadcast(SPECIES, (double) d);
        DoubleVector acc = DoubleVector.zero(SPECIES);
        for (int k = 0; k < n; k++) {
            acc = acc.add(DoubleVector.fromArray(SPECIES, sc.laneSum, k * l)
                    .fma(dv, DoubleVector.fromArray(SPECIES, w, k * l)));
        }
        acc.intoArray(sc.laneTable, c * l);
        DoubleVector.fromArray(SPECIES, sc.laneResult, 0).add(acc).intoArray(sc.laneResult, 0);
    }
}
