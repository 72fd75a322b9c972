package allpairs.cli;

import allpairs.plan.Plans;
import allpairs.support.SparkCliTest;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.plan.BlockSizer;
import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.TestSpark;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** --memory-budget sizes the blocks; --explain prints the plan the run then uses, and writes nothing. */
class MemoryBudgetTest extends SparkCliTest {
    @Test
    void theBlocksAreTheFewestEvenBandsWhoseTaskFitsTheBudget() {
        for (long budget : new long[] {1 << 14, 1 << 18, 1 << 22, 1L << 28}) {
            for (int k : new int[] {50, 1000, 20_000}) {
                long scratch = 8L * 64 * 64;
                int b = Plans.defaultBlockSize(k, k, 1, true, budget, scratch);
                int unlimited = Plans.defaultBlockSize(k, k, 1, true);
                if (b > 1) {
                    assertThat(BlockSizer.taskBytes(b, k, scratch)).isLessThanOrEqualTo(budget);
                }
                assertThat(b).isLessThanOrEqualTo(unlimited);
                int bands = allpairs.plan.Tiling.bands(k, b);
                if (b < unlimited && bands > 1) {
                    // one band fewer, rows spread evenly, would not fit the budget
                    int fewer = (k + bands - 2) / (bands - 1);
                    assertThat(BlockSizer.taskBytes(fewer, k, scratch)).as("budget %d k %d b %d", budget, k, b)
                            .isGreaterThan(budget);
                }
            }
        }
    }

    @Test
    void explainPrintsThePlanTheRunUsesAndWritesNothing() throws Exception {
        Path out = dir.resolve("o.npy");
        String in = Fixtures.input(40, 12).toString();
        SparkConf twoCores = new SparkConf(false).set("spark.master", "local[2]");
        Cli explained = Cli.run(twoCores, "--kernel", "seed", "--input", in, "--output", out.toString(), "--memory-budget", "40k",
                "--explain");
        assertThat(explained.exitCode).as(explained.toString()).isZero();
        assertThat(explained.out.lines()).hasSize(1);
        assertThat(dir.toFile().list()).isEmpty();
        JsonNode plan = JSON.readTree(explained.out);
        for (String key : new String[] {"m", "block_size", "tiles", "partitions", "scratch_bytes_per_task",
            "result_bytes_per_tile", "pairs", "estimated_cost", "plan"}) {
            assertThat(plan.has(key)).as(key).isTrue();
        }
        assertThat(plan.get("scratch_bytes_per_task").asLong()).isEqualTo(new allpairs.kernel.SeedKernel().scratchBytes(12));
        assertThat(plan.get("plan").asText()).isEqualTo("broadcast");
        int block = plan.get("block_size").asInt();
        assertThat(BlockSizer.taskBytes(block, 40, plan.get("scratch_bytes_per_task").asLong())).isLessThanOrEqualTo(40 * 1024);

        Cli run = Cli.run(TestSpark.conf(), "--kernel", "seed", "--input", in, "--output", out.toString(), "--memory-budget", "40k");
        assertThat(run.exitCode).as(run.toString()).isZero();
        JsonNode summary = JSON.readTree(run.out);
        assertThat(summary.get("block_size").asInt()).isEqualTo(block);
        assertThat(summary.get("tiles").asInt()).isEqualTo(plan.get("tiles").asInt());
        assertThat(summary.get("partitions").asInt()).isEqualTo(plan.get("partitions").asInt());
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.bytes(Fixtures.output(40, 12)));

        Cli forced = Cli.run(twoCores, "--kernel", "seed", "--input", in, "--output", dir.resolve("x.npy").toString(), "--explain",
                "--broadcast-limit", "0");
        assertThat(JSON.readTree(forced.out).get("plan").asText()).isEqualTo("block-join");
        BadInputTest.assertUserError(Cli.runWithoutSpark("--kernel", "seed", "--input", in, "--output", dir.resolve("y.npy").toString(),
                "--memory-budget", "0"), "Cannot set --memory-budget to '0'", "--memory-budget");
    }
}
