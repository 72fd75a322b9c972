package allpairs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import allpairs.config.InputConfig;
import allpairs.config.JobConfig;
import allpairs.config.OutputConfig;
import allpairs.config.OutputFormat;
import allpairs.config.OutputOptions;
import allpairs.join.CandidateEstimate;
import allpairs.kernel.ByteRows;
import allpairs.kernel.JoinRowsFixture;
import allpairs.kernel.LevenshteinKernel;
import allpairs.kernel.SegmentFilter;
import allpairs.support.Jobs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --explain's estimate of the join's candidates against the count of a real join run: exact when
 * every row is sampled, within a factor of 1.5 from a fifth of the rows (docs/join.md).
 */
class CandidateEstimateTest {
    @TempDir
    Path dir;

    @Test
    void aSampleOfAFifthOfTheReadsEstimatesWithinAFactorOf1Point5() throws IOException {
        byte[][] reads = distinct(families(new SplittableRandom(2626), 3000, 50));
        ByteRows rows = JoinRowsFixture.rows(reads);
        long actual = join(reads, null, 3).joined().candidates();
        CandidateEstimate.Estimate e = CandidateEstimate.of(new SegmentFilter(3), rows, null, reads.length / 5, 26);
        assertThat(actual).as("enough candidates to estimate").isGreaterThan(2000);
        assertThat((double) e.candidates()).as("estimate of %d", actual).isBetween(actual / 1.5, actual * 1.5);
        double pairs = reads.length * (reads.length - 1.0) / 2;
        assertThat(e.ratioToPairs()).isCloseTo(e.candidates() / pairs, within(1e-12));
        assertThat(e.sampledRows()).isEqualTo(reads.length / 5);
    }

    @Test
    void everyRowSampledCountsExactlyWhatTheJoinCounts() throws IOException {
        for (int k : new int[] {0, 2, 5}) {
            byte[][] rows = distinct(JoinRowsFixture.mixed(new SplittableRandom(k), 160, 1, 40, k));
            long estimate = CandidateEstimate.of(new SegmentFilter(k), JoinRowsFixture.rows(rows), null, 1000, 1)
                    .candidates();
            assertThat(estimate).as("k=%d", k).isEqualTo(join(rows, null, k).joined().candidates());
            byte[][] query = Arrays.copyOfRange(rows, 0, 60);
            byte[][] reference = Arrays.copyOfRange(rows, 60, rows.length);
            long against = CandidateEstimate.of(new SegmentFilter(k), JoinRowsFixture.rows(query),
                    JoinRowsFixture.rows(reference), 1000, 1).candidates();
            assertThat(against).as("--against, k=%d", k).isEqualTo(join(query, reference, k).joined().candidates());
        }
    }

    /** Reads of length n in families of 1..40 copies of a root, each with up to 4 random edits. */
    private static byte[][] families(SplittableRandom rnd, int count, int n) {
        List<byte[]> out = new ArrayList<>();
        while (out.size() < count) {
            byte[] root = new byte[n];
            for (int p = 0; p < n; p++) {
                root[p] = (byte) "ACGT".charAt(rnd.nextInt(4));
            }
            for (int f = 1 + rnd.nextInt(40); f > 0 && out.size() < count; f--) {
                out.add(JoinRowsFixture.mutate(root, rnd.nextInt(5), rnd));
            }
        }
        return out.toArray(new byte[0][]);
    }

    /** The rows without repeats (the estimate counts row pairs, the join identical rows once). */
    private static byte[][] distinct(byte[][] rows) {
        Map<String, byte[]> seen = new LinkedHashMap<>();
        for (byte[] r : rows) {
            seen.putIfAbsent(new String(r, java.nio.charset.StandardCharsets.ISO_8859_1), r);
        }
        return seen.values().toArray(new byte[0][]);
    }

    private int runs;

    private RunResult join(byte[][] query, byte[][] reference, int k) throws IOException {
        Path out = dir.resolve("join" + runs++ + ".npy");
        JobConfig job = JobConfig.of("rows", out.toString(), LevenshteinKernel.NAME, 16, null)
                .with(new OutputConfig(out.toString(), OutputFormat.NPY, false,
                        new OutputOptions(false, null, new OutputOptions.Threshold(true, k), null, false, false), null));
        if (reference != null) {
            job = job.with(new InputConfig("rows", "reference", null));
        }
        RunResult r = Jobs.run(job, new LevenshteinKernel(), JoinRowsFixture.rows(query),
                reference == null ? null : JoinRowsFixture.rows(reference));
        assertThat(r.joined()).as("the join path ran").isNotNull();
        return r;
    }
}
