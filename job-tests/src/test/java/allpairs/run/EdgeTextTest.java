package allpairs.run;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.run.EdgeListTest.Edge;
import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --format csv|tsv} edge lists (issue 28) against the .npy edge list of the same run parameters:
 * read back by DuckDB's CSV reader, every part file checked to start with the header line.
 */
class EdgeTextTest {
    @TempDir
    Path dir;

    private Path fasta() throws IOException {
        SplittableRandom rnd = new SplittableRandom(28);
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < 19; r++) {
            sb.append(">s").append(r).append('\n');
            for (int p = 1 + rnd.nextInt(12); p > 0; p--) {
                sb.append("ACG".charAt(rnd.nextInt(3)));
            }
            sb.append('\n');
        }
        return Files.writeString(dir.resolve("in.fa"), sb.toString());
    }

    private static Cli run(Path in, String kernel, Path out, String... edges) {
        List<String> args = new ArrayList<>(List.of("--input", in.toString(), "--output", out.toString(), "--kernel",
                kernel, "--block-size", "4"));
        args.addAll(List.of(edges));
        Cli r = Cli.run(TestSpark.conf(), args.toArray(String[]::new));
        assertThat(r.exitCode).as(r.toString()).isZero();
        return r;
    }

    /** The part files in name order (the bands' order), each starting with the header. */
    private static List<Path> parts(Path out, String ext, String header) throws IOException {
        List<Path> parts;
        try (Stream<Path> s = Files.list(out)) {
            parts = s.filter(p -> p.getFileName().toString().startsWith("part-")
                    && p.getFileName().toString().endsWith("." + ext)).sorted().toList();
        }
        assertThat(parts).isNotEmpty();
        for (Path p : parts) {
            assertThat(Files.readAllLines(p).get(0)).as(p.toString()).isEqualTo(header);
        }
        assertThat(out.resolve("_SUCCESS")).exists();
        return parts;
    }

    /** Edges as DuckDB reads them, file by file in order; ids checked against the row numbers. */
    private static List<Edge> read(List<Path> parts, char sep, boolean ids) throws Exception {
        List<Edge> edges = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Path p : parts) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT i, j, value, id_i, id_j FROM read_csv('"
                        + p + "', header = true, delim = '" + sep + "', columns = {'i': 'BIGINT', 'j': 'BIGINT',"
                        + " 'value': 'DOUBLE', 'id_i': 'VARCHAR', 'id_j': 'VARCHAR'})")) {
                    while (rs.next()) {
                        edges.add(new Edge(rs.getLong(1), rs.getLong(2), rs.getDouble(3)));
                        assertThat(rs.getString(4)).isEqualTo(ids ? "s" + rs.getLong(1) : null);
                        assertThat(rs.getString(5)).isEqualTo(ids ? "s" + rs.getLong(2) : null);
                    }
                }
            }
        }
        return edges;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"csv, --keep, below=4", "tsv, --keep, below=4", "csv, --top-k, 3", "tsv, --top-k, 3"})
    void textEdgesEqualTheNpyEdgesWithIds(String format, String option, String value) throws Exception {
        Path in = fasta();
        Path npy = dir.resolve("edges.npy");
        run(in, "levenshtein", npy, option, value);
        Path out = dir.resolve("edges." + format);
        Cli r = run(in, "levenshtein", out, option, value); // the format follows the name
        assertThat(r.out).contains("\"format\":\"" + format + "\"");
        String sep = format.equals("csv") ? "," : "\t";
        List<Edge> got = read(parts(out, format, String.join(sep, "i", "j", "value", "id_i", "id_j")),
                sep.charAt(0), true);
        List<Edge> expected = EdgeListTest.readEdges(npy);
        assertThat(got).isNotEmpty().containsExactlyElementsOf(expected);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out).get("edges").asLong())
                .isEqualTo(expected.size());
    }

    @Test
    void withoutIdsTheIdColumnsAreEmpty() throws Exception {
        Path in = Fixtures.input(16, 8);
        Path npy = dir.resolve("top.npy");
        run(in, "seed", npy, "--top-k", "2");
        Path out = dir.resolve("top");
        run(in, "seed", out, "--top-k", "2", "--format", "csv");
        List<Path> parts = parts(out, "csv", "i,j,value,id_i,id_j");
        assertThat(Files.readAllLines(parts.get(0)).get(1)).matches("\\d+,\\d+,[-0-9.E]+,,");
        assertThat(read(parts, ',', false)).containsExactlyElementsOf(EdgeListTest.readEdges(npy));
    }

    @Test
    void noEdgesStillWritesTheHeader() throws Exception {
        Path out = dir.resolve("none.csv");
        run(fasta(), "levenshtein", out, "--keep", "below=-1");
        List<Path> parts = parts(out, "csv", "i,j,value,id_i,id_j");
        assertThat(read(parts, ',', true)).isEmpty();
    }
}
