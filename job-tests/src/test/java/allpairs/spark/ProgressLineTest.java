package allpairs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * Progress counts the tiles reused from a checkpoint from its first line; the ETA is for this run's tiles
 * only; no line before a tile of this run is done (issue 28: the first line said "0 pairs/s, ETA unknown").
 */
class ProgressLineTest {
    @Test
    void reusedTilesAreDoneFromTheFirstLine() {
        Counters counters = Counters.register(TestSpark.session().sparkContext());
        try (ProgressListener half = new ProgressListener(counters, 36, 18, cost(18), System.nanoTime())) {
            assertThat(half.line(false)).as("nothing computed yet: nothing to say").isNull();
        }
        try (ProgressListener all = new ProgressListener(counters, 10, 10, cost(0), System.nanoTime())) {
            assertThat(all.line(false)).startsWith("allpairs: progress 10/10 tiles (100.0%; 10 reused from the checkpoint),")
                    .endsWith("ETA 0:00:00");
        }
        try (ProgressListener fresh = new ProgressListener(counters, 10, 0, cost(10), System.nanoTime())) {
            assertThat(fresh.line(false)).isNull();
            assertThat(fresh.line(true)).isNull();
        }
    }

    /** A plan computing {@code tiles} tiles of one row each (none: every tile reused). */
    private static allpairs.plan.CostProgress cost(int tiles) {
        int rows = Math.max(1, tiles);
        int[] bounds = java.util.stream.IntStream.rangeClosed(0, rows).toArray();
        return new allpairs.plan.CostProgress(allpairs.plan.Plan.fromBounds(bounds, new int[] {0, 1}, false,
                allpairs.plan.CostModel.uniform(rows, 1), 1, t -> tiles > 0));
    }
}
