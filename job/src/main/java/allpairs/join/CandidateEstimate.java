package allpairs.join;

import allpairs.kernel.ByteRows;
import allpairs.kernel.CandidateFilter;
import allpairs.kernel.Rows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code --explain}'s estimate of the join's {@code candidates}: a uniform sample of rows is filed under
 * the filter's keys on the driver, its meetings are counted as the executors count them (a probe entry
 * of x meets each index entry of y under the same key, y before x in the join order, an indexed row
 * once per key, identical rows not counted), and the count is scaled by the pairs of the full matrix
 * over the pairs of the sample. It counts row pairs: the join verifies identical rows once, so on
 * inputs with many identical rows the run's count is lower than the estimate.
 */
public final class CandidateEstimate {
    /** Rows sampled per side: a few hundred thousand keys, tens of milliseconds on the driver. */
    public static final int SAMPLE_ROWS = 4000;

    /**
     * The estimate: candidates, their ratio to the full matrix's pairs (a pair that meets under several
     * keys counts each time, so the ratio can pass 1 on short rows), and the rows sampled per side.
     */
    public record Estimate(long candidates, double ratioToPairs, int sampledRows) {
    }

    private record Key(long content, int bucket) {
    }

    private record Entry(int side, int row) {
    }

    private CandidateEstimate() {
    }

    /** Adds {@code estimated_candidates} and {@code estimated_candidate_ratio} to --explain's object. */
    public static void explain(Map<String, Object> explained, CandidateFilter filter, Rows query, Rows reference) {
        Estimate e = of(filter, query, reference, SAMPLE_ROWS, 26);
        explained.put("estimated_candidates", e.candidates());
        explained.put("estimated_candidate_ratio", e.ratioToPairs());
    }

    /** The estimate from {@code sampleRows} rows of each side (all of them when there are fewer). */
    public static Estimate of(CandidateFilter filter, Rows query, Rows reference, int sampleRows, long seed) {
        Rows[] sides = reference == null ? new Rows[] {query} : new Rows[] {query, reference};
        Map<Key, List<Entry>> index = new HashMap<>();
        Map<Key, List<Entry>> probes = new HashMap<>();
        double sampledPairs = 1;
        double pairs = 1;
        for (int s = 0; s < sides.length; s++) {
            int[] rows = sample(sides[s].rows(), sampleRows, seed + s);
            for (int row : rows) {
                Entry e = new Entry(s, row);
                filter.indexKeys(sides[s], row, (content, bucket, pos) -> addOnce(index, new Key(content, bucket), e));
                filter.probeKeys(sides[s], row, (content, bucket, pos) ->
                        probes.computeIfAbsent(new Key(content, bucket), k -> new ArrayList<>()).add(e));
            }
            sampledPairs *= rows.length;
            pairs *= sides[s].rows();
        }
        if (reference == null) { // distinct pairs of one side: n(n - 1)/2
            int n = (int) sampledPairs;
            sampledPairs = n * (n - 1.0) / 2;
            pairs = pairs * (pairs - 1) / 2;
        }
        long met = meetings(index, probes, sides);
        long estimate = sampledPairs == 0 ? 0 : Math.round(met * (pairs / sampledPairs));
        return new Estimate(estimate, pairs == 0 ? 0 : estimate / pairs, Math.min(sampleRows, query.rows()));
    }

    private static void addOnce(Map<Key, List<Entry>> index, Key key, Entry e) {
        List<Entry> entries = index.computeIfAbsent(key, k -> new ArrayList<>());
        if (entries.isEmpty() || !entries.get(entries.size() - 1).equals(e)) { // a row's keys come together
            entries.add(e);
        }
    }

    private static long meetings(Map<Key, List<Entry>> index, Map<Key, List<Entry>> probes, Rows[] sides) {
        long met = 0;
        for (Map.Entry<Key, List<Entry>> p : probes.entrySet()) {
            List<Entry> ys = index.get(p.getKey());
            if (ys == null) {
                continue;
            }
            for (Entry x : p.getValue()) {
                for (Entry y : ys) {
                    if (before(y, x, sides) && !identical(sides[y.side], y.row, sides[x.side], x.row)) {
                        met++;
                    }
                }
            }
        }
        return met;
    }

    /** The join's order (as {@link Verifier}): by length, then side, then row; with --against, sides differ. */
    private static boolean before(Entry y, Entry x, Rows[] sides) {
        if (sides.length == 2 ? y.side == x.side : y.row == x.row) {
            return false;
        }
        int ly = sides[y.side].length(y.row);
        int lx = sides[x.side].length(x.row);
        if (ly != lx) {
            return ly < lx;
        }
        return y.side != x.side ? y.side < x.side : y.row < x.row;
    }

    private static boolean identical(Rows a, int i, Rows b, int j) {
        return a instanceof ByteRows p && b instanceof ByteRows q && Arrays.equals(p.data(), p.offset(i),
                p.offset(i) + p.length(i), q.data(), q.offset(j), q.offset(j) + q.length(j));
    }

    /** {@code n} distinct rows of {@code m}, ascending (Floyd's algorithm: no array of m). */
    static int[] sample(int m, int n, long seed) {
        if (m <= n) {
            int[] all = new int[m];
            Arrays.setAll(all, i -> i);
            return all;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        Set<Integer> chosen = new HashSet<>();
        for (int j = m - n; j < m; j++) {
            int t = rnd.nextInt(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
