package allpairs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Fixtures;
import allpairs.support.Launcher;
import allpairs.support.NpyFiles;
import allpairs.support.SeedReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs through ./submit.sh in separate JVMs (after `package`, under failsafe). */
class LauncherIT {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void demoRunsARealJobAndItsMatrixIsRight() throws Exception {
        Launcher r = Launcher.run(Map.of("ALLPAIRS_DEMO_DIR", dir.toString()), "demo");
        assertThat(r.exitCode).as(r.toString()).isZero();
        String[] lines = r.out.strip().split("\n");
        JsonNode summary = JSON.readTree(lines[0]);
        assertThat(summary.get("m").asInt()).isEqualTo(600);
        assertThat(summary.get("n").asInt()).isEqualTo(48);
        Path output = Path.of(lines[lines.length - 1].replaceFirst("^output: ", ""));
        assertThat(output).exists().hasParent(dir);
        // spot-check the demo's matrix against the literal definition
        Path input = dir.resolve("demo_A_600x48.npy");
        byte[][] rows = Fixtures.int8Rows(input, 600, 48);
        double[] matrix = Fixtures.float64(output);
        assertThat(matrix).hasSize(600 * 600);
        SplittableRandom rnd = new SplittableRandom(11);
        for (int t = 0; t < 200; t++) {
            int i = rnd.nextInt(600);
            int j = rnd.nextInt(600);
            assertThat(Double.doubleToRawLongBits(matrix[i * 600 + j]))
                    .isEqualTo(Double.doubleToRawLongBits(SeedReference.pair(rows[Math.min(i, j)], rows[Math.max(i, j)])));
        }
    }

    @Test
    void dryRunShowsTheJava17FlagsAndHonoursDriverOptions() throws Exception {
        Launcher r = Launcher.run(Map.of(), "--dry-run", "--master", "local[2]", "--driver-memory", "512m",
                "--driver-java-options", "-Dallpairs.probe=yes", "--", "--kernel", "seed", "--input", "a.npy", "--output", "b.npy");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED")
                .contains("--add-opens=java.base/java.nio=ALL-UNNAMED")
                .contains("-Xmx512m")
                .contains("-Dallpairs.probe=yes")
                .contains("org.apache.spark.deploy.SparkSubmit")
                .contains("allpairs.cli.Main")
                .contains("--input a.npy --output b.npy");
    }

