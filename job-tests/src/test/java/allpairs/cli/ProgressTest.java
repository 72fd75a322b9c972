package allpairs.cli;

import allpairs.support.SparkCliTest;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.SummaryAssertions;
import allpairs.support.TestSpark;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
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

    @Test
    void reportsComputeTaskTimesAndPrintsProgressOnStderrOnly() throws IOException {
        Path in = skewedFasta();
        Cli r = Cli.run(TestSpark.conf(), "--input", in.toString(), "--output", dir.resolve("o.npy").toString(),
                "--kernel", "nw", "--progress-interval", "0.2");
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

        Cli quiet = Cli.run(TestSpark.conf(), "--input", in.toString(), "--output", dir.resolve("q.npy").toString(),
                "--kernel", "nw", "--progress=off");
        assertThat(quiet.exitCode).isZero();
        assertThat(quiet.err).doesNotContain("allpairs: progress");
    }
}
