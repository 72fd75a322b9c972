package allpairs.run;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.cli.BadInputTest;
import allpairs.config.OutputOptions;
import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.SparkCliTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 28 (and 26): a sparse output's checkpoint stores each tile's kept edges or top-k candidates,
 * not its values: under 5% of the same run's dense checkpoint. Tiles of 600 rows are computed in
 * parts of 512 ({@link allpairs.plan.TileParts}). A partial checkpoint (tiles lost, one truncated, a
 * temporary a kill -9 left mid-write) resumes to the output of a fresh run, which is the dense
 * matrix filtered here; another threshold, K or --include-self reuses no tile: refused (exit 2,
 * nothing written), or replaced with --checkpoint-replace.
 */
class SparseCheckpointTest extends SparkCliTest {
    private static final int M = 700;

    private Path reads() throws IOException {
        SplittableRandom rnd = new SplittableRandom(28);
        StringBuilder text = new StringBuilder();
        String family = "";
        for (int i = 0; i < M; i++) {
            if (i % 4 == 0) {
                family = randomRead(rnd, 8 + rnd.nextInt(7));
            }
            char[] read = family.toCharArray(); // a family member: one substitution at most
            read[rnd.nextInt(read.length)] = "ACGT".charAt(rnd.nextInt(4));
            text.append(read).append('\n');
        }
        return Files.writeString(dir.resolve("reads.txt"), text);
    }

    private static String randomRead(SplittableRandom rnd, int length) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < length; c++) {
            s.append("ACGT".charAt(rnd.nextInt(4)));
        }
        return s.toString();
    }

    private Cli job(Path input, String output, String option, String value, String... more) {
        List<String> args = new ArrayList<>(List.of("--kernel", "levenshtein", "--input", input.toString(), "--output",
                dir.resolve(output).toString(), "--block-size", "600"));
        if (option != null) {
            args.addAll(List.of(option, value));
        }
        args.addAll(List.of(more));
        Cli r = run(args.toArray(new String[0]));
        return r;
    }

    private static long tileBytes(Path checkpoint) throws IOException {
        try (Stream<Path> s = Files.list(checkpoint.resolve("tiles"))) {
            return s.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static List<Path> tiles(Path checkpoint) throws IOException {
        try (Stream<Path> s = Files.list(checkpoint.resolve("tiles"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tile")).sorted().toList();
        }
    }

    private static List<EdgeListTest.Edge> expected(double[] d, String option, String value, boolean self) {
        return option.equals("--keep") ? EdgeListTest.keep(d, M, true, OutputOptions.Threshold.parse(value), self, false)
                : EdgeListTest.topK(d, M, Integer.parseInt(value), true, self);
    }

    private static void succeeded(Cli r) {
        assertThat(r.exitCode).as(r.toString()).isZero();
    }

    @ParameterizedTest(name = "{0} {1}, then {2}")
    @CsvSource({"--keep,below=1,below=2", "--top-k,3,4"})
    void aSparseCheckpointHoldsTheEdgesAndResumesToTheFreshRunsOutput(String option, String value, String other)
            throws IOException {
        Path input = reads();
        Path denseCk = dir.resolve("dense-ck");
        succeeded(job(input, "dense.npy", null, null, "--checkpoint", denseCk.toString()));
        double[] d = Fixtures.float64(dir.resolve("dense.npy"));
        succeeded(job(input, "fresh.npy", option, value));
        assertThat(EdgeListTest.readEdges(dir.resolve("fresh.npy"))).isEqualTo(expected(d, option, value, false));
        byte[] fresh = Files.readAllBytes(dir.resolve("fresh.npy"));

        Path ck = dir.resolve("ck");
        Cli first = job(input, "a.npy", option, value, "--checkpoint", ck.toString());
        succeeded(first);
        int tiles = JSON.readTree(first.out).get("tiles").asInt();
        assertThat(tiles).isEqualTo(3);
        assertThat(Files.readAllBytes(dir.resolve("a.npy"))).isEqualTo(fresh);
        assertThat(tiles(ck)).hasSize(tiles);
        assertThat(tileBytes(ck)).as("edges, not values").isLessThan(tileBytes(denseCk) / 20);

        // partial: one tile lost, one cut short by a crash, a temporary a kill -9 left mid-write
        List<Path> stored = tiles(ck);
        Files.delete(stored.get(0));
        byte[] whole = Files.readAllBytes(stored.get(1));
        Files.write(stored.get(1), Arrays.copyOf(whole, whole.length / 2));
        Files.write(ck.resolve("tiles").resolve(".t-0-0.tile.allpairs-tmp-1"), Arrays.copyOf(whole, whole.length / 2));
        Cli resumed = job(input, "b.npy", option, value, "--checkpoint", ck.toString());
        succeeded(resumed);
        assertThat(JSON.readTree(resumed.out).get("tiles_reused").asInt()).isEqualTo(tiles - 2);
        assertThat(Files.readAllBytes(dir.resolve("b.npy"))).isEqualTo(fresh);
        Cli all = job(input, "c.npy", option, value, "--checkpoint", ck.toString());
        succeeded(all);
        assertThat(JSON.readTree(all.out).get("tiles_reused").asInt()).isEqualTo(tiles);
        assertThat(Files.readAllBytes(dir.resolve("c.npy"))).isEqualTo(fresh);

        // another threshold or K, or --include-self: not the job whose edges are stored
        Cli otherValue = job(input, "x.npy", option, other, "--checkpoint", ck.toString());
        BadInputTest.assertUserError(otherValue, "what a tile stores differs", ck.toString());
        Cli withSelf = job(input, "x.npy", option, value, "--checkpoint", ck.toString(), "--include-self");
        BadInputTest.assertUserError(withSelf, "what a tile stores differs", ck.toString());
        assertThat(dir.resolve("x.npy")).doesNotExist();
        Cli replaced = job(input, "x.npy", option, other, "--checkpoint", ck.toString(), "--checkpoint-replace");
        succeeded(replaced);
        assertThat(JSON.readTree(replaced.out).get("tiles_reused").asInt()).isZero();
        assertThat(EdgeListTest.readEdges(dir.resolve("x.npy"))).isEqualTo(expected(d, option, other, false));
    }
}
