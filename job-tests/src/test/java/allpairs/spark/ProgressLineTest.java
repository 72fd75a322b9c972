package allpairs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.TestSpark;
import org.junit.jupiter.api.Test;

/** Progress counts the tiles reused from a checkpoint from its first line; the ETA is for this run's tiles only. */
class ProgressLineTest {
    @Test
    void reusedTilesAreDoneFromTheFirstLine() {
        Counters counters = Counters.register(TestSpark.session().sparkContext());
        try (ProgressListener half = new ProgressListener(counters, 36, 18)) {
            assertThat(half.line()).matches("allpairs: progress 18/36 tiles \\(50\\.0%; 18 reused from the checkpoint\\),"
                    + " 0 pairs/s, elapsed 0:00:0\\d, ETA unknown");
        }
        try (ProgressListener all = new ProgressListener(counters, 10, 10)) {
            assertThat(all.line()).startsWith("allpairs: progress 10/10 tiles (100.0%; 10 reused from the checkpoint),")
                    .endsWith("ETA 0:00:00");
        }
        try (ProgressListener fresh = new ProgressListener(counters, 10, 0)) {
            assertThat(fresh.line()).startsWith("allpairs: progress 0/10 tiles (0.0%), 0 pairs/s,").endsWith("ETA unknown");
        }
    }
}
