package allpairs.kernel;

import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Inter-sequence SIMD alignment (Rognes' SWIPE layout): one query row against any number of column
 * rows, {@link #LANES} at once, one column row per 16-bit lane, each lane taking the next row as soon
 * as its own ends, with the Vector API. Loaded only when the
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
 * Idle lanes (no row left to take) see score 0; nothing reads their values.
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
     * Aligns the prepared query q against the column rows at offsets yOff[c], lengths yLen[c] >= 1,
     * c < count (any count), in that order: each lane takes the next row as soon as its own ends
     * (Rognes' SWIPE, as {@link ByteLaneAligner}), so lanes idle only at the very end; callers pass
     * the longest rows first. Writes each row's score to result[c], and whether it overflowed to
     * overflow[c].
     */
    static void align(boolean local, QueryTable q, byte[] ys, int[] yOff, int[] yLen, int count, int o, int e,
                      IntAlignment.LaneScratch s, int[] result, boolean[] overflow) {
        final int lanes = LANES;
        final int n = q.length;
        short[] he = s.h;
        short[] slots = s.slots;
        int[] row = s.laneRow;
        int[] pos = s.lanePos;
        int next = 0;
        int active = 0;
        for (int k = 0; k < lanes; k++) {
            row[k] = next < count ? next++ : -1;
            active += row[k] >= 0 ? 1 : 0;
            restart(local, he, slots, pos, k, n, o, e);
        }
        short[] prof = s.profile;
        while (active > 0) {
            if (q.shuffled) {
                shuffleProfile(q, ys, yOff, row, pos, s.columnCodes, prof);
            } else {
                buildProfile(q.table16, q.symbols, ys, yOff, row, pos, prof);
            }
            // The diagonal of row 1 is H[0][p]; row 0 of the next column, H[0][p + 1], is sw's 0 or
            // nw's leading gap, which depends on each lane's own position.
            ShortVector.fromArray(SPECIES, he, 0).intoArray(slots, DIAG);
            if (!local) {
                for (int k = 0; k < lanes; k++) {
                    he[k] = (short) (row[k] < 0 ? 0 : o + pos[k] * e); // idle lanes: any value, never read
                }
            }
            ShortVector.broadcast(SPECIES, NEG).intoArray(slots, F);
            if (local) {
                localColumn(q.codes, n, prof, he, slots, (short) o, (short) e);
            } else {
                globalColumn(q.codes, n, prof, he, slots, (short) o, (short) e);
            }
            int[] state = s.next;
            state[0] = next;
            active -= retire(local, he, slots, row, pos, yLen, count, state, n, o, e, result, overflow);
            next = state[0];
        }
    }

    /**
     * After a column: each lane whose row just ended gives its score (sw: its best; nw: H[n][len],
     * just computed) and takes the next row (state[0], advanced), or goes idle. Returns the lanes
     * that went idle.
     */
    private static int retire(boolean local, short[] he, short[] slots, int[] row, int[] pos, int[] yLen, int count,
                              int[] state, int n, int o, int e, int[] result, boolean[] overflow) {
        final int lanes = LANES;
        int idle = 0;
        for (int k = 0; k < lanes; k++) {
            int c = row[k];
            if (c < 0 || ++pos[k] < yLen[c]) {
                continue;
            }
            int hi = slots[MAX + k];
            result[c] = local ? hi : he[2 * n * lanes + k];
            overflow[c] = hi >= HIGH || !local && slots[MIN + k] <= LOW;
            if (state[0] < count) {
                row[k] = state[0]++;
                restart(local, he, slots, pos, k, n, o, e);
            } else {
                row[k] = -1;
                idle++;
            }
        }
        return idle;
    }

    /**
     * Lane k back to column 0 for its next row: H[i][0] (sw 0, nw o + (i-1) e, H[0][0] = 0), no E
     * yet, its trackers back to 0, its position to 0.
     */
    private static void restart(boolean local, short[] he, short[] slots, int[] pos, int k, int n, int o, int e) {
        final int lanes = LANES;
        for (int i = 0, off = k; i <= n; i++, off += 2 * lanes) {
            he[off] = (short) (local || i == 0 ? 0 : o + (i - 1) * e);
            he[off + lanes] = NEG;
        }
        slots[MAX + k] = 0;
        slots[MIN + k] = 0;
        pos[k] = 0;
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

    /** prof[a * LANES + k] = s(a, y of lane k at its position) (0 in idle lanes): one rearrange per query symbol. */
    private static void shuffleProfile(QueryTable q, byte[] ys, int[] yOff, int[] row, int[] pos, short[] codes,
                                       short[] prof) {
        final int lanes = LANES;
        final int[] columnCode = q.columnCode;
        for (int k = 0; k < lanes; k++) {
            int c = row[k];
            codes[k] = (short) columnCode[c >= 0 ? ys[yOff[c] + pos[k]] & 0xff : 256];
        }
        final short[] rows = q.laneRows;
        for (int a = 0, kx = q.symbols; a < kx; a++) {
            // The shuffle is rebuilt per symbol (a load and a convert) so that no vector lives across
            // this loop's safepoint: C2 (JDK 17) may box such a value.
            VectorShuffle<Short> shuffle = ShortVector.fromArray(SPECIES, codes, 0).toShuffle();
            ShortVector.fromArray(SPECIES, rows, a * lanes).rearrange(shuffle).intoArray(prof, a * lanes);
        }
    }

    /** prof[a * LANES + k] = s(a, y of lane k at its position), or 0 in idle lanes. */
    private static void buildProfile(short[] table, int kx, byte[] ys, int[] yOff, int[] row, int[] pos,
                                     short[] prof) {
        final int lanes = LANES;
        for (int k = 0; k < lanes; k++) {
            int c = row[k];
            int b = c >= 0 ? ys[yOff[c] + pos[k]] & 0xff : 256;
            for (int a = 0, t = b; a < kx; a++, t += 257) {
                prof[a * lanes + k] = table[t];
            }
        }
    }
}
