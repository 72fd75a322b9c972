package allpairs.kernel;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LaneAligner}'s sw in 8-bit lanes: twice the columns per vector, and lanes refilled as
 * their rows end. Unrelated proteins score
 * far below 127 (BLOSUM62, gap-open -10: typically 20 to 60), so most pairs finish here; a lane
 * whose best reaches {@code high} (127 - the largest |score| - 1: no step from below can wrap) is
 * flagged and its pair recomputed in 16 bits by the caller. Same recurrences, layout and slots as
 * LaneAligner; only for sw (nw's scores run negative with the lengths), and only when the column
 * codes fit in one vector ({@link QueryTable#laneRows8}).
 */
final class ByteLaneAligner {
    static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** The largest |score| the 8-bit lanes take. */
    static final int MAX_ABS = 40;
    /** E and F before they exist; NEG + e cannot wrap. */
    static final byte NEG = -128 + MAX_ABS;
    private static final int F = 0;
    private static final int DIAG = LANES;
    private static final int MAX = 2 * LANES;
    static final int SLOTS = 3 * LANES;

    private ByteLaneAligner() {
    }

    /**
     * sw of the prepared query q against the column rows at offsets yOff[c], lengths yLen[c] >= 1,
     * c < count (any count), in that order: each lane takes the next row as soon as its own ends
     * (Rognes' SWIPE), so lanes idle only at the very end. Writes each row's score to result[c], and
     * whether it overflowed to overflow[c]; maxAbs is the kernel's largest |score| (at most MAX_ABS).
     */
    static void align(QueryTable q, byte[] ys, int[] yOff, int[] yLen, int count, int o, int e, int maxAbs,
                      IntAlignment.ByteScratch s, int[] result, boolean[] overflow) {
        final int lanes = LANES;
        final int n = q.length;
        final int high = 127 - maxAbs - 1;
        byte[] he = s.h;
        byte[] slots = s.slots;
        int[] row = s.laneRow;
        int[] pos = s.lanePos;
        for (int i = 0; i <= n; i++) {
            ByteVector.broadcast(SPECIES, (byte) 0).intoArray(he, 2 * i * lanes);
            ByteVector.broadcast(SPECIES, NEG).intoArray(he, (2 * i + 1) * lanes);
        }
        ByteVector.broadcast(SPECIES, (byte) 0).intoArray(slots, MAX);
        int next = 0;
        int active = 0;
        for (int k = 0; k < lanes; k++) {
            row[k] = next < count ? next++ : -1;
            pos[k] = 0;
            active += row[k] >= 0 ? 1 : 0;
        }
        byte[] prof = s.profile;
        while (active > 0) {
            shuffleProfile(q, ys, yOff, row, pos, s.columnCodes, prof);
            ByteVector.broadcast(SPECIES, (byte) 0).intoArray(slots, DIAG);
            ByteVector.broadcast(SPECIES, NEG).intoArray(slots, F);
            column(q.codes, n, prof, he, slots, (byte) o, (byte) e);
            for (int k = 0; k < lanes; k++) {
                int c = row[k];
                if (c < 0 || ++pos[k] < yLen[c]) {
                    continue;
                }
                result[c] = slots[MAX + k];
                overflow[c] = slots[MAX + k] >= high;
                if (next < count) {
                    row[k] = next++;
                    pos[k] = 0;
                    restart(he, slots, k, n);
                } else {
                    row[k] = -1;
                    active--;
                }
            }
        }
    }

    /** Lane k back to column 0 (H 0, no E) for its next row; its best back to 0. */
    private static void restart(byte[] he, byte[] slots, int k, int n) {
        final int lanes = LANES;
        for (int i = 0, off = k; i <= n; i++, off += 2 * lanes) {
            he[off] = 0;
            he[off + lanes] = NEG;
        }
        slots[MAX + k] = 0;
    }

    /** One column: rows 1..n, four per iteration, then the rest one by one (see LaneAligner). */
    private static void column(int[] xc, int n, byte[] prof, byte[] he, byte[] slots, byte o, byte e) {
        final int lanes = LANES;
        final ByteVector vo = ByteVector.broadcast(SPECIES, o);
        final ByteVector ve = ByteVector.broadcast(SPECIES, e);
        // broadcast, not zero(): C2 (JDK 17) sometimes leaves zero() boxed, 80 bytes per column.
        final ByteVector zero = ByteVector.broadcast(SPECIES, (byte) 0);
        int i = 1;
        for (; i + 3 <= n; i += 4) {
            int off = 2 * i * lanes;
            ByteVector f = ByteVector.fromArray(SPECIES, slots, F);
            ByteVector diag = ByteVector.fromArray(SPECIES, slots, DIAG);
            ByteVector up = ByteVector.fromArray(SPECIES, he, off - 2 * lanes);
            ByteVector left = ByteVector.fromArray(SPECIES, he, off);
            ByteVector eNew = left.add(vo).max(ByteVector.fromArray(SPECIES, he, off + lanes).add(ve));
            f = up.add(vo).max(f.add(ve));
            ByteVector h0 = diag.add(ByteVector.fromArray(SPECIES, prof, xc[i - 1] * lanes)).max(eNew.max(f)).max(zero);
            h0.intoArray(he, off);
            eNew.intoArray(he, off + lanes);
            diag = left;
            left = ByteVector.fromArray(SPECIES, he, off + 2 * lanes);
            eNew = left.add(vo).max(ByteVector.fromArray(SPECIES, he, off + 3 * lanes).add(ve));
            f = h0.add(vo).max(f.add(ve));
            ByteVector h1 = diag.add(ByteVector.fromArray(SPECIES, prof, xc[i] * lanes)).max(eNew.max(f)).max(zero);
            h1.intoArray(he, off + 2 * lanes);
            eNew.intoArray(he, off + 3 * lanes);
            diag = left;
            left = ByteVector.fromArray(SPECIES, he, off + 4 * lanes);
            eNew = left.add(vo).max(ByteVector.fromArray(SPECIES, he, off + 5 * lanes).add(ve));
            f = h1.add(vo).max(f.add(ve));
            ByteVector h2 = diag.add(ByteVector.fromArray(SPECIES, prof, xc[i + 1] * lanes)).max(eNew.max(f)).max(zero);
            h2.intoArray(he, off + 4 * lanes);
            eNew.intoArray(he, off + 5 * lanes);
            diag = left;
            left = ByteVector.fromArray(SPECIES, he, off + 6 * lanes);
            eNew = left.add(vo).max(ByteVector.fromArray(SPECIES, he, off + 7 * lanes).add(ve));
            f = h2.add(vo).max(f.add(ve));
            ByteVector h3 = diag.add(ByteVector.fromArray(SPECIES, prof, xc[i + 2] * lanes)).max(eNew.max(f)).max(zero);
            h3.intoArray(he, off + 6 * lanes);
            eNew.intoArray(he, off + 7 * lanes);
            f.intoArray(slots, F);
            left.intoArray(slots, DIAG);
            ByteVector.fromArray(SPECIES, slots, MAX).max(h0.max(h1).max(h2.max(h3))).intoArray(slots, MAX);
        }
        for (; i <= n; i++) {
            int off = 2 * i * lanes;
            ByteVector up = ByteVector.fromArray(SPECIES, he, off - 2 * lanes);
            ByteVector left = ByteVector.fromArray(SPECIES, he, off);
            ByteVector eNew = left.add(vo).max(ByteVector.fromArray(SPECIES, he, off + lanes).add(ve));
            ByteVector f = up.add(vo).max(ByteVector.fromArray(SPECIES, slots, F).add(ve));
            ByteVector h = ByteVector.fromArray(SPECIES, slots, DIAG)
                    .add(ByteVector.fromArray(SPECIES, prof, xc[i - 1] * lanes)).max(eNew.max(f)).max(zero);
            h.intoArray(he, off);
            eNew.intoArray(he, off + lanes);
            f.intoArray(slots, F);
            left.intoArray(slots, DIAG);
            ByteVector.fromArray(SPECIES, slots, MAX).max(h).intoArray(slots, MAX);
        }
    }

    /** prof[a * LANES + k] = s(a, y of lane k at its position) (0 in idle lanes): one rearrange per query symbol. */
    private static void shuffleProfile(QueryTable q, byte[] ys, int[] yOff, int[] row, int[] pos, byte[] codes,
                                       byte[] prof) {
        final int lanes = LANES;
        final int[] columnCode = q.columnCode;
        for (int k = 0; k < lanes; k++) {
            int c = row[k];
            codes[k] = (byte) columnCode[c >= 0 ? ys[yOff[c] + pos[k]] & 0xff : 256];
        }
        final byte[] rows = q.laneRows8;
        for (int a = 0, kx = q.symbols; a < kx; a++) {
            // The shuffle is rebuilt per symbol (a load and a convert) so that no vector lives across
            // this loop's safepoint: C2 (JDK 17) may box such a value.
            VectorShuffle<Byte> shuffle = ByteVector.fromArray(SPECIES, codes, 0).toShuffle();
            ByteVector.fromArray(SPECIES, rows, a * lanes).rearrange(shuffle).intoArray(prof, a * lanes);
        }
    }
}
