package allpairs.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The seed kernel's scratch table (expensive_function_1) on SIMD lanes: the only class that names a
 * {@code jdk.incubator.vector} type, loaded only after {@link SeedLanes#AVAILABLE} said yes.
 *
 * <p>Each lane is one cell (a, b) and adds its own terms in k order, as the definition does, so the
 * table is bit-identical to the scalar loops. The term (uint32) ((x[k] + y[k]) * (a - b)) is made in
 * doubles, exactly: with s = x[k] + y[k] and d = a - b, the product s·d is a small integer (|s·d| <
 * 2^31), and its unsigned 32-bit value is s·d, plus 2^32 when s·d < 0, so it is fma(s, d, c) with
 * c = 0 or 2^32: one rounding of an exact integer below 2^32, that is none. Whether s·d < 0 depends on
 * the signs of s and d; cells left of the diagonal (d > 0) take c from {@code wrapBelow} (2^32 where
 * s < 0), cells right of it (d < 0) from {@code wrapAbove} (2^32 where s > 0), so a vector job stays
 * on one side: per row, the jobs start at b = 0, L, 2L ... below the diagonal and at b = a+1, a+1+L
 * ... above it. A job's last vector may run past its side; its extra lanes are stored and then
 * overwritten by a later job or the diagonal cell (jobs store in increasing offset order), or land
 * in the table's padding. The diagonal cells (d = 0) are done by the scalar loop, just before the
 * reduction reaches them.
 */
final class SeedVectorFill {
    /** Chosen at start: the widest double vector this CPU runs natively (8 lanes on AVX-512, 4 on AVX2). */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** 0, 1, ..., LANES-1: a job's d lanes are d0 - lane. */
    private static final double[] LANE_INDEX = laneIndex();
    private static final double TWO_32 = 4294967296.0;

    private SeedVectorFill() {
    }

    private static double[] laneIndex() {
        double[] lanes = new double[LANES];
        for (int l = 0; l < LANES; l++) {
            lanes[l] = l;
        }
        return lanes;
    }

    static int lanes() {
        return LANES;
    }

    /** A job stores LANES cells from a start inside the table: at most LANES - 1 past its end. */
    static int overshoot() {
        return LANES;
    }

    /** Jobs per table: per row, ceil(a / L) below and ceil((n - 1 - a) / L) above the diagonal. */
    static int maxJobs(int n) {
        return n * ((n + LANES - 1) / LANES + 2);
    }

    /**
     * Fills scratch.tmp[0 .. n*n) for the row sums already in scratch.sum and returns its row-major
     * sum (expensive_function_2, one accumulator, scalar and in order).
     */
    static double tableSum(SeedKernel.Scratch scratch, int n) {
        if (scratch.plannedN != n) {
            plan(scratch, n);
        }
        final int[] sum = scratch.sum;
        final double[] s = scratch.sumAsDouble;
        final double[] below = scratch.wrapBelow;
        final double[] above = scratch.wrapAbove;
        for (int k = 0; k < n; k++) {
            final int v = sum[k];
            s[k] = v;
            below[k] = v < 0 ? TWO_32 : 0.0;
            above[k] = v > 0 ? TWO_32 : 0.0;
        }
        return runJobs(scratch, n);
    }

    /**
     * Adds tmp[from .. to) to result in row-major order, first writing each diagonal cell (d = 0, the
     * scalar loop's n zero terms) it meets: every job that may store over it has stored by then.
     */
    private static double reduce(double result, SeedKernel.Scratch scratch, int n, int from, int to) {
        final double[] tmp = scratch.tmp;
        double r = result;
        int c = from;
        while (c < to) {
            final int diagonal = (c + n) / (n + 1) * (n + 1); // the first a*(n+1) >= c
            final int end = Math.min(to, diagonal);
            for (; c < end; c++) {
                r += tmp[c];
            }
            if (c == diagonal && c < to) {
                tmp[c] = SeedKernel.cell(scratch.sum, n, 0);
                r += tmp[c++];
            }
        }
        return r;
    }

    /** The vector jobs of an n×n table, in increasing offset order. */
    private static void plan(SeedKernel.Scratch scratch, int n) {
        int j = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b += LANES) {
                j = addJob(scratch, j, a * n + b);
            }
            for (int b = a + 1; b < n; b += LANES) {
                j = addJob(scratch, j, a * n + b);
            }
        }
        scratch.jobs = j;
        scratch.plannedN = n;
    }

    private static int addJob(SeedKernel.Scratch scratch, int j, int offset) {
        scratch.jobOffset[j] = offset;
        return j + 1;
    }

    /** The d = a - b of a job's first lane, from its offset a*n + b. */
    private static int diff(int offset, int n) {
        final int a = offset / n;
        return a - (offset - a * n);
    }

    /**
     * Four jobs in flight (measured, see the README): one k loop feeds four independent add chains,
     * so the adder's latency is hidden; the remainder runs one job at a time. After each group the
     * cells before the next job's offset are final and are added to the result: the reduction's
     * serial add chain then overlaps the next group's vector work instead of following it.
     */
    private static double runJobs(SeedKernel.Scratch scratch, int n) {
        final double[] s = scratch.sumAsDouble;
        final double[] tmp = scratch.tmp;
        final int[] offset = scratch.jobOffset;
        final int jobs = scratch.jobs;
        double result = 0.0;
        int reduced = 0; // tmp[0 .. reduced) is already in result
        int j = 0;
        for (; j + 4 <= jobs; j += 4) {
            // loaded per job group, not once per call: a vector live across both loops is boxed (80 B)
            final DoubleVector lane = DoubleVector.fromArray(SPECIES, LANE_INDEX, 0);
            final int diff0 = diff(offset[j], n);
            final DoubleVector d0 = DoubleVector.broadcast(SPECIES, (double) diff0).sub(lane);
            final int diff1 = diff(offset[j + 1], n);
            final DoubleVector d1 = DoubleVector.broadcast(SPECIES, (double) diff1).sub(lane);
            final int diff2 = diff(offset[j + 2], n);
            final DoubleVector d2 = DoubleVector.broadcast(SPECIES, (double) diff2).sub(lane);
            final int diff3 = diff(offset[j + 3], n);
            final DoubleVector d3 = DoubleVector.broadcast(SPECIES, (double) diff3).sub(lane);
            final double[] c0 = diff0 > 0 ? scratch.wrapBelow : scratch.wrapAbove;
            final double[] c1 = diff1 > 0 ? scratch.wrapBelow : scratch.wrapAbove;
            final double[] c2 = diff2 > 0 ? scratch.wrapBelow : scratch.wrapAbove;
            final double[] c3 = diff3 > 0 ? scratch.wrapBelow : scratch.wrapAbove;
            DoubleVector acc0 = DoubleVector.zero(SPECIES);
            DoubleVector acc1 = DoubleVector.zero(SPECIES);
            DoubleVector acc2 = DoubleVector.zero(SPECIES);
            DoubleVector acc3 = DoubleVector.zero(SPECIES);
            for (int k = 0; k < n; k++) {
                final DoubleVector sk = DoubleVector.broadcast(SPECIES, s[k]);
                acc0 = acc0.add(sk.fma(d0, DoubleVector.broadcast(SPECIES, c0[k])));
                acc1 = acc1.add(sk.fma(d1, DoubleVector.broadcast(SPECIES, c1[k])));
                acc2 = acc2.add(sk.fma(d2, DoubleVector.broadcast(SPECIES, c2[k])));
                acc3 = acc3.add(sk.fma(d3, DoubleVector.broadcast(SPECIES, c3[k])));
            }
            acc0.intoArray(tmp, offset[j]);
            acc1.intoArray(tmp, offset[j + 1]);
            acc2.intoArray(tmp, offset[j + 2]);
            acc3.intoArray(tmp, offset[j + 3]);
            final int ready = j + 4 < jobs ? offset[j + 4] : n * n;
            result = reduce(result, scratch, n, reduced, ready);
            reduced = ready;
        }
        for (; j < jobs; j++) {
            final DoubleVector lane = DoubleVector.fromArray(SPECIES, LANE_INDEX, 0);
            final int diff = diff(offset[j], n);
            final DoubleVector d = DoubleVector.broadcast(SPECIES, (double) diff).sub(lane);
            final double[] c = diff > 0 ? scratch.wrapBelow : scratch.wrapAbove;
            DoubleVector acc = DoubleVector.zero(SPECIES);
            for (int k = 0; k < n; k++) {
                acc = acc.add(DoubleVector.broadcast(SPECIES, s[k]).fma(d, DoubleVector.broadcast(SPECIES, c[k])));
            }
            acc.intoArray(tmp, offset[j]);
        }
        return reduce(result, scratch, n, reduced, n * n);
    }
}
