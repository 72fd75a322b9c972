package allpairs.run;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.io.RowsInput;
import allpairs.kernel.ElementType;
import allpairs.kernel.Rows;
import allpairs.kernel.SeedKernel;
import allpairs.config.JobConfig;
import allpairs.support.Jobs;
import allpairs.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The full Spark job against the golden files written by NumPy, for many tilings. */
class SeedJobTest {
    @TempDir
    Path dir;

    static Stream<Arguments> tilings() {
        List<Arguments> all = new ArrayList<>();
        for (int[] s : Fixtures.SHAPES) {
            for (int block : new int[] {1, 3, 7, s[0]}) {
                for (int partitions : new int[] {1, 2, 5}) {
                    all.add(Arguments.of(s[0], s[1], block, partitions));
                }
            }
        }
        return all.stream();
    }

    static Rows read(Path npy) {
        return RowsInput.read(npy.toString(), null, ElementType.INT8, "seed", "--input", new Configuration());
    }

    @ParameterizedTest(name = "{0}x{1} block {2} partitions {3}")
    @MethodSource("tilings")
    void writesTheGoldenNpyBitForBit(int m, int n, int block, int partitions) throws IOException {
        Path out = dir.resolve("out.npy");
        JobConfig spec = JobConfig.of(Fixtures.input(m, n).toString(), out.toString(), "seed", block, partitions);
        RunResult result = Jobs.run(spec, new SeedKernel(), read(Fixtures.input(m, n)), null);
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.bytes(Fixtures.output(m, n)));
        assertThat(result.plan().blockSize()).isEqualTo(block);
        assertThat(result.plan().partitions()).isEqualTo(Math.min(partitions, result.plan().tiles()));
        // one scratch per partition, never one per pair
        assertThat(result.scratchCreated()).isEqualTo(result.plan().partitions());
        assertThat(result.pairsComputed()).isEqualTo((long) m * (m + 1) / 2);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("out.npy", "out.npy.allpairs.json"); // no temporaries
    }
}
