package allpairs.kernel;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API loops of {@link MyersLanes}: one text per 64-bit lane, all lanes against the same
 * pattern, the same word operations as {@link MyersPattern}'s scalar loops (so the same bits). The
 * only class naming a {@code jdk.incubator.vector} type for levenshtein, loaded only after
 * {@link MyersLanes#AVAILABLE} said yes. The lanes' state lives in {@link MyersLanes}' arrays between
 * chunks of text columns (a vector live across an outer loop would be boxed by C2 in JDK 17); inside
 * a chunk it stays in registers. The bounded loop tests "every lane beyond k" on the stored lanes,
 * not with {@code VectorMask.allTrue()} (tried first against nw/sw's lane loops allocating after these
 * in the same JVM; the cause was elsewhere, see {@link VectorWarmup}).
 */
final class MyersLaneLoops {
    /** Chosen at start: the widest long vector this CPU runs natively (8 lanes on AVX-512, 4 on AVX2). */
    static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();

    private MyersLaneLoops() {
    }

    /**
     * One-word pattern (n <= 64), {@code len} text columns: eq[j * LANES + lane] is lane's mask at
     * column j; state st[0 ..): vp, vn, score, LANES words each.
     */
    static void oneWord(long[] eq, int len, int high, long[] st) {
        final int l = LANES;
        LongVector vp = LongVector.fromArray(SPECIES, st, 0);
        LongVector vn = LongVector.fromArray(SPECIES, st, l);
        LongVector score = LongVector.fromArray(SPECIES, st, 2 * l);
        for (int j = 0; j < len; j++) {
            LongVector e = LongVector.fromArray(SPECIES, eq, j * l);
            LongVector xv = e.or(vn);
            LongVector xh = e.and(vp).add(vp).lanewise(VectorOperators.XOR, vp).or(e);
            LongVector hp = vn.or(xh.or(vp).not());
            LongVector hn = vp.and(xh);
            score = score.add(hp.lanewise(VectorOperators.LSHR, high).and(1L))
                    .sub(hn.lanewise(VectorOperators.LSHR, high).and(1L));
            hp = hp.lanewise(VectorOperators.LSHL, 1).or(1L);
            hn = hn.lanewise(VectorOperators.LSHL, 1);
            vp = hn.or(xv.or(hp).not());
            vn = hp.and(xv);
        }
        vp.intoArray(st, 0);
        vn.intoArray(st, l);
        score.intoArray(st, 2 * l);
    }

    /**
     * {@link #oneWord} with Ukkonen's cutoff, as {@link MyersPattern}'s bounded loop: st also holds
     * each lane's cell on its end cell's diagonal (diag, from 3·LANES) and that cell's row (row, from
     * 4·LANES; negative before the diagonal enters the table). The diagonal cell moves one row down and
     * one column right per column: it changes by the horizontal delta at the old row (bit row of the
     * shifted hp/hn: row 0's is +1) plus the vertical delta just below it (bit row of the new vp/vn).
     * Returns the columns done: len, or fewer once every lane's diagonal exceeds k.
     */
    static int oneWordBounded(long[] eq, int len, int high, long k, long[] st) {
        final int l = LANES;
        LongVector vp = LongVector.fromArray(SPECIES, st, 0);
        LongVector vn = LongVector.fromArray(SPECIES, st, l);
        LongVector score = LongVector.fromArray(SPECIES, st, 2 * l);
        LongVector diag = LongVector.fromArray(SPECIES, st, 3 * l);
        LongVector row = LongVector.fromArray(SPECIES, st, 4 * l);
        int j = 0;
        while (j < len) {
            LongVector e = LongVector.fromArray(SPECIES, eq, j * l);
            LongVector xv = e.or(vn);
            LongVector xh = e.and(vp).add(vp).lanewise(VectorOperators.XOR, vp).or(e);
            LongVector hp = vn.or(xh.or(vp).not());
            LongVector hn = vp.and(xh);
            score = score.add(hp.lanewise(VectorOperators.LSHR, high).and(1L))
                    .sub(hn.lanewise(VectorOperators.LSHR, high).and(1L));
            hp = hp.lanewise(VectorOperators.LSHL, 1).or(1L);
            hn = hn.lanewise(VectorOperators.LSHL, 1);
            vp = hn.or(xv.or(hp).not());
            vn = hp.and(xv);
            VectorMask<Long> inside = row.compare(VectorOperators.GE, 0L);
            LongVector step = hp.lanewise(VectorOperators.LSHR, row).and(1L)
                    .sub(hn.lanewise(VectorOperators.LSHR, row).and(1L))
                    .add(vp.lanewise(VectorOperators.LSHR, row).and(1L))
                    .sub(vn.lanewise(VectorOperators.LSHR, row).and(1L));
            diag = diag.add(step, inside);
            row = row.add(1L);
            j++;
            diag.intoArray(st, 3 * l); // every lane beyond k? (no mask test: see the class comment)
            boolean allBeyond = true;
            for (int lane = 0; lane < l; lane++) {
                allBeyond &= st[3 * l + lane] > k;
            }
            if (allBeyond) {
                break;
            }
        }
        vp.intoArray(st, 0);
        vn.intoArray(st, l);
        score.intoArray(st, 2 * l);
        diag.intoArray(st, 3 * l);
        row.intoArray(st, 4 * l);
        return j;
    }

    /**
     * Two-word pattern (65..128): eq0/eq1 as {@link #oneWord}'s eq for the two words; state st: vp0,
     * vn0, score, vp1, vn1 (the carry between the words is passed in registers, as in
     * {@link MyersBlocks#twoWords}).
     */
    static void twoWords(long[] eq0, long[] eq1, int len, int high, long[] st) {
        final int l = LANES;
        LongVector vp0 = LongVector.fromArray(SPECIES, st, 0);
        LongVector vn0 = LongVector.fromArray(SPECIES, st, l);
        LongVector score = LongVector.fromArray(SPECIES, st, 2 * l);
        LongVector vp1 = LongVector.fromArray(SPECIES, st, 3 * l);
        LongVector vn1 = LongVector.fromArray(SPECIES, st, 4 * l);
        for (int j = 0; j < len; j++) {
            LongVector e0 = LongVector.fromArray(SPECIES, eq0, j * l);
            LongVector e1 = LongVector.fromArray(SPECIES, eq1, j * l);
            LongVector xv0 = e0.or(vn0);
            LongVector xh0 = e0.and(vp0).add(vp0).lanewise(VectorOperators.XOR, vp0).or(e0);
            LongVector hp0 = vn0.or(xh0.or(vp0).not());
            LongVector hn0 = vp0.and(xh0);
            LongVector carryPos = hp0.lanewise(VectorOperators.LSHR, 63);
            LongVector carryNeg = hn0.lanewise(VectorOperators.LSHR, 63);
            hp0 = hp0.lanewise(VectorOperators.LSHL, 1).or(1L);
            hn0 = hn0.lanewise(VectorOperators.LSHL, 1);
            vp0 = hn0.or(xv0.or(hp0).not());
            vn0 = hp0.and(xv0);
            LongVector xv1 = e1.or(vn1);
            e1 = e1.or(carryNeg);
            LongVector xh1 = e1.and(vp1).add(vp1).lanewise(VectorOperators.XOR, vp1).or(e1);
            LongVector hp1 = vn1.or(xh1.or(vp1).not());
            LongVector hn1 = vp1.and(xh1);
            score = score.add(hp1.lanewise(VectorOperators.LSHR, high).and(1L))
                    .sub(hn1.lanewise(VectorOperators.LSHR, high).and(1L));
            hp1 = hp1.lanewise(VectorOperators.LSHL, 1).or(carryPos);
            hn1 = hn1.lanewise(VectorOperators.LSHL, 1).or(carryNeg);
            vp1 = hn1.or(xv1.or(hp1).not());
            vn1 = hp1.and(xv1);
        }
        vp0.intoArray(st, 0);
        vn0.intoArray(st, l);
        score.intoArray(st, 2 * l);
        vp1.intoArray(st, 3 * l);
        vn1.intoArray(st, 4 * l);
    }
}
