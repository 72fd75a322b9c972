package allpairs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Fixtures;
import allpairs.support.Launcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27, "one jar for any cluster": a cluster's own {@code spark-submit}, with nothing from this
 * repository but {@code job/target/allpairs-job.jar}, runs the job. The cluster is emulated by a
 * SPARK_HOME holding only Spark's jars (this build's, as a cluster provides them), an empty conf/ and a
 * {@code bin/spark-submit} that does what Spark's own scripts do (load-spark-env.sh's Scala line, then
 * spark-class: Spark's launcher builds the java command, JavaModuleOptions included, and it runs). No submit.sh and no conf/ of ours (whether the Vector API is on
 * is then the cluster's choice: Spark 4's launcher adds the module, Spark 3.5's does not; both paths give
 * the same matrix). Run on both Spark lines by .ci/run.
 */
class OneJarIT {
    /** Spark's bin/spark-class in short: the launcher prints the command NUL-separated, the script runs it. */
    private static final String SPARK_SUBMIT = """
            #!/usr/bin/env bash
            set -euo pipefail
            export SPARK_HOME="$(cd "$(dirname "$0")/.." && pwd)"
            export SPARK_CONF_DIR="$SPARK_HOME/conf"
            # load-spark-env.sh sets the Scala line (a default in a distribution); here from the jars' names
            CORE=$(ls "$SPARK_HOME"/jars/spark-core_*.jar); CORE=${CORE##*/spark-core_}
            export SPARK_SCALA_VERSION=${CORE%%-*}
            build_command() {
              java -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "$@"
              printf '%d\\0' $?
            }
            # The launcher prints messages line by line, then a line holding only a NUL (read as empty),
            # then the command's arguments each followed by a NUL; build_command adds its exit code.
            CMD=(); DELIM=$'\\n'; STARTED=false
            while IFS= read -d "$DELIM" -r ARG; do
              if [ "$STARTED" = true ]; then CMD+=("$ARG"); elif [ -z "$ARG" ]; then DELIM=''; STARTED=true; fi
            done < <(build_command org.apache.spark.deploy.SparkSubmit "$@")
            LAST=$((${#CMD[@]} - 1))
            [ "${CMD[$LAST]}" -eq 0 ] || exit "${CMD[$LAST]}"
            exec "${CMD[@]:0:$LAST}"
            """;

    @TempDir
    Path dir;

    @Test
    void theClustersOwnSparkSubmitRunsTheJarAlone() throws Exception {
        Path home = Files.createDirectories(dir.resolve("cluster-spark"));
        Files.createSymbolicLink(home.resolve("jars"), Launcher.root().resolve("job/target/spark/jars"));
        Files.createDirectories(home.resolve("conf"));
        Path submit = Files.createDirectories(home.resolve("bin")).resolve("spark-submit");
        Files.writeString(submit, SPARK_SUBMIT);
        assertThat(submit.toFile().setExecutable(true)).isTrue();
        Path jar = Files.copy(Launcher.root().resolve("job/target/allpairs-job.jar"), dir.resolve("allpairs-job.jar"));
        Path out = dir.resolve("o.npy");

        List<String> cmd = new ArrayList<>(List.of(submit.toString(), "--master", "local[2]", "--class",
                "allpairs.cli.Main", jar.toString(), "--kernel", "seed", "--input", Fixtures.input(33, 21).toString(),
                "--output", out.toString(), "--block-size", "4", "--progress", "off"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().remove("SPARK_CONF_DIR");
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String err = read(dir.resolve("err"));
        assertThat(p.exitValue()).as(stdout + err).isZero();
        assertThat(stdout.lines()).as(err).hasSize(1);
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.bytes(Fixtures.output(33, 21)));
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p) : "";
    }
}
