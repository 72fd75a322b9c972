package allpairs.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The segment filter's contract, pair by pair and without Spark: every pair within k edits (plain
 * DP, written here) meets under exactly one accepted key, every other pair under at most one.
 */
class SegmentFilterTest {
    record Entry(long content, int bucket, int pos) {
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void everyPairWithinKIsAcceptedExactlyOnce(int k) {
        SplittableRandom rnd = new SplittableRandom(26 + k);
        assertContract(new SegmentFilter(k), k, JoinRowsFixture.mixed(rnd, 70, 1, 60, k));
    }

    @Test
    void lowComplexityAndShortRows() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k <= 8; k++) {
            assertContract(new SegmentFilter(k), k, JoinRowsFixture.lowComplexity(rnd, 50, k));
        }
    }

    @Test
    void longRowsUpTo600() {
        SplittableRandom rnd = new SplittableRandom(600);
        for (int k : new int[] {2, 5, 8}) {
            assertContract(new SegmentFilter(k), k, JoinRowsFixture.mixed(rnd, 24, 540, 600, k));
        }
    }

    @Test
    void theFilterPrunesMostPairsOfUnrelatedRows() {
        SplittableRandom rnd = new SplittableRandom(3);
        byte[][] rows = new byte[200][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = KernelTestSupport.randomSymbols(50, 4, rnd);
        }
        int[] met = assertContract(new SegmentFilter(3), 3, rows);
        assertThat(met[0]).isLessThan(rows.length * (rows.length - 1) / 2 / 10);
    }

    @Test
    void theHookGivesAFilterForSmallThresholdsOnly() {
        LevenshteinKernel kernel = new LevenshteinKernel();
        assertThat(kernel.candidateFilter(3.5)).isInstanceOf(SegmentFilter.class);
        assertThat(((SegmentFilter) kernel.candidateFilter(3.5)).k()).isEqualTo(3);
        assertThat(kernel.candidateFilter(-1)).isNull();
        assertThat(kernel.candidateFilter(SegmentFilter.MAX_K + 1)).isNull();
        assertThat(kernel.candidateFilter(Double.NaN)).isNull();
        assertThat(new NeedlemanWunschKernel().candidateFilter(3)).isNull();
    }

    /** Asserts the contract on every pair; returns {pairs met under any key, pairs within k}. */
    static int[] assertContract(SegmentFilter filter, int k, byte[][] rows) {
        ByteRows r = KernelTestSupport.ragged(rows);
        List<Map<Long, List<Entry>>> probes = new ArrayList<>();
        List<List<Entry>> index = new ArrayList<>();
        for (int x = 0; x < rows.length; x++) {
            Map<Long, List<Entry>> byKey = new HashMap<>();
            filter.probeKeys(r, x, (c, b, p) -> byKey.computeIfAbsent(c * 31 + b, key -> new ArrayList<>())
                    .add(new Entry(c, b, p)));
            probes.add(byKey);
            List<Entry> own = new ArrayList<>();
            filter.indexKeys(r, x, (c, b, p) -> own.add(new Entry(c, b, p)));
            index.add(own);
        }
        int metPairs = 0;
        int within = 0;
        for (int x = 0; x < rows.length; x++) {
            for (int y = 0; y < rows.length; y++) {
                if (!(rows[y].length < rows[x].length || rows[y].length == rows[x].length && y < x)) {
                    continue; // the join meets a pair with the earlier row (length, then index) indexed
                }
                int accepted = 0;
                boolean met = false;
                for (Entry e : index.get(y)) {
                    for (Entry p : probes.get(x).getOrDefault(e.content() * 31 + e.bucket(), List.of())) {
                        if (p.content() == e.content() && p.bucket() == e.bucket()) {
                            met = true;
                            accepted += filter.accept(r, y, r, x, p.bucket(), p.pos()) ? 1 : 0;
                        }
                    }
                }
                boolean close = JoinRowsFixture.editDistance(rows[y], rows[x]) <= k;
                assertThat(accepted).as("pair (%d, %d) at k=%d: %s / %s", y, x, k, text(rows[y]), text(rows[x]))
                        .isEqualTo(close ? 1 : accepted).isLessThanOrEqualTo(1);
                metPairs += met ? 1 : 0;
                within += close ? 1 : 0;
            }
        }
        return new int[] {metPairs, within};
    }

    private static String text(byte[] row) {
        StringBuilder s = new StringBuilder();
        for (byte b : row) {
            s.append(b & 0xff).append(' ');
        }
        return s.toString();
    }
}
