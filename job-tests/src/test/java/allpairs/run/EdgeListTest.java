package allpairs.run;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.io.NpyHeader;
import allpairs.io.RowsInput;
import allpairs.kernel.Kernel;
import allpairs.kernel.KernelKind;
import allpairs.kernel.Kernels;
import allpairs.kernel.Rows;
import allpairs.config.JobConfig;
import allpairs.config.OutputConfig;
import allpairs.support.Jobs;
import allpairs.config.OutputFormat;
import allpairs.config.OutputOptions;
import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.NpyFiles;
import allpairs.support.TestSpark;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * --keep and --top-k against the dense matrix of the same inputs, filtered here pair by pair, for
 * every kernel; edge .npy read with a minimal reader of our own, Parquet with DuckDB.
 */
class EdgeListTest {
    @TempDir
    Path dir;

    record Edge(long i, long j, double v) {
    }

    private Path input(String kernel) throws IOException {
        SplittableRandom rnd = new SplittableRandom(kernel.hashCode());
        switch (kernel) {
            case "seed":
                return Fixtures.input(16, 8);
            case "dtw":
            case "test-weighted-difference": {
                ByteBuffer b = ByteBuffer.allocate(14 * 6 * 8).order(ByteOrder.LITTLE_ENDIAN);
                for (int e = 0; e < 14 * 6; e++) {
                    b.putDouble(Math.round(rnd.nextDouble() * 8) / 2.0); // ties on purpose
                }
                return NpyFiles.write(dir.resolve(kernel + ".npy"),
                        NpyFiles.v1("{'descr': '<f8', 'fortran_order': False, 'shape': (14, 6), }", b.array()));
            }
            case "mi": {
                byte[] d = new byte[15 * 20];
                for (int e = 0; e < d.length; e++) {
                    d[e] = (byte) rnd.nextInt(4);
                }
                return NpyFiles.write(dir.resolve("mi.npy"),
                        NpyFiles.v1("{'descr': '|u1', 'fortran_order': False, 'shape': (15, 20), }", d));
            }
            default: {
                StringBuilder sb = new StringBuilder();
                for (int r = 0; r < 17; r++) {
                    sb.append(">s").append(r).append('\n');
                    int len = 1 + rnd.nextInt(12);
                    for (int p = 0; p < len; p++) {
                        sb.append("ACG".charAt(rnd.nextInt(3)));
                    }
                    sb.append('\n');
                }
                return Files.writeString(dir.resolve(kernel + ".fa"), sb.toString());
            }
        }
    }

