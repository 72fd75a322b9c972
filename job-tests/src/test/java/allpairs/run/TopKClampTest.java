package allpairs.run;

import allpairs.support.SparkCliTest;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.NpyFiles;
import allpairs.support.TestSpark;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: {@code --top-k 200000000} on 2 rows allocated a heap of K per tile row (OutOfMemoryError,
 * exit 52). K is clamped to the column count: the same edges as K = 2, and the summary says so.
 */
class TopKClampTest extends SparkCliTest {
    @Test
    void aHugeKIsClampedToTheColumnCountAndTheSummarySaysSo() throws IOException {
        Path in = NpyFiles.write(dir.resolve("two.npy"),
                NpyFiles.v1(NpyFiles.int8Dict("(2, 3)"), new byte[] {1, 2, 3, 1, 0, 3}));
        Path huge = dir.resolve("huge.npy");
        Path exact = dir.resolve("exact.npy");
        Cli r = Cli.run(TestSpark.conf(), "--kernel", "seed", "--input", in.toString(), "--output", huge.toString(),
                "--top-k", "200000000");
        assertThat(r.exitCode).as(r.toString()).isZero();
        Cli two = Cli.run(TestSpark.conf(), "--kernel", "seed", "--input", in.toString(), "--output", exact.toString(), "--top-k", "2");
        assertThat(two.exitCode).as(two.toString()).isZero();
        assertThat(Files.readAllBytes(huge)).isEqualTo(Files.readAllBytes(exact));
        JsonNode clamped = JSON.readTree(r.out);
        assertThat(clamped.get("top_k").asInt()).isEqualTo(2);
        assertThat(clamped.get("top_k_clamped_from").asInt()).isEqualTo(200_000_000);
        assertThat(clamped.get("edges").asLong()).isEqualTo(2);
        JsonNode plain = JSON.readTree(two.out);
        assertThat(plain.get("top_k").asInt()).isEqualTo(2);
        assertThat(plain.has("top_k_clamped_from")).isFalse();
    }
}
