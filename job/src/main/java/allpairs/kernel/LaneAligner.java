package allpairs.kernel;

import jdk.incubator.vector.ShortVector;
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
 * Scores s come from a profile rebuilt per p: for each query symbol a, the vector of s(a, y_lane[p]).
 * Lanes past their row's end see score 0, which can neither raise sw's best nor move nw's range.
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

    private LaneAligner() {
    }

    /**
     * Aligns the query (codes xc[0..n), scores table[a * 257 + byte], 256 = past the end) against
     * the column rows at offsets yOff[k], lengths yLen[k], k < count (count <= LANES; sorted or not).
     * Writes each lane's score to result[k], and whether it overflowed to overflow[k].
     */
    static void align(boolean local, int[] xc, int n, short[] table, int kx, byte[] ys, int[] yOff, int[] yLen,
                      int count, int o, int e, IntAlignment.LaneScratch s, int[] result, boolean[] overflow) {
        final int lanes = LANES;
        int maxLen = 0;
        for (int k = 0; k < count; k++) {
            maxLen = Math.max(maxLen, yLen[k]);
        }
        // No vector is carried from one iteration to the next: C2 (JDK 17) boxes vectors that flow
        // through loop phis (hundreds of bytes per cell). Neighbours are re-read from the arrays.
        short[] hPrev = s.h;
        short[] hCur = s.h2;
        short[] ev = s.e;
        short[] fv = s.f;
        short[] hiv = s.hi;
        short[] lov = s.lo;
        ShortVector vNeg = ShortVector.broadcast(SPECIES, NEG);
        for (int i = 0; i <= n; i++) {
            // Column 0: sw 0; nw H[i][0] = o + (i-1) e (H[0][0] = 0). E does not exist yet.
            ShortVector h0 = ShortVector.broadcast(SPECIES, (short) (local || i == 0 ? 0 : o + (i - 1) * e));
            h0.intoArray(hPrev, i * lanes);
            h0.intoArray(hiv, i * lanes);
            h0.intoArray(lov, i * lanes);
            vNeg.intoArray(ev, i * lanes);
        }
        vNeg.intoArray(fv, 0);
        short[] prof = s.profile;
        for (int p = 0; p < maxLen; p++) {
            buildProfile(table, kx, ys, yOff, yLen, count, p, prof);
            ShortVector.broadcast(SPECIES, (short) (local ? 0 : o + p * e)).intoArray(hCur, 0);
            if (local) {
                localColumn(xc, n, prof, hPrev, hCur, ev, fv, hiv, (short) o, (short) e);
            } else {
                globalColumn(xc, n, prof, hPrev, hCur, ev, fv, hiv, lov, (short) o, (short) e);
                // nw's value is H[n][len]: take it from the lanes whose row ends here.
                for (int k = 0; k < count; k++) {
                    if (yLen[k] == p + 1) {
                        result[k] = hCur[n * lanes + k];
                    }
                }
            }
            short[] t = hPrev;
            hPrev = hCur;
            hCur = t;
        }
        summarize(local, n, count, hiv, lov, s, result, overflow);
    }

    private static void localColumn(int[] xc, int n, short[] prof, short[] hPrev, short[] hCur, short[] ev,
                                    short[] fv, short[] hiv, short o, short e) {
        final int lanes = LANES;
        // Vectors are built here, not passed in: a vector argument to a call that is not inlined is boxed.
        ShortVector vo = ShortVector.broadcast(SPECIES, o);
        ShortVector ve = ShortVector.broadcast(SPECIES, e);
        ShortVector zero = ShortVector.zero(SPECIES);
        for (int i = 1, off = lanes; i <= n; i++, off += lanes) {
            ShortVector hLeft = ShortVector.fromArray(SPECIES, hPrev, off);
            ShortVector hDiag = ShortVector.fromArray(SPECIES, hPrev, off - lanes);
            ShortVector hUp = ShortVector.fromArray(SPECIES, hCur, off - lanes);
            ShortVector eNew = hLeft.add(vo).max(ShortVector.fromArray(SPECIES, ev, off).add(ve));
            ShortVector f = hUp.add(vo).max(ShortVector.fromArray(SPECIES, fv, off - lanes).add(ve));
            ShortVector hNew = hDiag.add(ShortVector.fromArray(SPECIES, prof, xc[i - 1] * lanes))
                    .max(eNew.max(f)).max(zero);
            ShortVector.fromArray(SPECIES, hiv, off).max(hNew).intoArray(hiv, off);
            hNew.intoArray(hCur, off);
            eNew.intoArray(ev, off);
            f.intoArray(fv, off);
        }
    }

    private static void globalColumn(int[] xc, int n, short[] prof, short[] hPrev, short[] hCur, short[] ev,
                                     short[] fv, short[] hiv, short[] lov, short o, short e) {
        final int lanes = LANES;
        ShortVector vo = ShortVector.broadcast(SPECIES, o);
        ShortVector ve = ShortVector.broadcast(SPECIES, e);
        for (int i = 1, off = lanes; i <= n; i++, off += lanes) {
            ShortVector hLeft = ShortVector.fromArray(SPECIES, hPrev, off);
            ShortVector hDiag = ShortVector.fromArray(SPECIES, hPrev, off - lanes);
            ShortVector hUp = ShortVector.fromArray(SPECIES, hCur, off - lanes);
            ShortVector eNew = hLeft.add(vo).max(ShortVector.fromArray(SPECIES, ev, off).add(ve));
            ShortVector f = hUp.add(vo).max(ShortVector.fromArray(SPECIES, fv, off - lanes).add(ve));
            ShortVector hNew = hDiag.add(ShortVector.fromArray(SPECIES, prof, xc[i - 1] * lanes)).max(eNew.max(f));
            ShortVector.fromArray(SPECIES, hiv, off).max(hNew).intoArray(hiv, off);
            ShortVector.fromArray(SPECIES, lov, off).min(hNew).intoArray(lov, off);
            hNew.intoArray(hCur, off);
            eNew.intoArray(ev, off);
            f.intoArray(fv, off);
        }
    }

    /** Reduces the per-position trackers to one per lane: sw's value, and each lane's overflow flag. */
    private static void summarize(boolean local, int n, int count, short[] hiv, short[] lov,
                                  IntAlignment.LaneScratch s, int[] result, boolean[] overflow) {
        final int lanes = LANES;
        ShortVector hi = ShortVector.fromArray(SPECIES, hiv, 0);
        ShortVector lo = ShortVector.fromArray(SPECIES, lov, 0);
        for (int i = 1; i <= n; i++) {
            hi = hi.max(ShortVector.fromArray(SPECIES, hiv, i * lanes));
            lo = lo.min(ShortVector.fromArray(SPECIES, lov, i * lanes));
        }
        hi.intoArray(s.last, 0);
        lo.intoArray(s.low, 0);
        for (int k = 0; k < count; k++) {
            if (local) {
                result[k] = s.last[k];
                overflow[k] = s.last[k] >= HIGH;
            } else {
                overflow[k] = s.last[k] >= HIGH || s.low[k] <= LOW;
            }
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
