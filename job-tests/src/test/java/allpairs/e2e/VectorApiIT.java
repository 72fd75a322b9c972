package allpairs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Launcher;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An executor JVM without {@code --add-modules jdk.incubator.vector} runs every kernel's scalar path:
 * the same values, about ten times slower. It must not go unnoticed: one WARN line from the executor
 * and {@code "vector_api": "off"} in the summary; with the module (submit.sh) the summary says "on".
 */
class VectorApiIT {
    @TempDir
    Path dir;

    @Test
    void aJvmWithoutTheVectorApiSaysSoAndGivesTheSameValues() throws Exception {
        Path input = dir.resolve("A.npy");
        Path jar = Launcher.root().resolve("job/target/allpairs-job.jar");
        Process gen = new ProcessBuilder("java", "-cp", jar.toString(), "allpairs.cli.Main", "generate", "--rows", "70",
                "--cols", "24", "--seed", "3", "--output", input.toString()).inheritIO().start();
        assertThat(gen.waitFor()).isZero();

        Path with = dir.resolve("with.npy");
        Launcher r = Launcher.run(Map.of(), "--master", "local[2]", "--", "--kernel", "seed", "--input", input.toString(),
                "--output", with.toString(), "--progress=off");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(new ObjectMapper().readTree(r.out).get("vector_api").asText()).isEqualTo("on");
        assertThat(r.err).doesNotContain("jdk.incubator.vector is not in this JVM");

        Path without = dir.resolve("without.npy");
        List<String> cmd = new ArrayList<>(List.of("java"));
        for (String option : Files.readAllLines(Launcher.root().resolve("conf/java17-opens"))) {
            if (!option.isBlank() && !option.contains("jdk.incubator.vector")) {
                cmd.add(option.trim());
            }
        }
        cmd.addAll(List.of("-Dspark.master=local[2]", "-Dspark.ui.enabled=false",
                "-Dlog4j2.configurationFile=" + Launcher.root().resolve("conf/log4j2.properties"),
                "-cp", jar + ":" + Launcher.root().resolve("job/target/spark/jars") + "/*", "allpairs.cli.Main",
                "--kernel", "seed", "--input", input.toString(), "--output", without.toString(), "--progress=off"));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(stderr).isZero();
        assertThat(new ObjectMapper().readTree(Files.readString(out)).get("vector_api").asText()).isEqualTo("off");
        assertThat(stderr.lines().filter(l -> l.contains("WARN VectorSupport: jdk.incubator.vector is not in this JVM")))
                .hasSize(1);
        assertThat(Files.readAllBytes(without)).isEqualTo(Files.readAllBytes(with));
    }
}
