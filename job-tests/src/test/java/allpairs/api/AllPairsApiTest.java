package allpairs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.SparkCliTest;
import allpairs.support.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java API on DataFrames built here, on the shared test session (Kryo with
 * registrationRequired=true and our registrator: every class the API ships must be registered),
 * against the command line run in-process on the same rows (written as Parquet) and against a
 * brute-force Levenshtein loop.
 */
class AllPairsApiTest extends SparkCliTest {
    static final StructType SCHEMA = new StructType().add("id", DataTypes.StringType).add("seq", DataTypes.StringType);
    static List<Row> reads;
    static List<Row> queries;
    /** The same rows as Parquet files (one each, in the same order) for the command line. */
    @TempDir
    static Path tables;
    static String readsFile;
    static String queriesFile;

    @BeforeAll
    static void rows() {
        reads = mutants(new Random(27), 24, "r");
        queries = mutants(new Random(72), 5, "q");
        readsFile = tables.resolve("reads.parquet").toString();
        queriesFile = tables.resolve("q.parquet").toString();
        frame(reads).coalesce(1).write().parquet(readsFile);
        frame(queries).coalesce(1).write().parquet(queriesFile);
    }

    /** Copies of four random sequences with up to three random edits each: close pairs and far ones. */
    static List<Row> mutants(Random random, int count, String prefix) {
        String[] bases = new String[4];
        for (int b = 0; b < bases.length; b++) {
            bases[b] = randomSeq(random, 10 + random.nextInt(5));
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            StringBuilder s = new StringBuilder(bases[random.nextInt(bases.length)]);
            for (int e = random.nextInt(4); e > 0; e--) {
                s.setCharAt(random.nextInt(s.length()), "ACGT".charAt(random.nextInt(4)));
            }
            rows.add(RowFactory.create(prefix + r, s.toString()));
        }
        return rows;
    }

