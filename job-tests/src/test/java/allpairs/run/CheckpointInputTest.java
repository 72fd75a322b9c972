package allpairs.run;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.config.InputConfig;
import allpairs.config.JobConfig;
import allpairs.config.KernelConfig;
import allpairs.config.OutputConfig;
import allpairs.config.RunConfig;
import allpairs.support.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 1: the checkpoint's fingerprint covers the rows that were parsed, not whatever the
 * input path holds when Spark has started.
 */
class CheckpointInputTest {
    private static final String OLD = "ACGTACGT\nACGTTT\nGATTACA\nTTTT\nACGGA\nCCCA\n";
    private static final String NEW = "ACGAACGT\nACGTTT\nGATTACA\nTTTA\nACGGA\nCCCA\n";

    @TempDir
    Path dir;

    private JobConfig job(Path input, String output, Path checkpoint) {
        JobConfig plain = JobConfig.of(input.toString(), dir.resolve(output).toString(), "levenshtein", 2, null);
        return new JobConfig(new InputConfig(input.toString(), null, null), new KernelConfig("levenshtein", null),
                OutputConfig.at(dir.resolve(output).toString()), plain.plan(),
                checkpoint == null ? null : new RunConfig(0, checkpoint.toString()));
    }

    @Test
    void anInputReplacedBetweenParseAndFingerprintReusesNoTileOfTheOldOne() throws IOException {
        Path input = dir.resolve("reads.txt");
        Path ck = dir.resolve("ck");
        Files.writeString(input, OLD);
        RunResult first = Run.on(TestSpark.session(), job(input, "old.npy", ck),
                Inputs.read(job(input, "old.npy", ck), new Configuration()), System.err);
        assertThat(first.tilesReused()).isZero();

        // the pipeline rewrites its input: the run parses NEW, then the path holds OLD again
        Files.writeString(input, NEW);
        Inputs parsed = Inputs.read(job(input, "new.npy", ck), new Configuration());
        Files.writeString(input, OLD);
        // a checkpoint of another job is refused, never mixed (exit 2 on the command line)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Run.on(TestSpark.session(),
                job(input, "new.npy", ck), parsed, System.err)).isInstanceOf(allpairs.UserError.class)
                .hasMessageContaining("different job");
        assertThat(dir.resolve("new.npy")).doesNotExist();

        // the reference: the same parsed rows without a checkpoint
        Path fresh = dir.resolve("fresh.txt");
        Files.writeString(fresh, NEW);
        Run.on(TestSpark.session(), job(fresh, "reference.npy", null),
                Inputs.read(job(fresh, "reference.npy", null), new Configuration()), System.err);
        RunResult again = Run.on(TestSpark.session(), job(input, "new.npy", dir.resolve("ck2")), parsed, System.err);
        assertThat(again.tilesReused()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("new.npy"))).isEqualTo(Files.readAllBytes(dir.resolve("reference.npy")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("old.npy")));
    }
}