    static List<Edge> readEdges(Path npy) throws IOException {
        byte[] file = Files.readAllBytes(npy);
        String header = new String(file, 10, Fixtures.dataOffset(file) - 10, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(header).startsWith("{'descr': [('i', '<i8'), ('j', '<i8'), ('value', '<f8')], 'fortran_order': False,");
        ByteBuffer b = ByteBuffer.wrap(file, Fixtures.dataOffset(file), file.length - Fixtures.dataOffset(file))
                .order(ByteOrder.LITTLE_ENDIAN);
        List<Edge> edges = new ArrayList<>();
        while (b.remaining() >= 24) {
            edges.add(new Edge(b.getLong(), b.getLong(), b.getDouble()));
        }
        assertThat(header).contains("'shape': (" + edges.size() + ",)");
        assertThat(b.remaining()).isZero();
        return edges;
    }

    private RunResult run(String kernel, Path in, Path out, OutputOptions options, int block) throws IOException {
        Kernel<?> k = Kernels.configured(kernel, List.of());
        Rows rows = RowsInput.read(in.toString(), null, k.elementType(), kernel, "--input", new Configuration());
        JobConfig spec = JobConfig.of(in.toString(), out.toString(), kernel, block, 3)
                .with(new OutputConfig(out.toString(), OutputFormat.NPY, false, options, null));
        return Jobs.run(spec, k, rows, null);
    }

    static List<Edge> keep(double[] d, int m, boolean symmetric, OutputOptions.Threshold t, boolean self, boolean both) {
        List<Edge> out = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                boolean wanted = i == j ? self : (!symmetric || i < j || both);
                if (wanted && t.passes(d[i * m + j])) {
                    out.add(new Edge(i, j, d[i * m + j]));
                }
            }
        }
        return out;
    }

    static List<Edge> topK(double[] d, int m, int k, boolean ascending, boolean self) {
        List<Edge> out = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            List<Edge> row = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                if (i != j || self) {
                    row.add(new Edge(i, j, d[i * m + j]));
                }
            }
            Comparator<Edge> byValue = Comparator.comparingDouble(Edge::v);
            row.sort((ascending ? byValue : byValue.reversed()).thenComparingLong(Edge::j));
            out.addAll(row.subList(0, Math.min(k, row.size()))); // rank order: best first, ties to the lower j
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"seed", "levenshtein", "nw", "sw", "dtw", "mi", "test-weighted-difference"})
    void edgeListsEqualTheFilteredDenseMatrix(String kernel) throws IOException {
        Path in = input(kernel);
        Path dense = dir.resolve("dense.npy");
        run(kernel, in, dense, null, 4);
        double[] d = Fixtures.float64(dense);
        int m = (int) Math.round(Math.sqrt(d.length));
        Kernel<?> k = Kernels.byName(kernel);
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        boolean ascending = k.kind() == KernelKind.DISTANCE;
        int n = 0;
        for (String side : new String[] {"below", "above"}) {
            OutputOptions.Threshold t = OutputOptions.Threshold.parse(side + "=" + median);
            for (boolean[] flags : new boolean[][] {{false, false}, {true, false}, {false, true}, {true, true}}) {
                if (flags[1] && !k.symmetric()) {
                    continue;
                }
                Path out = dir.resolve("keep" + n++ + ".npy");
                RunResult r = run(kernel, in, out, new OutputOptions(false, null, t, null, flags[0], flags[1]), 3);
                List<Edge> expected = keep(d, m, k.symmetric(), t, flags[0], flags[1]);
                assertThat(readEdges(out)).as("%s %s self=%s both=%s", kernel, t, flags[0], flags[1])
                        .containsExactlyElementsOf(expected);
                assertThat(r.edges()).isEqualTo(expected.size());
            }
        }
        for (int topK : new int[] {1, 3, m + 2}) {
            for (boolean self : new boolean[] {false, true}) {
                Path out = dir.resolve("top" + n++ + ".npy");
                run(kernel, in, out, new OutputOptions(false, null, null, topK, self, false), 3);
                assertThat(readEdges(out)).as("%s top-%d self=%s", kernel, topK, self)
                        .containsExactlyElementsOf(topK(d, m, topK, ascending, self));
            }
        }
    }

    @Test
    void parquetEdgesCarryIdsAndAgainstWorks() throws Exception {
        Path q = input("levenshtein");
        Path out = dir.resolve("edges");
        Cli r = Cli.run(TestSpark.conf(), "--input", q.toString(), "--output", out.toString(), "--kernel", "levenshtein",
                "--top-k", "2", "--block-size", "5");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("\"layout\":\"edges\"");
        allpairs.support.SummaryAssertions.computeTimeIsSane(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(r.out)); // Parquet edges: the compute stage ends in a shuffle
        Path dense = dir.resolve("d.npy");
        assertThat(Cli.run(TestSpark.conf(), "--input", q.toString(), "--output", dense.toString(), "--kernel",
                "levenshtein").exitCode).isZero();
        double[] d = Fixtures.float64(dense);
        List<Edge> expected = topK(d, 17, 2, true, false);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT i, j, value, id_i, id_j FROM read_parquet('"
                     + out.resolve("*.parquet") + "', file_row_number = true) ORDER BY i, file_row_number")) {
            List<Edge> got = new ArrayList<>();
            while (rs.next()) {
                got.add(new Edge(rs.getLong(1), rs.getLong(2), rs.getDouble(3)));
                assertThat(rs.getString(4)).isEqualTo("s" + rs.getLong(1));
                assertThat(rs.getString(5)).isEqualTo("s" + rs.getLong(2));
            }
            assertThat(got).containsExactlyElementsOf(expected);
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out).get("edges").asLong())
                    .as("edges reported for a Parquet edge list").isEqualTo(got.size());
        }
        // --keep into Parquet: the summary's edges is the number of rows written
        Path kept = dir.resolve("kept");
        Cli rk = Cli.run(TestSpark.conf(), "--input", q.toString(), "--output", kept.toString(), "--kernel",
                "levenshtein", "--keep", "below=3", "--block-size", "4");
        assertThat(rk.exitCode).as(rk.toString()).isZero();
        long passing = 0;
        for (int i = 0; i < 17; i++) {
            for (int j = i + 1; j < 17; j++) {
                passing += d[i * 17 + j] <= 3 ? 1 : 0;
            }
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM read_parquet('"
                     + kept.resolve("*.parquet") + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(passing);
        }
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(rk.out).get("edges").asLong())
                .isEqualTo(passing);
        // against: every (query, reference) pair passing, no notion of self
        Path against = dir.resolve("against.npy");
        Cli ra = Cli.run(TestSpark.conf(), "--input", q.toString(), "--against", q.toString(), "--output",
                against.toString(), "--kernel", "levenshtein", "--keep", "below=2");
        assertThat(ra.exitCode).as(ra.toString()).isZero();
        List<Edge> all = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            for (int j = 0; j < 17; j++) {
                if (d[i * 17 + j] <= 2) {
                    all.add(new Edge(i, j, d[i * 17 + j]));
                }
            }
        }
        assertThat(readEdges(against)).containsExactlyElementsOf(all);
    }

    @Test
    void theEdgeHeaderIsWhatNumpyWrites() throws IOException {
        byte[] numpy = Files.readAllBytes(Fixtures.numpy("edges3.npy"));
        byte[] ours = NpyHeader.encodeRaw(allpairs.spark.sink.EdgeNpySink.NPY_DESCR, new long[] {3});
        assertThat(Arrays.copyOf(numpy, ours.length)).isEqualTo(ours);
        List<Edge> edges = readEdges(Fixtures.numpy("edges3.npy"));
        assertThat(edges).containsExactly(new Edge(0, 1, 1.5), new Edge(0, 2, -2.0), new Edge(2, 1, 3.25));
    }

    @Test
    void refusesBadEdgeOptions() {
        String in = Fixtures.input(16, 8).toString();
        Object[][] cases = {
            {new String[] {"--top-k", "0"}, "must be an integer >= 1", "--top-k"},
            {new String[] {"--top-k", "-2"}, "must be an integer >= 1", "--top-k"},
            {new String[] {"--top-k", "3", "--layout", "condensed"}, "cannot be combined with --top-k", "--layout"},
            {new String[] {"--keep", "below"}, "expected below=X or above=X", "--keep"},
            {new String[] {"--keep", "near=3"}, "expected below=X or above=X", "--keep"},
            {new String[] {"--keep", "below=abc"}, "'abc' is not a finite number", "--keep"},
            {new String[] {"--keep", "below=1", "--top-k", "2"}, "choose one", "--top-k"},
            {new String[] {"--include-self"}, "applies to --keep or --top-k", "--include-self"},
            {new String[] {"--top-k", "2", "--both-directions"}, "applies to --keep", "--both-directions"},
            {new String[] {"--top-k", "2", "--dtype", "float32"}, "applies to dense output", "--dtype"}};
        for (Object[] c : cases) {
            String[] extra = (String[]) c[0];
            String[] args = new String[6 + extra.length];
            System.arraycopy(new String[] {"--kernel", "seed", "--input", in, "--output", dir.resolve("x.npy").toString()}, 0, args, 0, 6);
            System.arraycopy(extra, 0, args, 6, extra.length);
            allpairs.cli.BadInputTest.assertUserError(Cli.runWithoutSpark(args), (String) c[1], (String) c[2]);
        }
    }
}
