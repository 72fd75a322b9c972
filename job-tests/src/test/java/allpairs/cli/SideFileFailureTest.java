package allpairs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.FullDiskFs;
import allpairs.support.RacingWriterFs;
import allpairs.support.SparkCliTest;
import allpairs.support.TestSpark;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/**
 * --summary-json and --preview are written before the output is committed: a side file that cannot
 * be written (a full disk, simulated by {@link FullDiskFs}) fails the run with exit 1 and leaves the
 * output path untouched, so a retry is not refused as "output exists" (issue 25, item 6).
 */
class SideFileFailureTest extends SparkCliTest {
    private Cli runWithFullDisk(String... options) {
        SparkConf conf = TestSpark.conf().clone().set(FullDiskFs.SETTING, FullDiskFs.class.getName())
                .set("spark.hadoop.fs." + FullDiskFs.SCHEME + ".impl.disable.cache", "true");
        List<String> args = new java.util.ArrayList<>(List.of("--kernel", "seed", "--input",
                Fixtures.input(16, 8).toString(), "--output", dir.resolve("r.npy").toString(), "--progress", "off"));
        args.addAll(List.of(options));
        return Cli.run(conf, args.toArray(String[]::new));
    }

    private void assertFailedUntouched(Cli r) throws IOException {
        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        assertThat(names()).as("nothing at the output path, no sidecar, marker, lock or temporary").isEmpty();
        assertThat(r.out).as(r.toString()).isEmpty();
        assertThat(r.err.strip()).as(r.toString()).startsWith("allpairs: internal error: ")
                .contains("No space left on device").doesNotContain("\n");
    }

    @Test
    void aSummaryThatCannotBeWrittenLeavesNoOutput() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        assertFailedUntouched(runWithFullDisk("--summary-json", FullDiskFs.uri(reports.resolve("s.json"))));
        assertThat(reports.toFile().list()).isEmpty();
    }

    @Test
    void aPreviewThatCannotBeWrittenLeavesNoOutput() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        assertFailedUntouched(runWithFullDisk("--preview", FullDiskFs.uri(reports.resolve("p.png"))));
        assertThat(reports.toFile().list()).isEmpty();
    }

    /** The summary written before the commit still describes the run, and the output then appears with it. */
    @Test
    void theSummaryWrittenBeforeTheCommitDescribesTheCommittedOutput() throws IOException {
        Path summary = dir.resolve("reports").resolve("s.json");
        Cli r = runWithFullDisk("--summary-json", summary.toString(), "--preview", dir.resolve("p.png").toString());
        assertThat(r.exitCode).as(r.toString()).isZero();
        JsonNode written = JSON.readTree(Files.readString(summary));
        assertThat(written).isEqualTo(JSON.readTree(r.out));
        assertThat(written.get("output").asText()).isEqualTo(dir.resolve("r.npy").toUri().toString()
                .replace("file:///", "file:/"));
        assertThat(written.get("seconds").asDouble()).isPositive();
        assertThat(Files.readAllBytes(dir.resolve("r.npy"))).isEqualTo(Fixtures.bytes(Fixtures.output(16, 8)));
        assertThat(Files.size(dir.resolve("p.png"))).isPositive();
    }

    /** A commit that fails after the side files were written (here: the output appeared) takes them away again. */
    @Test
    void aFailedCommitRemovesTheSideFilesItWrote() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path output = dir.resolve("r.npy");
        SparkConf conf = TestSpark.conf().clone().set(RacingWriterFs.SETTING, RacingWriterFs.class.getName())
                .set("spark.hadoop.fs." + RacingWriterFs.SCHEME + ".impl.disable.cache", "true")
                .set(RacingWriterFs.APPEARS, output.toString());
        Cli r = Cli.run(conf, "--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output",
                output.toString(), "--progress", "off", "--preview", reports.resolve("p.png").toString(),
                "--preview-order", "clustered", "--summary-json", RacingWriterFs.uri(reports.resolve("s.json")));
        BadInputTest.assertUserError(r, "output appeared while the job ran", output.toString());
        assertThat(Files.readString(output)).isEqualTo("theirs");
        assertThat(names()).containsExactly("r.npy");
        assertThat(reports.toFile().list()).as("no preview, no order file, no summary").isEmpty();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("reports")).sorted().toList();
        }
    }
}
