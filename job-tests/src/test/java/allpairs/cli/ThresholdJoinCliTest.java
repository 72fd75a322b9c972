package allpairs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.TestSpark;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join path from the command line: --explain names the path, --checkpoint and kernels without
 * a filter take the tiles, and a FASTA run's Parquet edges (ids included) equal the tiled path's.
 */
class ThresholdJoinCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path reads() throws Exception {
        SplittableRandom rnd = new SplittableRandom(26);
        StringBuilder fa = new StringBuilder();
        String root = "ACGTTGCAACGGTACCATGA";
        for (int r = 0; r < 60; r++) {
            StringBuilder s = new StringBuilder(r % 3 == 0 ? root : "");
            for (int p = s.length(); p < 10 + r % 15; p++) {
                s.append("ACGT".charAt(rnd.nextInt(4)));
            }
            if (r % 5 == 1) {
                s.setCharAt(rnd.nextInt(s.length()), 'T');
            }
            fa.append(">read").append(r).append('\n').append(r % 7 == 0 ? "AC" : s).append('\n');
        }
        return Files.writeString(dir.resolve("reads.fa"), fa.toString());
    }

    @Test
    void explainNamesThePath() throws Exception {
        String in = reads().toString();
        String out = dir.resolve("never").toString();
        SparkConf auto = new SparkConf(false).set("spark.master", "local[2]");
        assertThat(path(auto, "--input", in, "--output", out, "--kernel", "levenshtein", "--keep", "below=2"))
                .as("auto: 60 rows are far below ThresholdJoin.AUTO_PAIRS").isEqualTo("tiles");
        SparkConf conf = auto.clone().set("spark.allpairs.join", "on");
        assertThat(path(conf, "--input", in, "--output", out, "--kernel", "levenshtein", "--keep", "below=2"))
                .isEqualTo("join");
        assertThat(path(conf, "--input", in, "--output", out, "--kernel", "levenshtein", "--keep", "below=2",
                "--checkpoint", dir.resolve("ck").toString())).isEqualTo("tiles");
        assertThat(path(conf, "--input", in, "--output", out, "--kernel", "levenshtein", "--keep", "below=17"))
                .as("k above SegmentFilter.MAX_K").isEqualTo("tiles");
        assertThat(path(conf, "--input", in, "--output", out, "--kernel", "levenshtein", "--keep", "above=2"))
                .isEqualTo("tiles");
        assertThat(path(conf, "--input", in, "--output", out, "--kernel", "nw", "--keep", "above=2"))
                .isEqualTo("tiles");
        assertThat(path(conf.clone().set("spark.allpairs.join", "off"), "--input", in, "--output", out,
                "--kernel", "levenshtein", "--keep", "below=2")).isEqualTo("tiles");
        StringBuilder many = new StringBuilder();
        for (int r = 0; r < 14_200; r++) { // 14,200 · 14,201 / 2 pairs: just above AUTO_PAIRS
            many.append("ACGT".repeat(3)).append(Integer.toString(r, 4).replace('0', 'A').replace('1', 'C')
                    .replace('2', 'G').replace('3', 'T')).append('\n');
        }
        String big = Files.writeString(dir.resolve("many.txt"), many.toString()).toString();
        assertThat(path(auto, "--input", big, "--input-format", "text", "--output", out, "--kernel", "levenshtein",
                "--keep", "below=2")).isEqualTo("join");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void parquetEdgesEqualTheTiledPathsWithCheckpoint() throws Exception {
        String in = reads().toString();
        Path joined = dir.resolve("joined");
        Path tiled = dir.resolve("tiled");
        JsonNode join = run("--input", in, "--output", joined.toString(), "--kernel", "levenshtein", "--keep",
                "below=3", "--both-directions");
        JsonNode tiles = run("--input", in, "--output", tiled.toString(), "--kernel", "levenshtein", "--keep",
                "below=3", "--both-directions", "--checkpoint", dir.resolve("ck").toString());
        assertThat(join.get("path").asText()).isEqualTo("join");
        assertThat(tiles.has("path")).as("--checkpoint takes the tiled path").isFalse();
        assertThat(join.get("pairs_full").asLong()).isEqualTo(60L * 61 / 2).isEqualTo(tiles.get("pairs").asLong());
        assertThat(join.get("pairs_verified").asLong()).isEqualTo(join.get("pairs").asLong())
                .isLessThanOrEqualTo(join.get("candidates").asLong());
        List<String> edges = edges(joined);
        assertThat(edges).hasSize(join.get("edges").asInt()).isNotEmpty().isEqualTo(edges(tiled));
    }

    /**
     * A text input on the join path is read by the executors (RowSplits), here in splits of 16 bytes so
     * most reads cross a boundary: the Parquet edges equal the tiled path's (driver-read); an empty
     * line in a later split fails as the driver's reader fails (exit 2, the same line, nothing written).
     */
    @Test
    void textReadByTheExecutorsInSmallSplitsGivesTheTiledPathsEdgesAndErrors() throws Exception {
        List<String> lines = Files.readAllLines(reads());
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (!line.startsWith(">")) {
                text.append(line).append(line.length() % 4 == 0 ? "\r\n" : "\n");
            }
        }
        Path in = Files.writeString(dir.resolve("reads.txt"), text);
        Path bad = Files.writeString(dir.resolve("bad.txt"), text.substring(0, 200) + "\n \n" + text.substring(200));
        org.apache.hadoop.conf.Configuration hadoop = TestSpark.session().sparkContext().hadoopConfiguration();
        hadoop.setLong(allpairs.join.RowSplits.MAX_SPLIT, 16);
        try {
            JsonNode join = run("--input", in.toString(), "--output", dir.resolve("joined").toString(), "--kernel",
                    "levenshtein", "--keep", "below=3");
            JsonNode tiles = run("--input", in.toString(), "--output", dir.resolve("tiled").toString(), "--kernel",
                    "levenshtein", "--keep", "below=3", "--checkpoint", dir.resolve("ck").toString());
            assertThat(join.get("path").asText()).isEqualTo("join");
            assertThat(join.get("m").asLong()).isEqualTo(60);
            assertThat(edges(dir.resolve("joined"), "i, j, value")).isNotEmpty()
                    .isEqualTo(edges(dir.resolve("tiled"), "i, j, value"));
            Cli executors = Cli.run(TestSpark.conf(), "--input", bad.toString(), "--output",
                    dir.resolve("bad-join").toString(), "--kernel", "levenshtein", "--keep", "below=3");
            Cli driver = Cli.run(TestSpark.conf(), "--input", bad.toString(), "--output",
                    dir.resolve("bad-tiles").toString(), "--kernel", "levenshtein", "--keep", "below=3",
                    "--checkpoint", dir.resolve("ck2").toString());
            assertThat(executors.exitCode).as(executors.toString()).isEqualTo(2);
            assertThat(executors.err.strip()).contains("empty line").isEqualTo(driver.err.strip());
            assertThat(dir.resolve("bad-join")).doesNotExist();
        } finally {
            hadoop.unset(allpairs.join.RowSplits.MAX_SPLIT);
        }
    }

    private static String path(SparkConf conf, String... args) throws Exception {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--explain";
        Cli r = Cli.run(conf, all);
        assertThat(r.exitCode).as(r.toString()).isZero();
        JsonNode explained = JSON.readTree(r.out);
        boolean join = explained.get("path").asText().equals("join");
        // the estimate of the join's candidates (CandidateEstimateTest checks its value)
        assertThat(explained.has("estimated_candidates")).isEqualTo(join);
        if (join) {
            assertThat(explained.get("tiles").asLong()).as("the join plans no tiles").isZero();
            assertThat(explained.get("estimated_candidates").asLong()).isNotNegative();
            // meetings, not distinct pairs: a pair that meets under several keys counts each time, so above 1 is possible
            assertThat(explained.get("estimated_candidate_ratio").asDouble()).isNotNegative();
        }
        return explained.get("path").asText();
    }

    private static JsonNode run(String... args) throws Exception {
        Cli r = Cli.run(TestSpark.conf(), args);
        assertThat(r.exitCode).as(r.toString()).isZero();
        return JSON.readTree(r.out);
    }

    /** The edges in file order (files by name, rows as written). */
    private static List<String> edges(Path parquet) throws Exception {
        return edges(parquet, "i, j, value, id_i, id_j");
    }

    /** The given columns of the edges in file order, as text. */
    private static List<String> edges(Path parquet, String columns) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet rs = c.createStatement().executeQuery("SELECT " + columns + " FROM read_parquet('"
                     + parquet.resolve("*.parquet") + "', filename = true, file_row_number = true)"
                     + " ORDER BY filename, file_row_number")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getDouble(3));
                for (int col = 4; col <= rs.getMetaData().getColumnCount(); col++) {
                    row.append(' ').append(rs.getString(col));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