    private static String randomSeq(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < n; k++) {
            s.append("ACGT".charAt(random.nextInt(4)));
        }
        return s.toString();
    }

    static Dataset<Row> frame(List<Row> rows) {
        return TestSpark.session().createDataFrame(rows, SCHEMA);
    }

    private Cli cli(String... args) {
        Cli r = run(args);
        assertThat(r.exitCode).as(r.toString()).isZero();
        return r;
    }

    @Test
    void denseWriteEqualsTheCommandLineAndTheLoop() throws IOException {
        Path api = dir.resolve("api.npy");
        RunSummary summary = AllPairs.on(TestSpark.session()).rows(frame(reads), "id", "seq").kernel("levenshtein")
                .write(api.toString());
        cli("--input", readsFile, "--id-column", "id", "--value-column", "seq",
                "--kernel", "levenshtein", "--output", dir.resolve("cli.npy").toString());
        assertThat(Files.readAllBytes(api)).isEqualTo(Files.readAllBytes(dir.resolve("cli.npy")));
        assertThat(dir.resolve("api.npy.ids.txt")).hasSameTextualContentAs(dir.resolve("cli.npy.ids.txt"));
        assertThat(Fixtures.float64(api)).containsExactly(loop(reads, reads));
        assertThat(summary.rows()).isEqualTo(24);
        assertThat(summary.edges()).isEqualTo(-1);
        assertThat(summary.json()).contains("\"kernel\":\"levenshtein\"");
    }

    @Test
    void againstWritesTheCommandLinesRectangleThroughACheckpoint() throws IOException {
        Path api = dir.resolve("api.npy");
        Path checkpoint = dir.resolve("ck");
        AllPairs.on(TestSpark.session()).rows(frame(reads), "id", "seq").against(frame(queries), "id", "seq")
                .kernel("levenshtein").checkpoint(checkpoint.toString()).write(api.toString());
        try (var stored = Files.list(checkpoint)) {
            assertThat(stored).isNotEmpty(); // the tiles went to the checkpoint too
        }
        cli("--input", readsFile, "--against", queriesFile,
                "--id-column", "id", "--value-column", "seq", "--kernel", "levenshtein", "--output",
                dir.resolve("cli.npy").toString());
        assertThat(Files.readAllBytes(api)).isEqualTo(Files.readAllBytes(dir.resolve("cli.npy")));
        assertThat(dir.resolve("api.npy.ref_ids.txt")).hasSameTextualContentAs(dir.resolve("cli.npy.ref_ids.txt"));
        assertThat(Fixtures.float64(api)).containsExactly(loop(reads, queries));
    }

    @Test
    void keptEdgesEqualTheCommandLinesAndTheLoop() throws IOException {
        SparkSession spark = TestSpark.session();
        Dataset<Row> edges = AllPairs.on(spark).rows(frame(reads), "id", "seq").kernel("levenshtein").keepBelow(3)
                .edges();
        assertThat(edges.columns()).containsExactly("i", "j", "value", "id_i", "id_j");
        Path out = dir.resolve("cli.csv");
        cli("--input", readsFile, "--id-column", "id", "--value-column", "seq",
                "--kernel", "levenshtein", "--keep", "below=3", "--output", out.toString());
        List<String> expected = new ArrayList<>();
        double[] d = loop(reads, reads);
        for (int i = 0; i < 24; i++) {
            for (int j = i + 1; j < 24; j++) {
                if (d[i * 24 + j] <= 3) {
                    expected.add(edge(i, j, d[i * 24 + j], reads.get(i).getString(0), reads.get(j).getString(0)));
                }
            }
        }
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(strings(edges)).containsExactlyElementsOf(expected);
        assertThat(csv(out)).containsExactlyElementsOf(expected);
        // write() takes the command line's path, the exact join included (the test session turns it on).
        Path api = dir.resolve("api.csv");
        RunSummary written = AllPairs.on(spark).rows(frame(reads), "id", "seq").kernel("levenshtein").keepBelow(3)
                .write(api.toString());
        assertThat(written.edges()).isEqualTo(expected.size());
        assertThat(written.json()).contains("\"path\":\"join\"");
        assertThat(csv(api)).containsExactlyElementsOf(expected);
        // It composes with the caller's own joins: each edge's sequence from the caller's table.
        Dataset<Row> seqs = frame(reads).withColumnRenamed("id", "id_i");
        assertThat(edges.join(seqs, "id_i").filter("length(seq) > 0").count()).isEqualTo(expected.size());
    }

    @Test
    void topKEdgesEqualTheCommandLines() throws IOException {
        SparkSession spark = TestSpark.session();
        Dataset<Row> edges = AllPairs.on(spark).rows(frame(reads), "id", "seq").against(frame(queries), "id", "seq")
                .kernel("levenshtein").topK(2).edges();
        Path out = dir.resolve("cli.csv");
        cli("--input", readsFile, "--against", queriesFile,
                "--id-column", "id", "--value-column", "seq", "--kernel", "levenshtein", "--top-k", "2", "--output",
                out.toString());
        List<String> api = strings(edges);
        assertThat(api).hasSize(24 * 2).isEqualTo(csv(out));
        double[] d = loop(reads, queries);
        for (int i = 0; i < 24; i++) { // each row's two closest queries, ties to the lower j
            int row = i;
            List<Integer> best = new ArrayList<>(List.of(0, 1, 2, 3, 4));
            best.sort(Comparator.comparingDouble((Integer j) -> d[row * 5 + j]).thenComparing(j -> j));
            for (int j : best.subList(0, 2)) {
                assertThat(api).contains(edge(i, j, d[i * 5 + j], reads.get(i).getString(0),
                        queries.get(j).getString(0)));
            }
        }
    }

    @Test
    void problemsAreUserErrorsWithTheCommandLinesLine() throws IOException {
        SparkSession spark = TestSpark.session();
        Cli bad = run("--input", readsFile, "--id-column", "id", "--kernel",
                "levenshtein", "--kernel-param", "nope=1", "--output", dir.resolve("cli.npy").toString());
        assertThatThrownBy(() -> AllPairs.on(spark).rows(frame(reads), "id", "seq").kernel("levenshtein")
                .param("nope", "1").write(dir.resolve("api.npy").toString()))
                .isInstanceOf(UserError.class)
                .satisfies(e -> assertThat(bad.err).contains("allpairs: error: " + e.getMessage() + "\n"));
        assertThat(bad.exitCode).isEqualTo(2);
        assertThat(dir.resolve("api.npy")).doesNotExist();
        List<Row> duplicate = new ArrayList<>(reads);
        duplicate.add(RowFactory.create("r3", "ACGT"));
        assertThatThrownBy(() -> AllPairs.on(spark).rows(frame(duplicate), "id", "seq").kernel("levenshtein")
                .keepBelow(1).edges()).isInstanceOf(UserError.class)
                .hasMessage("row 24: id 'r3' of column 'id' is a duplicate (row 3 has it), the rows Dataset");
        assertThatThrownBy(() -> AllPairs.on(spark).rows(frame(reads), "id", "seq").kernel("levenshtein").edges())
                .isInstanceOf(UserError.class).hasMessageContaining("a dense matrix goes to write(path)");
        Files.writeString(dir.resolve("taken.npy"), "mine");
        assertThatThrownBy(() -> AllPairs.on(spark).rows(frame(reads), "id", "seq").kernel("levenshtein")
                .write(dir.resolve("taken.npy").toString())).isInstanceOf(UserError.class)
                .hasMessageStartingWith("output already exists (use --overwrite to replace it), file:");
        assertThat(dir.resolve("taken.npy")).hasContent("mine");
    }

    /** The session goes on as it was: same settings and local properties (no job group), not stopped. */
    @Test
    void theCallersSessionIsLeftAsItWas() {
        SparkSession spark = TestSpark.session();
        // A shuffle of the caller's own first: Spark 3.5's SQL leaves a local property of its own behind.
        assertThat(frame(reads).groupBy("seq").count().collectAsList()).isNotEmpty();
        java.util.Properties local = (java.util.Properties) spark.sparkContext().getLocalProperties().clone();
        List<Row> sql = spark.sql("SET").collectAsList(); // every setting of the session (conf().getAll() is Scala's)
        String context = spark.sparkContext().getConf().toDebugString();
        assertThat(spark.sparkContext().getConf().get("spark.kryo.registrationRequired")).isEqualTo("true");
        AllPairs.on(spark).rows(frame(reads), "id", "seq").kernel("levenshtein").write(dir.resolve("a.npy").toString());
        assertThat(AllPairs.on(spark).rows(frame(reads), "id", "seq").kernel("levenshtein").topK(1).edges().count())
                .isEqualTo(24);
        assertThat(spark.sql("SET").collectAsList()).isEqualTo(sql);
        assertThat(spark.sparkContext().getConf().toDebugString()).isEqualTo(context);
        assertThat(spark.sparkContext().getLocalProperties()).isEqualTo(local);
        assertThat(local.stringPropertyNames()).doesNotContain("spark.jobGroup.id", "spark.job.description");
        assertThat(spark.sparkContext().isStopped()).isFalse();
    }

    /**
     * A session with Spark's default Java serializer needs a JVM of its own (one SparkContext per JVM):
     * {@link JavaSerializerProgram} runs there, and its edges and matrix equal the loop's.
     */
    @Test
    void aSessionWithJavaSerializationRunsTheApi() throws Exception {
        Path npy = dir.resolve("java.npy");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("-Dlog4j2.")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JavaSerializerProgram.class.getName(),
                npy.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines().toList();
        assertThat(p.waitFor()).as(String.join("\n", lines)).isZero();
        assertThat(lines.get(0)).isEqualTo("org.apache.spark.serializer.JavaSerializer");
        double[] d = loop(reads, reads);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            for (int j = i + 1; j < 24; j++) {
                if (d[i * 24 + j] <= 3) {
                    expected.add(edge(i, j, d[i * 24 + j], reads.get(i).getString(0), reads.get(j).getString(0)));
                }
            }
        }
        assertThat(lines.subList(1, lines.size())).isEqualTo(expected);
        assertThat(Fixtures.float64(npy)).containsExactly(d);
    }

    /** The API on a session of its own with Spark's default (Java) serializer: prints it, then the edges. */
    public static final class JavaSerializerProgram {
        public static void main(String[] args) {
            SparkSession spark = SparkSession.builder().master("local[2]").appName("java-serializer")
                    .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
            try {
                System.out.println(spark.sparkContext().env().serializer().getClass().getName());
                Dataset<Row> rows = spark.createDataFrame(mutants(new Random(27), 24, "r"), SCHEMA);
                strings(AllPairs.on(spark).rows(rows, "id", "seq").kernel("levenshtein").keepBelow(3).edges())
                        .forEach(System.out::println);
                AllPairs.on(spark).rows(rows, "id", "seq").kernel("levenshtein").write(args[0]);
            } finally {
                spark.stop();
            }
        }
    }

    private static String edge(long i, long j, double v, String idI, String idJ) {
        return i + " " + j + " " + v + " " + idI + " " + idJ;
    }

    /** The edges in (i, j) order, as text. */
    static List<String> strings(Dataset<Row> edges) {
        List<Row> rows = new ArrayList<>(edges.collectAsList());
        rows.sort(Comparator.comparingLong((Row r) -> r.getLong(0)).thenComparingLong(r -> r.getLong(1)));
        return rows.stream().map(r -> edge(r.getLong(0), r.getLong(1), r.getDouble(2), r.getString(3),
                r.getString(4))).toList();
    }

    /** A CSV edge list's part files (each with the header i,j,value,id_i,id_j) in (i, j) order, as text. */
    static List<String> csv(Path dir) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (var parts = Files.list(dir)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".csv")).toList()) {
                List<String> lines = Files.readAllLines(part);
                assertThat(lines.get(0)).isEqualTo("i,j,value,id_i,id_j");
                lines.subList(1, lines.size()).forEach(line -> rows.add(line.split(",", -1)));
            }
        }
        rows.sort(Comparator.comparingLong((String[] r) -> Long.parseLong(r[0]))
                .thenComparingLong(r -> Long.parseLong(r[1])));
        return rows.stream().map(r -> edge(Long.parseLong(r[0]), Long.parseLong(r[1]), Double.parseDouble(r[2]), r[3],
                r[4])).toList();
    }

    /** Levenshtein distances of every pair, row-major, by the textbook dynamic programme. */
    static double[] loop(List<Row> a, List<Row> b) {
        double[] d = new double[a.size() * b.size()];
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                d[i * b.size() + j] = levenshtein(a.get(i).getString(1), b.get(j).getString(1));
            }
        }
        return d;
    }

    private static int levenshtein(String s, String t) {
        int[] prev = new int[t.length() + 1];
        int[] cur = new int[t.length() + 1];
        for (int j = 0; j <= t.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= t.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1)
                        ? 0 : 1));
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[t.length()];
    }
}