    @Test
    void computesTheGoldenMatrixThroughSparkSubmit() throws Exception {
        Path out = dir.resolve("o.npy");
        long started = System.nanoTime();
        Launcher r = Launcher.run(Map.of(), "--master", "local[2]", "--", "--kernel", "seed", "--input", Fixtures.input(33, 21).toString(),
                "--output", out.toString(), "--block-size", "4");
        double processWall = (System.nanoTime() - started) / 1e9;
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out.lines()).hasSize(1);
        var summary = JSON.readTree(r.out);
        assertThat(summary.get("output").asText()).endsWith(out.toString());
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.bytes(Fixtures.output(33, 21)));
        // wall_seconds covers the driver JVM's start-up (Spark's start alone takes seconds), within the process
        // wall the test saw (which adds submit.sh and the launcher JVM before it; the JVM's start time is read from
        // another clock, hence the second of slack).
        double wall = summary.get("wall_seconds").asDouble();
        assertThat(wall).as(r.out).isGreaterThan(summary.get("seconds").asDouble() + 1.0).isLessThan(processWall + 1.0);
    }

    @Test
    void badInputExitsTwoWithOneLineAndWritesNothing() throws Exception {
        Path bad = NpyFiles.write(dir.resolve("bad.npy"),
                NpyFiles.v1("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1), }", new byte[8]));
        Path out = dir.resolve("o.npy");
        Launcher r = Launcher.run(Map.of(), "--master", "local[2]", "--", "--kernel", "seed", "--input", bad.toString(),
                "--output", out.toString());
        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        assertThat(r.out).isEmpty();
        assertThat(r.err.lines().filter(l -> l.startsWith("allpairs: error: "))).hasSize(1);
        assertThat(r.err).contains("'<f8'").contains(bad.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();

        Launcher unknown = Launcher.run(Map.of(), "--", "--no-such-option");
        assertThat(unknown.exitCode).isEqualTo(2);
        assertThat(unknown.err).contains("allpairs: error: unknown option: '--no-such-option'");
    }

    @Test
    void internalFailureExitsOneAndLeavesNothingAtTheOutput() throws Exception {
        // The test-only fault switch fails a compute task; local[2] never retries, so the job fails.
        Path out = dir.resolve("o.npy");
        Launcher r = Launcher.run(Map.of(), "--master", "local[2]", "--driver-java-options",
                "-Dallpairs.test.failPartitions=1", "--", "--kernel", "seed", "--input", Fixtures.input(40, 12).toString(),
                "--output", out.toString(), "--block-size", "5");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        assertThat(r.out).isEmpty();
        assertThat(r.err).contains("allpairs: internal error");
        assertThat(r.err).contains("injected failure in partition 1");
        assertThat(dir.toFile().list()).isEmpty();

        // local[2,4] retries the task: same bytes as a clean run
        Launcher retried = Launcher.run(Map.of(), "--master", "local[2,4]", "--driver-java-options",
                "-Dallpairs.test.failPartitions=0,1", "--", "--kernel", "seed", "--input", Fixtures.input(40, 12).toString(),
                "--output", out.toString(), "--block-size", "5");
        assertThat(retried.exitCode).as(retried.toString()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.bytes(Fixtures.output(40, 12)));
    }

    @Test
    void versionAndHelpWorkWithoutSpark() throws Exception {
        Launcher v = Launcher.run(Map.of(), "--version");
        assertThat(v.exitCode).isZero();
        assertThat(v.out).containsPattern("allpairs \\S+")
                .contains("Spark " + System.getProperty("allpairs.spark.version") + " (Scala ").contains("Java 17");
        Launcher k = Launcher.run(Map.of(), "kernels");
        assertThat(k.exitCode).isZero();
        assertThat(k.out).contains("levenshtein").contains("--kernel-param gap-open=NUMBER  (default -2.0");
        Launcher h = Launcher.run(Map.of(), "--help");
        assertThat(h.exitCode).isZero();
        assertThat(h.out).contains("--block-size").contains("--overwrite");
    }

    @Test
    void usesSparkHomeSparkSubmitWhenSparkHomeIsSet() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("spark/bin"));
        Path fake = bin.resolve("spark-submit");
        Files.writeString(fake, "#!/usr/bin/env bash\necho \"fake spark-submit SPARK_CONF_DIR=$SPARK_CONF_DIR "
                + "SPARK_SCALA_VERSION=$SPARK_SCALA_VERSION $*\"\nexit 3\n");
        fake.toFile().setExecutable(true);
        // A Spark 3.5 installation (Scala 2.12), whatever this build is for: the Scala line comes from its jars.
        Files.createDirectories(dir.resolve("spark/jars"));
        Files.createFile(dir.resolve("spark/jars/spark-core_2.12-3.5.7.jar"));
        Launcher r = Launcher.run(Map.of("SPARK_HOME", dir.resolve("spark").toString()), "--master", "yarn", "--",
                "--kernel", "seed", "--input", "a.npy", "--output", "b.npy");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(3); // the launcher's exit code is passed through
        // The installation's own configuration directory stays (SPARK_CONF_DIR is not pointed at ours).
        assertThat(r.out).startsWith("fake spark-submit SPARK_CONF_DIR= SPARK_SCALA_VERSION=2.12 ")
                .contains("--master yarn --class allpairs.cli.Main")
                .contains("allpairs-job.jar --kernel seed --input a.npy --output b.npy");
    }

    @Test
    void versionNamesTheSparkOfSparkHome() throws Exception {
        // A SPARK_HOME whose jars are this build's own Spark jars (a link), under another name.
        Path jars = Files.createDirectories(dir.resolve("other-spark")).resolve("jars");
        Files.createSymbolicLink(jars, Launcher.root().resolve("job/target/spark/jars"));
        Launcher v = Launcher.run(Map.of("SPARK_HOME", dir.resolve("other-spark").toString()), "--version");
        assertThat(v.exitCode).as(v.toString()).isZero();
        assertThat(v.out).contains("Spark " + System.getProperty("allpairs.spark.version") + " (Scala ");
        Files.delete(jars); // the link only, before @TempDir's cleanup would warn about it
        // Without its jars, no Spark version: proof the jars above were the ones read.
        Files.createDirectories(dir.resolve("no-spark/jars"));
        Launcher none = Launcher.run(Map.of("SPARK_HOME", dir.resolve("no-spark").toString()), "--version");
        assertThat(none.exitCode).as(none.toString()).isZero();
        assertThat(none.out).contains("Spark unknown");
    }

    /**
     * A Spark installation: its jars are this build's Spark jars (a link), its bin/spark-submit does what
     * bin/spark-class does (Spark's launcher builds the java command, which it runs) after printing its
     * arguments and SPARK_CONF_DIR on stderr, and its conf/spark-defaults.conf holds {@code defaults}.
     */
    private Path sparkInstallation(String defaults) throws Exception {
        Path home = Files.createDirectories(dir.resolve("cluster-spark"));
        Files.createSymbolicLink(home.resolve("jars"), Launcher.root().resolve("job/target/spark/jars"));
        Files.writeString(Files.createDirectories(home.resolve("conf")).resolve("spark-defaults.conf"), defaults);
        Path submit = Files.createDirectories(home.resolve("bin")).resolve("spark-submit");
        Files.writeString(submit, """
                #!/usr/bin/env bash
                echo "spark-submit SPARK_CONF_DIR=${SPARK_CONF_DIR:-} $*" >&2
                out=$(java -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main \
                    org.apache.spark.deploy.SparkSubmit "$@" | tr '\\0' '\\1')
                out=${out#*$'\\1'$'\\n'}
                IFS=$'\\1' read -r -d '' -a cmd < <(printf '%s' "$out")
                exec "${cmd[@]}"
                """);
        submit.toFile().setExecutable(true);
        return home;
    }

    @Test
    void theClusterSparkDefaultsReachTheRunAndOursAreLayeredOverThem() throws Exception {
        // spark.executor.memory sets the default --broadcast-limit (a quarter of it), which --explain prints.
        Path home = sparkInstallation("spark.executor.memory  4g\n"
                + "spark.driver.defaultJavaOptions -Dcluster.flag=1\nspark.kryoserializer.buffer.max 1g\n");
        String[] job = {"--", "--kernel", "seed", "--input", Fixtures.input(33, 21).toString(), "--output", "o.npy", "--explain"};
        try {
            Launcher r = Launcher.run(Map.of("SPARK_HOME", home.toString()), concat(new String[] {"--master", "local[2]"}, job));
            assertThat(r.exitCode).as(r.toString()).isZero();
            assertThat(JSON.readTree(r.out).get("broadcast_limit").asLong()).as(r.toString()).isEqualTo(1L << 30);
            assertThat(r.err).contains("spark-submit SPARK_CONF_DIR= ")
                    // the key the job needs, over the cluster's value
                    .contains("--conf spark.kryoserializer.buffer.max=512m ")
                    // Java options: the cluster's, then ours
                    .contains("--conf spark.driver.defaultJavaOptions=-Dcluster.flag=1 --add-modules=jdk.incubator.vector ");

            // The user's --conf and --properties-file win over ours.
            Path props = Files.writeString(dir.resolve("user.properties"), "spark.ui.showConsoleProgress true\n"
                    + "spark.executor.memory 2g\n");
            Launcher u = Launcher.run(Map.of("SPARK_HOME", home.toString()), concat(new String[] {"--master", "local[2]",
                "--properties-file", props.toString(), "--conf", "spark.kryoserializer.buffer.max=256m"}, job));
            assertThat(u.exitCode).as(u.toString()).isZero();
            assertThat(JSON.readTree(u.out).get("broadcast_limit").asLong()).isEqualTo(512L << 20);
            assertThat(u.err).doesNotContain("spark.ui.showConsoleProgress=false").doesNotContain("buffer.max=512m")
                    .contains("--conf spark.kryoserializer.buffer.max=256m");
        } finally {
            Files.delete(home.resolve("jars")); // the link only, before @TempDir's cleanup would warn about it
        }
    }

    @Test
    void yarnAndKubernetesWithoutSparkHomeExitTwoWithOneLine() throws Exception {
        for (String master : new String[] {"yarn", "k8s://https://k8s.example:6443"}) {
            Launcher r = Launcher.run(Map.of(), "--master", master, "--", "--kernel", "seed", "--input", "a.npy",
                    "--output", "b.npy");
            assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
            assertThat(r.out).isEmpty();
            assertThat(r.err.strip().lines()).as(r.toString()).hasSize(1).allMatch(l -> l.startsWith("submit.sh: error: --master "
                    + master + " needs SPARK_HOME, a Spark installation with ") && l.contains("SPARK_HOME is not set"));
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
