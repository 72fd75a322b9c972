package allpairs.cli;

import allpairs.support.SparkCliTest;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.SummaryAssertions;
import allpairs.support.Fixtures;
import allpairs.support.TestSpark;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line on a running (shared, local) Spark session. */
class MainTest extends SparkCliTest {
    @Test
    void printsExactlyOneSummaryLineWithTheDocumentedKeys() throws IOException {
        Path out = dir.resolve("m.npy");
        Path summary = dir.resolve("reports/summary.json");
        Cli r = run("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output", out.toString(),
                "--summary-json", summary.toString());
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out.lines()).hasSize(1);
        JsonNode s = JSON.readTree(r.out);
        List<String> keys = new ArrayList<>();
        s.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("kernel", "m", "n", "pairs", "tiles", "partitions", "seconds", "pairs_per_s",
                "output", "format", "compute_seconds", "compute_share");
        SummaryAssertions.computeTimeIsSane(s);
        assertThat(s.get("kernel").asText()).isEqualTo("seed");
        assertThat(s.get("m").asInt()).isEqualTo(16);
        assertThat(s.get("n").asInt()).isEqualTo(8);
        assertThat(s.get("pairs").asLong()).isEqualTo(16 * 17 / 2);
        assertThat(s.get("format").asText()).isEqualTo("npy");
        assertThat(s.get("output").asText()).endsWith(out.toString());
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.bytes(Fixtures.output(16, 8)));
        assertThat(JSON.readTree(summary.toFile())).isEqualTo(s);
        assertThat(Files.list(summary.getParent()).map(p -> p.getFileName().toString())).containsExactly("summary.json");
    }

    @Test
    void formatFollowsTheOutputNameUnlessGiven() throws IOException {
        // a name that says .npy is not given a Parquet directory (issue 28): exit 2, nothing written
        Path npyNamedParquet = dir.resolve("forced.npy");
        BadInputTest.assertUserError(run("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output",
                npyNamedParquet.toString(), "--format", "parquet"), "ends in .npy but --format is parquet", "--output");
        assertThat(npyNamedParquet).doesNotExist();
        Path forced = dir.resolve("forced.data");
        Cli r = run("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output", forced.toString(),
                "--format", "parquet");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(forced).isDirectory();
        assertThat(forced.resolve("_SUCCESS")).exists();
        Path plain = dir.resolve("plain");
        assertThat(run("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output", plain.toString()).exitCode).isZero();
        assertThat(plain).isDirectory();
        Path npyAnyName = dir.resolve("matrix.bin");
        assertThat(run("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output", npyAnyName.toString(),
                "--format", "npy").exitCode).isZero();
        assertThat(Files.readAllBytes(npyAnyName)).isEqualTo(Fixtures.bytes(Fixtures.output(16, 8)));
    }

    @Test
    void refusesAnExistingOutputAndReplacesItWithOverwrite() throws IOException {
        Path out = dir.resolve("m.npy");
        assertThat(run("--kernel", "seed", "--input", Fixtures.input(33, 21).toString(), "--output", out.toString()).exitCode).isZero();
        Cli refused = run("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output", out.toString());
        assertThat(refused.exitCode).isEqualTo(2);
        assertThat(refused.err).contains("already exists");
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.bytes(Fixtures.output(33, 21)));

        Cli replaced = run("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output", out.toString(), "--overwrite");
        assertThat(replaced.exitCode).as(replaced.toString()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.bytes(Fixtures.output(16, 8)));
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("m.npy", "m.npy.allpairs.json");

        // an earlier Parquet output of ours is replaced by a .npy file just as well
        Path dirOut = dir.resolve("d");
        assertThat(run("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output", dirOut.toString(), "--format",
                "parquet").exitCode).isZero();
        assertThat(run("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output", dirOut.toString(), "--format",
                "npy", "--overwrite").exitCode).isZero();
        assertThat(Files.readAllBytes(dirOut)).isEqualTo(Fixtures.bytes(Fixtures.output(16, 8)));
    }

    @Test
    void overwriteRefusesWhatAllpairsDidNotWrite() throws IOException {
        Path out = dir.resolve("m.npy");
        Files.writeString(out, "old result");
        BadInputTest.assertUserError(run("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output", out.toString(),
                "--overwrite"), "not written by allpairs", out.toString());
        assertThat(Files.readString(out)).isEqualTo("old result");

        Path mine = Files.createDirectories(dir.resolve("results"));
        Files.writeString(mine.resolve("notes.txt"), "mine");
        BadInputTest.assertUserError(run("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output", mine.toString(),
                "--overwrite"), "not written by allpairs", mine.toString());
        assertThat(Files.readString(mine.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void removesTemporariesAKilledRunLeftBehind() throws IOException {
        Path out = dir.resolve("m.npy");
        Path staleFile = Files.writeString(dir.resolve(".m.npy.allpairs-tmp-0000"), "half a matrix");
        Path staleDir = Files.createDirectories(dir.resolve(".m.npy.allpairs-tmp-1111/part"));
        Path unrelated = Files.writeString(dir.resolve(".other.npy.allpairs-tmp-2222"), "not ours to remove");
        Cli r = run("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output", out.toString());
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(staleFile).doesNotExist();
        assertThat(staleDir.getParent()).doesNotExist();
        assertThat(unrelated).exists();
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        Cli r = Cli.runWithoutSpark("--help");
        assertThat(r.exitCode).isZero();
        for (String option : new String[] {"--input", "--output", "--format", "--kernel", "--block-size", "--partitions",
            "--overwrite", "--summary-json", "--verbose", "--help", "--version"}) {
            assertThat(r.out).contains(option);
        }
        assertThat(r.out).contains("Pair kernel, required").doesNotContain("Default: seed").contains("32 MiB");
    }

    @Test
    void versionNamesAllpairsSparkAndJava() {
        Cli r = Cli.runWithoutSpark("--version");
        assertThat(r.exitCode).isZero();
        assertThat(r.out).containsPattern("allpairs \\d+\\.\\d+")
                .contains("Spark " + System.getProperty("allpairs.spark.version") + " (Scala ")
                .contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void verboseShowsTheStackTraceOfAUserError() {
        Cli r = Cli.runWithoutSpark("--kernel", "seed", "--input", dir.resolve("missing.npy").toString(), "--output",
                dir.resolve("o.npy").toString(), "--verbose");
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).startsWith("allpairs: error: input file does not exist").contains("\tat ");
    }

    @Test
    void takesOptionDefaultsFromTheConfFileButTheCommandLineWins() throws IOException {
        Path defaults = Files.writeString(dir.resolve("defaults.properties"), "block-size = 5\npartitions = 3\n");
        Path out = dir.resolve("m.npy");
        Cli r = Cli.run(TestSpark.conf(), defaults.toFile(), "--kernel", "seed", "--input", Fixtures.input(16, 8).toString(),
                "--output", out.toString(), "--summary-json", dir.resolve("s.json").toString());
        assertThat(r.exitCode).as(r.toString()).isZero();
        JsonNode s = JSON.readTree(r.out);
        assertThat(s.get("block_size").asInt()).isEqualTo(5);
        assertThat(s.get("partitions").asInt()).isEqualTo(3);
        Cli r2 = Cli.run(TestSpark.conf(), defaults.toFile(), "--kernel", "seed", "--input", Fixtures.input(16, 8).toString(),
                "--output", dir.resolve("m2.npy").toString(), "--block-size", "4");
        assertThat(JSON.readTree(r2.out).get("block_size").asInt()).isEqualTo(4);
        // the shipped conf/allpairs-defaults.properties parses and keeps the documented defaults
        Path shipped = Path.of(System.getProperty("allpairs.root"), "conf", "allpairs-defaults.properties");
        Cli r3 = Cli.run(TestSpark.conf(), shipped.toFile(), "--help");
        assertThat(r3.out).contains("Pair kernel, required").doesNotContain("Default: seed");
    }
}
