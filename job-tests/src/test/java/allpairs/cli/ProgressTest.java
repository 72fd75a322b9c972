package allpairs.cli;

import allpairs.support.SparkCliTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import allpairs.support.Cli;
import allpairs.support.SummaryAssertions;
import allpairs.support.TestSpark;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import allpairs.plan.CostModel;
import allpairs.plan.CostProgress;
import allpairs.plan.Plan;
import org.junit.jupiter.api.Test;

/** Skewed ragged input through the job: task-time skew in the summary, progress lines on stderr. */
class ProgressTest extends SparkCliTest {
    private Path skewedFasta() throws IOException {
        SplittableRandom rnd = new SplittableRandom(42);
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < 120; r++) {
            int len = (int) Math.round(10 * Math.exp(rnd.nextDouble() * Math.log(100))); // 10 .. 1000
            sb.append(">s").append(r).append('\n');
            for (int p = 0; p < len; p++) {
                sb.append("ACGT".charAt(rnd.nextInt(4)));
            }
            sb.append('\n');
        }
        return Files.writeString(dir.resolve("skewed.fa"), sb.toString());
    }

    /**
     * The ETA follows the planned cost of the tiles done, not their count: one tile of cost 1 done in
     * 1 s of a plan whose other tile costs 9 leaves 9 s (by tile count it would say 1 s).
     */
    @Test
    void etaComesFromThePlannedCostOfTheTilesDone() {
        Plan plan = Plan.fromBounds(new int[] {0, 1, 2}, new int[] {0, 1}, false,
                new CostModel(new double[] {1, 9}, new double[] {1}), 2, t -> true);
        assertThat(plan.groups()).hasSize(2);
        int cheap = plan.partitionCosts()[0] < plan.partitionCosts()[1] ? 0 : 1;
        CostProgress progress = new CostProgress(plan);
        assertThat(progress.secondsLeft(1.0)).as("nothing done: nothing to say").isNaN();
        progress.tilesDone(cheap, 1);
        progress.tilesDone(7, 1); // a task of another stage's partition: ignored
        assertThat(progress.share()).isCloseTo(0.1, within(1e-12));
        assertThat(progress.secondsLeft(1.0)).isCloseTo(9.0, within(1e-9));
        progress.tilesDone(cheap, 0); // an older running value never takes back what was done
        assertThat(progress.share()).isCloseTo(0.1, within(1e-12));
        progress.tilesDone(1 - cheap, 5); // more than the group holds: counted once
        assertThat(progress.share()).isEqualTo(1.0);
        assertThat(progress.secondsLeft(3.0)).isZero();
    }

    @Test
    void reportsComputeTaskTimesAndPrintsProgressOnStderrOnly() throws IOException {
        Path in = skewedFasta();
        Cli r = Cli.run(TestSpark.conf(), "--input", in.toString(), "--output", dir.resolve("o.npy").toString(),
                "--kernel", "nw", "--progress-interval", "0.2", "--block-size", "12"); // 55 tiles: lines before the end
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out.lines()).hasSize(1);
        JsonNode s = new ObjectMapper().readTree(r.out);
        double max = s.get("task_seconds_max").asDouble();
        double mean = s.get("task_seconds_mean").asDouble();
        assertThat(max).isPositive().isGreaterThanOrEqualTo(mean - 0.001);
        assertThat(mean).isPositive();
        SummaryAssertions.computeTimeIsSane(s);
        assertThat(r.err).containsPattern("allpairs: progress \\d+/\\d+ tiles \\(\\d+\\.\\d%\\), \\d+ pairs/s, elapsed \\d:\\d\\d:\\d\\d, ETA ");
        assertThat(r.out).doesNotContain("progress");
        // issue 28: no line before a tile is done, and the last line's pairs/s is the summary's
        List<String> lines = r.err.lines().filter(l -> l.startsWith("allpairs: progress")).toList();
        assertThat(lines).isNotEmpty().noneMatch(l -> l.contains("unknown") || l.startsWith("allpairs: progress 0/"));
        String last = lines.get(lines.size() - 1);
        assertThat(last).endsWith(", done");
        Matcher rate = Pattern.compile(", (\\d+) pairs/s,").matcher(last);
        assertThat(rate.find()).as(last).isTrue();
        double summaryRate = s.get("pairs_per_s").asDouble();
        assertThat(Double.parseDouble(rate.group(1))).as(last + " vs the summary's " + summaryRate)
                .isCloseTo(summaryRate, org.assertj.core.data.Percentage.withPercentage(2));

        Cli quiet = Cli.run(TestSpark.conf(), "--input", in.toString(), "--output", dir.resolve("q.npy").toString(),
                "--kernel", "nw", "--progress=off");
        assertThat(quiet.exitCode).isZero();
        assertThat(quiet.err).doesNotContain("allpairs: progress");
    }
}
