package allpairs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.SummaryAssertions;
import allpairs.support.TestSpark;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two ways a dense .npy is written (tasks writing their tiles in place on a local master, or
 * bands streamed through the driver with {@code spark.allpairs.npy.inPlace=false}) give NumPy's
 * bytes, square, float32 and condensed, for several tilings; and the in-place run shuffles nothing.
 */
class NpyWritePathsTest {
    private static final String SETTING = "spark.allpairs.npy.inPlace";

    @TempDir
    Path dir;

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        String[][] options = {{}, {"--dtype", "float32"}, {"--layout", "condensed"},
            {"--layout", "condensed", "--dtype", "float32"}};
        String[] golden = {null, "seed_out_16x8_f32.npy", "seed_out_16x8_condensed.npy",
            "seed_out_16x8_condensed_f32.npy"};
        for (boolean inPlace : new boolean[] {true, false}) {
            for (int o = 0; o < options.length; o++) {
                for (int[] tiling : new int[][] {{1, 1}, {3, 5}, {7, 2}, {16, 1}}) {
                    all.add(Arguments.of(inPlace, String.join(" ", options[o]), golden[o], tiling[0], tiling[1]));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "in place {0}, [{1}], block {3}, partitions {4}")
    @MethodSource("cases")
    void bothPathsWriteNumpysBytes(boolean inPlace, String options, String golden, int block, int partitions)
            throws Exception {
        Path out = dir.resolve("o.npy");
        List<String> args = new ArrayList<>(List.of("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output",
                out.toString(), "--block-size", Integer.toString(block), "--partitions", Integer.toString(partitions)));
        if (!options.isEmpty()) {
            args.addAll(List.of(options.split(" ")));
        }
        SparkContext sc = TestSpark.session().sparkContext();
        AtomicLong shuffled = new AtomicLong();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                shuffled.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
            }
        };
        sc.addSparkListener(listener);
        TestSpark.session().conf().set(SETTING, Boolean.toString(inPlace));
        try {
            Cli r = Cli.run(TestSpark.conf(), args.toArray(new String[0]));
            assertThat(r.exitCode).as(r.toString()).isZero();
            SummaryAssertions.computeTimeIsSane(new ObjectMapper().readTree(r.out));
            sc.listenerBus().waitUntilEmpty();
        } finally {
            TestSpark.session().conf().unset(SETTING);
            sc.removeSparkListener(listener);
        }
        Path expected = golden == null ? Fixtures.output(16, 8) : Fixtures.numpy(golden);
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(expected));
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("o.npy", "o.npy.allpairs.json");
        if (inPlace) {
            assertThat(shuffled.get()).as("bytes shuffled by an in-place run").isZero();
        } else {
            assertThat(shuffled.get()).as("bytes shuffled to the bands").isPositive();
        }
    }
}
