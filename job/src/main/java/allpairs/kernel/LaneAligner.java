package allpairs.kernel;

import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Inter-sequence SIMD alignment (Rognes' SWIPE layout): one query row against up to {@link #LANES}
 * column rows at once, one column row per 16-bit lane, with the Vector API. Loaded only when the
 * {@code jdk.incubator.vector} module is present (see {@link IntAlignment#LANES_AVAILABLE}).
 *
 * <p>The DP runs over column positions p (outer) and query positions i (inner), in the
 * H formulation of Gotoh's recurrences (valid when gap-open <= gap-extend):
 * <pre>
 *   E[i][p] = max(H[i][p-1] + o, E[i][p-1] + e)     gap along the column row (stored per i)
 *   F[i][p] = max(H[i-1][p] + o, F[i-1][p] + e)     gap along the query (carried down i)
 *   H[i][p] = max(H[i-1][p-1] + s(x_i, y_p), E, F)  (sw: and 0)
 * </pre>
 * Scores s come from a profile rebuilt per p: for each query symbol a, the vector of s(a, y_lane[p]),
 * one rearrange of a's score vector when the column symbols fit in a vector ({@link QueryTable#laneRows}).
 * Lanes past their row's end see score 0, which can neither raise sw's best nor move nw's range.
 *
 * <p>Memory, not arithmetic, bounds this loop: H and E live interleaved in one array (one stream
 * per column), and the inner loop takes four query positions per iteration, carrying F, the
 * diagonal and the running max in registers between them; only at the iteration's end do they go
 * through a few L1-resident slots (C2 in JDK 17 boxes vectors that flow through loop phis).
 *
 * <p>Overflow: arithmetic wraps silently, so a lane is trusted only while every H it computed
 * stayed where no step can wrap: sw's best below {@link #HIGH}, nw's H within [{@link #LOW},
 * {@link #HIGH}] (tracked per lane). The first H beyond is itself exact (its inputs were in range),
 * so the trackers see it; such lanes are flagged and recomputed in 32 bits by the caller.
 */
final class LaneAligner {
    static final VectorSpecies<Short> SPECIES = ShortVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** The largest |score| the 16-bit lanes take; beyond, the 32-bit path. */
    static final int MAX_ABS = 700;
    /** "Minus infinity": a gap state that does not exist yet. NEG + e cannot wrap. */
    static final short NEG = -32000;
    static final int HIGH = 32767 - MAX_ABS - 1;
    static final int LOW = NEG + 2 * MAX_ABS;
    /** Slots (in vectors) of the column's carried state: F, the diagonal H, the max, the min. */
    private static final int F = 0;
    private static final int DIAG = LANES;
    private static final int MAX = 2 * LANES;
    private static final int MIN = 3 * LANES;
    static final int SLOTS = 4 * LANES;

    private LaneAligner() {
    }

    /**
     * Aligns the prepared query q against the column rows at offsets yOff[k], lengths yLen[k],
     * k < count (count <= LANES; sorted or not). Writes each lane's score to result[k], and whether
     * it overflowed to overflow[k].
     */
    static void align(boolean local, QueryTable q, byte[] ys, int[] yOff, int[] yLen, int count, int o, int e,
                      IntAlignment.LaneScratch s, int[] result, boolean[] overflow) {
        final int lanes = LANES;
        final int n = q.length;
        int maxLen = 0;
        for (int k = 0; k < count; k++) {
            maxLen = Math.max(maxLen, yLen[k]);
        }
        short[] he = s.h;
        short[] slots = s.slots;
        for (int i = 0; i <= n; i++) {
            // Column 0: sw 0; nw H[i][0] = o + (i-1) e (H[0][0] = 0). E does not exist yet.
            ShortVector.broadcast(SPECIES, (short) (local || i == 0 ? 0 : o + (i - 1) * e)).intoArray(he, 2 * i * lanes);
            ShortVector.broadcast(SPECIES, NEG).intoArray(he, (2 * i + 1) * lanes);
        }
        ShortVector.broadcast(SPECIES, (short) 0).intoArray(slots, MAX);
        ShortVector.broadcast(SPECIES, (short) 0).intoArray(slots, MIN);
        short[] prof = s.profile;
        for (int p = 0; p < maxLen; p++) {
            if (q.shuffled) {
                shuffleProfile(q, ys, yOff, yLen, count, p, s.columnCodes, prof);
            } else {
                buildProfile(q.table16, q.symbols, ys, yOff, yLen, count, p, prof);
            }
            // Row 0 of column p + 1, and the diagonal of row 1: H[0][p].
            ShortVector.fromArray(SPECIES, he, 0).intoArray(slots, DIAG);
            ShortVector.broadcast(SPECIES, (short) (local ? 0 : o + p * e)).intoArray(he, 0);
            ShortVector.broadcast(SPECIES, NEG).intoArray(slots, F);
            if (local) {
                localColumn(q.codes, n, prof, he, slots, (short) o, (short) e);
            } else {
                globalColumn(q.codes, n, prof, he, slots, (short) o, (short) e);
                // nw's value is H[n][len]: take it from the lanes whose row ends here.
                for (int k = 0; k < count; k++) {
                    if (yLen[k] == p + 1) {
                        result[k] = he[2 * n * lanes + k];
                    }
                }
            }
        }
        for (int k = 0; k < count; k++) {
            int hi = slots[MAX + k];
            if (local) {
                result[k] = hi;
                overflow[k] = hi >= HIGH;
            } else {
                overflow[k] = hi >= HIGH || slots[MIN + k] <= LOW;
            }
        }
    }

    /**
     * One column of sw: rows 1..n, four per iteration, then the rest one by one. he holds H[i][p]
     * and E[i][p] on entry (at 2i and 2i+1 vectors) and H[i][p+1], E[i][p+1] on exit.
     */
    private static void localColumn(int[] xc, int n, short[] prof, short[] he, short[] slots, short o, short e) {
        final int lanes = LANES;
        // Vectors are built here, not passed in: a vector argument to a call that is not inlined is boxed.
        final ShortVector vo = ShortVector.broadcast(SPECIES, o);
        final ShortVector ve = ShortVector.broadcast(SPECIES, e);
        // broadcast, not zero(): C2 (JDK 17) sometimes leaves zero() boxed, 80 bytes per column.
        final ShortVector zero = ShortVector.broadcast(SPECIES, (short) 0);
        int i = 1;
        for (; i + 3 <= n; i += 4) {
            int off = 2 * i * lanes;
            ShortVector f = ShortVector.fromArray(SPECIES, slots, F);
            ShortVector diag = ShortVector.fromArray(SPECIES, slots, DIAG);
            ShortVector up = ShortVector.fromArray(SPECIES, he, off - 2 * lanes);
            ShortVector left = ShortVector.fromArray(SPECIES, he, off);
            ShortVector eNew = left.add(vo).max(ShortVector.fromArray(SPECIES, he, off + lanes).add(ve));
            f = up.add(vo).max(f.add(ve));
            ShortVector h0 = diag.add(ShortVector.fromArray(SPECIES, prof, xc[i - 1] * lanes)).max(eNew.max(f)).max(zero);
            h0.intoArray(he, off);
            eNew.intoArray(he, off + lanes);
            diag = left;
            left = ShortVector.fromArray(SPECIES, he, off + 2 * lanes);
            eNew = left.add(vo).max(ShortVector.fromArray(SPECIES, he, off + 3 * lanes).add(ve));
            f = h0.add(vo).max(f.add(ve));
            ShortVector h1 = diag.add(ShortVector.fromArray(SPECIES, prof, xc[i] * lanes)).max(eNew.max(f)).max(zero);
            h1.intoArray(he, off + 2 * lanes);
            eNew.intoArray(he, off + 3 * lanes);
            diag = left;
            left = ShortVector.fromArray(SPECIES, he, off + 4 * lanes);
            eNew = left.add(vo).max(ShortVector.fromArray(SPECIES, he, off + 5 * lanes).add(ve));
            f = h1.add(vo).max(f.add(ve));
            ShortVector h2 = diag.add(ShortVector.fromArray(SPECIES, prof, xc[i + 1] * lanes)).max(eNew.max(f)).max(zero);
            h2.intoArray(he, off + 4 * lanes);
            eNew.intoArray(he, off + 5 * lanes);
            diag = left;
            left = ShortVector.fromArray(SPECIES, he, off + 6 * lanes);
            eNew = left.add(vo).max(ShortVector.fromArray(SPECIES, he, off + 7 * lanes).add(ve));
            f = h2.add(vo).max(f.add(ve));
            ShortVector h3 = diag.add(ShortVector.fromArray(SPECIES, prof, xc[i + 2] * lanes)).max(eNew.max(f)).max(zero);
            h3.intoArray(he, off + 6 * lanes);
            eNew.intoArray(he, off + 7 * lanes);
            f.intoArray(slots, F);
            left.intoArray(slots, DIAG);
            ShortVector.fromArray(SPECIES, slots, MAX).max(h0.max(h1).max(h2.max(h3))).intoArray(slots, MAX);
        }
        for (; i <= n; i++) {
            int off = 2 * i * lanes;
            ShortVector up = ShortVector.fromArray(SPECIES, he, off - 2 * lanes);
            ShortVector left = ShortVector.fromArray(SPECIES, he, off);
            ShortVector eNew = left.add(vo).max(ShortVector.fromArray(SPECIES, he, off + lanes).add(ve));
            ShortVector f = up.add(vo).max(ShortVector.fromArray(SPECIES, slots, F).add(ve));
            ShortVector h = ShortVector.fromArray(SPECIES, slots, DIAG)
                    .add(ShortVector.fromArray(SPECIES, prof, xc[i - 1] * lanes)).max(eNew.max(f)).max(zero);
            h.intoArray(he, off);
            eNew.intoArray(he, off + lanes);
            f.intoArray(slots, F);
            left.intoArray(slots, DIAG);
            ShortVector.fromArray(SPECIES, slots, MAX).max(h).intoArray(slots, MAX);
        }
    }

    /** One column of nw: as {@link #localColumn} without the 0, tracking each lane's min as well. */
    private static void globalColumn(int[] xc, int n, short[] prof, short[] he, short[] slots, short o, short e) {
        final int lanes = LANES;
        final ShortVector vo = ShortVector.broadcast(SPECIES, o);
        final ShortVector ve = ShortVector.broadcast(SPECIES, e);
        int i = 1;
        for (; i + 3 <= n; i += 4) {
            int off = 2 * i * lanes;
            ShortVector f = ShortVector.fromArray(SPECIES, slots, F);
            ShortVector diag = ShortVector.fromArray(SPECIES, slots, DIAG);
            ShortVector up = ShortVector.fromArray(SPECIES, he, off - 2 * lanes);
            ShortVector left = ShortVector.fromArray(SPECIES, he, off);
            ShortVector eNew = left.add(vo).max(ShortVector.fromArray(SPECIES, he, off + lanes).add(ve));
            f = up.add(vo).max(f.add(ve));
            ShortVector h0 = diag.add(ShortVector.fromArray(SPECIES, prof, xc[i - 1] * lanes)).max(eNew.max(f));
            h0.intoArray(he, off);
            eNew.intoArray(he, off + lanes);
            diag = left;
            left = ShortVector.fromArray(SPECIES, he, off + 2 * lanes);
            eNew = left.add(vo).max(ShortVector.fromArray(SPECIES, he, off + 3 * lanes).add(ve));
            f = h0.add(vo).max(f.add(ve));
            ShortVector h1 = diag.add(ShortVector.fromArray(SPECIES, prof, xc[i] * lanes)).max(eNew.max(f));
            h1.intoArray(he, off + 2 * lanes);
            eNew.intoArray(he, off + 3 * lanes);
            diag = left;
            left = ShortVector.fromArray(SPECIES, he, off + 4 * lanes);
            eNew = left.add(vo).max(ShortVector.fromArray(SPECIES, he, off + 5 * lanes).add(ve));
            f = h1.add(vo).max(f.add(ve));
            ShortVector h2 = diag.add(ShortVector.fromArray(SPECIES, prof, xc[i + 1] * lanes)).max(eNew.max(f));
            h2.intoArray(he, off + 4 * lanes);
            eNew.intoArray(he, off + 5 * lanes);
            diag = left;
            left = ShortVector.fromArray(SPECIES, he, off + 6 * lanes);
            eNew = left.add(vo).max(ShortVector.fromArray(SPECIES, he, off + 7 * lanes).add(ve));
            f = h2.add(vo).max(f.add(ve));
            ShortVector h3 = diag.add(ShortVector.fromArray(SPECIES, prof, xc[i + 2] * lanes)).max(eNew.max(f));
            h3.intoArray(he, off + 6 * lanes);
            eNew.intoArray(he, off + 7 * lanes);
            f.intoArray(slots, F);
            left.intoArray(slots, DIAG);
            ShortVector.fromArray(SPECIES, slots, MAX).max(h0.max(h1).max(h2.max(h3))).intoArray(slots, MAX);
            ShortVector.fromArray(SPECIES, slots, MIN).min(h0.min(h1).min(h2.min(h3))).intoArray(slots, MIN);
        }
        for (; i <= n; i++) {
            int off = 2 * i * lanes;
            ShortVector up = ShortVector.fromArray(SPECIES, he, off - 2 * lanes);
            ShortVector left = ShortVector.fromArray(SPECIES, he, off);
            ShortVector eNew = left.add(vo).max(ShortVector.fromArray(SPECIES, he, off + lanes).add(ve));
            ShortVector f = up.add(vo).max(ShortVector.fromArray(SPECIES, slots, F).add(ve));
            ShortVector h = ShortVector.fromArray(SPECIES, slots, DIAG)
                    .add(ShortVector.fromArray(SPECIES, prof, xc[i - 1] * lanes)).max(eNew.max(f));
            h.intoArray(he, off);
            eNew.intoArray(he, off + lanes);
            f.intoArray(slots, F);
            left.intoArray(slots, DIAG);
            ShortVector.fromArray(SPECIES, slots, MAX).max(h).intoArray(slots, MAX);
            ShortVector.fromArray(SPECIES, slots, MIN).min(h).intoArray(slots, MIN);
        }
    }

    /** prof[a * LANES + k] = s(a, y_k[p]): each query symbol's score vector, rearranged by the column codes. */
    private static void shuffleProfile(QueryTable q, byte[] ys, int[] yOff, int[] yLen, int count, int p,
                                       short[] codes, short[] prof) {
        final int lanes = LANES;
        final int[] columnCode = q.columnCode;
        for (int k = 0; k < lanes; k++) {
            codes[k] = (short) columnCode[k < count && p < yLen[k] ? ys[yOff[k] + p] & 0xff : 256];
        }
        final short[] rows = q.laneRows;
        for (int a = 0, kx = q.symbols; a < kx; a++) {
            // The shuffle is rebuilt per symbol (a load and a convert) so that no vector lives across
            // this loop's safepoint: C2 (JDK 17) may box such a value.
            VectorShuffle<Short> shuffle = ShortVector.fromArray(SPECIES, codes, 0).toShuffle();
            ShortVector.fromArray(SPECIES, rows, a * lanes).rearrange(shuffle).intoArray(prof, a * lanes);
        }
    }

    /** prof[a * LANES + k] = s(a, y_k[p]), or 0 past the end of row k (and in unused lanes). */
    private static void buildProfile(short[] table, int kx, byte[] ys, int[] yOff, int[] yLen, int count, int p,
                                     short[] prof) {
        final int lanes = LANES;
        for (int k = 0; k < lanes; k++) {
            int b = k < count && p < yLen[k] ? ys[yOff[k] + p] & 0xff : 256;
            for (int a = 0, t = b; a < kx; a++, t += 257) {
                prof[a * lanes + k] = table[t];
            }
        }
    }
}
