package allpairs.cli;

import allpairs.support.SparkCliTest;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** --checkpoint: finished tiles are reused, a different job is refused; the output lock. */
class CheckpointTest extends SparkCliTest {
    private List<Path> tileFiles(Path checkpoint) throws IOException {
        try (Stream<Path> s = Files.list(checkpoint.resolve("tiles"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tile")).sorted().toList();
        }
    }

    /** The seed on INPUT tiled by 6, with --checkpoint CK, into dir/NAME: it must succeed; its summary. */
    private JsonNode seedRun(String input, Path ck, String name) throws IOException {
        return seedRun(input, ck, name, 6);
    }

    /** As above, tiled by BLOCK. */
    private JsonNode seedRun(String input, Path ck, String name, int block) throws IOException {
        Cli r = run("--kernel", "seed", "--input", input, "--output", dir.resolve(name).toString(), "--checkpoint",
                ck.toString(), "--block-size", Integer.toString(block));
        assertThat(r.exitCode).as(r.toString()).isZero();
        return JSON.readTree(r.out);
    }

    @Test
    void reusesStoredTilesAndComputesOnlyTheMissingOnes() throws IOException {
        Path ck = dir.resolve("ck");
        String input = Fixtures.input(40, 12).toString();
        JsonNode s1 = seedRun(input, ck, "a.npy");
        assertThat(s1.get("tiles_reused").asInt()).isZero();
        int tiles = s1.get("tiles").asInt();
        assertThat(tileFiles(ck)).hasSize(tiles);
        assertThat(Files.readAllBytes(dir.resolve("a.npy"))).isEqualTo(Fixtures.bytes(Fixtures.output(40, 12)));

        // everything stored: nothing computed, and the output format may change
        Cli second = run("--kernel", "seed", "--input", input, "--output", dir.resolve("b").toString(), "--checkpoint", ck.toString());
        assertThat(second.exitCode).as(second.toString()).isZero();
        assertThat(JSON.readTree(second.out).get("tiles_reused").asInt()).isEqualTo(tiles);

        // some tiles lost (as if the driver died before they were written): only those are computed
        List<Path> stored = tileFiles(ck);
        for (int t = 0; t < stored.size(); t += 3) {
            Files.delete(stored.get(t));
        }
        int kept = tileFiles(ck).size();
        Cli third = run("--kernel", "seed", "--input", input, "--output", dir.resolve("c.npy").toString(), "--checkpoint", ck.toString(),
                "--block-size", "6", "--partitions", "5");
        assertThat(third.exitCode).as(third.toString()).isZero();
        assertThat(JSON.readTree(third.out).get("tiles_reused").asInt()).isEqualTo(kept);
        assertThat(Files.readAllBytes(dir.resolve("c.npy"))).isEqualTo(Fixtures.bytes(Fixtures.output(40, 12)));
        assertThat(tileFiles(ck)).hasSize(tiles);
    }

    @Test
    void refusesADifferentJobOrTiling() throws IOException {
        Path ck = dir.resolve("ck");
        Path fa = Files.writeString(dir.resolve("s.fa"), ">a\nACGTT\n>b\nACG\n>c\nTT\n>d\nGATTACA\n");
        Cli first = run("--input", fa.toString(), "--output", dir.resolve("a.npy").toString(), "--kernel", "nw",
                "--checkpoint", ck.toString(), "--block-size", "2");
        assertThat(first.exitCode).as(first.toString()).isZero();

        Cli otherParams = run("--input", fa.toString(), "--output", dir.resolve("b.npy").toString(), "--kernel", "nw",
                "--kernel-param", "gap-open=-5", "--checkpoint", ck.toString());
        BadInputTest.assertUserError(otherParams, "checkpoint holds tiles of a different job", ck.toString());
        Cli otherKernel = run("--input", fa.toString(), "--output", dir.resolve("b.npy").toString(), "--kernel", "sw",
                "--checkpoint", ck.toString());
        BadInputTest.assertUserError(otherKernel, "different job", ck.toString());
        Path changed = Files.writeString(dir.resolve("t.fa"), ">a\nACGTT\n>b\nACG\n>c\nTT\n>d\nGATTACC\n");
        Cli otherInput = run("--input", changed.toString(), "--output", dir.resolve("b.npy").toString(), "--kernel",
                "nw", "--checkpoint", ck.toString());
        BadInputTest.assertUserError(otherInput, "different job", ck.toString());
        Cli otherBlocks = run("--input", fa.toString(), "--output", dir.resolve("b.npy").toString(), "--kernel", "nw",
                "--checkpoint", ck.toString(), "--block-size", "3");
        BadInputTest.assertUserError(otherBlocks, "other blocks than --block-size 3", ck.toString());
        assertThat(dir.resolve("b.npy")).doesNotExist();

        Cli same = run("--input", fa.toString(), "--output", dir.resolve("b.npy").toString(), "--kernel", "nw",
                "--checkpoint", ck.toString(), "--block-size", "2");
        assertThat(same.exitCode).as(same.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("b.npy"))).isEqualTo(Files.readAllBytes(dir.resolve("a.npy")));
    }

    @Test
    void aLiveLockRefusesTheRunAndADeadOneIsTakenOver() throws Exception {
        Path out = dir.resolve("m.npy");
        Path lock = dir.resolve(".m.npy.allpairs-lock");
        String host = InetAddress.getLocalHost().getHostName();
        Files.writeString(lock, host + " " + ProcessHandle.current().pid() + " other-run\n");
        // a live run holds an OS lock on the file (here this JVM does, as the run's own JVM would)
        try (java.nio.channels.FileChannel held = java.nio.channels.FileChannel.open(lock,
                java.nio.file.StandardOpenOption.WRITE); var ignored = held.lock()) {
            Cli refused = run("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output", out.toString());
            BadInputTest.assertUserError(refused, "another allpairs run is writing this output", out.toString());
            assertThat(out).doesNotExist();
            assertThat(lock).exists();
        }

        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(lock, host + " " + dead.pid() + " killed-run\n");
        Cli ok = run("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output", out.toString());
        assertThat(ok.exitCode).as(ok.toString()).isZero();
        assertThat(lock).doesNotExist();
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.bytes(Fixtures.output(16, 8)));
    }

    /** Issue 13, item 2: two runs on one checkpoint at once: one owns it, the other gets exit 2 naming it. */
    @Test
    void twoRunsStartedTogetherOnOneCheckpointNeverBothUseIt() throws Exception {
        String[] inputs = {Fixtures.input(40, 12).toString(), Fixtures.input(33, 21).toString()};
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int trial = 0; trial < 4; trial++) {
                Path ck = dir.resolve("ck" + trial);
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<Cli>> runs = new java.util.ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    String input = inputs[r];
                    Path out = dir.resolve("t" + trial + "-" + r + ".npy");
                    runs.add(pool.submit(() -> {
                        start.await();
                        return run("--kernel", "seed", "--input", input, "--output", out.toString(), "--checkpoint", ck.toString(),
                                "--block-size", "8");
                    }));
                }
                Cli a = runs.get(0).get(120, java.util.concurrent.TimeUnit.SECONDS);
                Cli b = runs.get(1).get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(java.util.stream.Stream.of(a, b).filter(c -> c.exitCode == 0)).as("winners in trial %d\n%s\n%s",
                        trial, a, b).hasSize(1);
                int winner = a.exitCode == 0 ? 0 : 1;
                Cli loser = winner == 0 ? b : a;
                assertThat(loser.exitCode).as(loser.toString()).isEqualTo(2);
                assertThat(loser.err.strip()).endsWith(ck.toString());
                // the checkpoint holds the winner's job, whole: a rerun reuses every tile, to the same bytes
                int[] shape = winner == 0 ? new int[] {40, 12} : new int[] {33, 21};
                Path again = dir.resolve("again" + trial + ".npy");
                Cli rerun = run("--kernel", "seed", "--input", inputs[winner], "--output", again.toString(), "--checkpoint", ck.toString());
                assertThat(rerun.exitCode).as(rerun.toString()).isZero();
                JsonNode s = JSON.readTree(rerun.out);
                assertThat(s.get("tiles_reused").asInt()).isEqualTo(s.get("tiles").asInt());
                assertThat(Files.readAllBytes(again)).isEqualTo(Fixtures.bytes(Fixtures.output(shape[0], shape[1])));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Issue 13, item 3: a stored tiling that does not fit the input is another job: exit 2 before any work. */
    @Test
    void aStoredTilingThatDoesNotFitTheInputIsRefusedBeforeAnyWork() throws IOException {
        Path ck = dir.resolve("ck");
        String input = Fixtures.input(16, 8).toString();
        JsonNode firstSummary = seedRun(input, ck, "a.npy", 4);
        Path manifest = ck.resolve("manifest.properties");
        String original = Files.readString(manifest);
        for (String bounds : new String[] {"0,4,8,12,20", "0,4,8,12", "4,8,12,16", "0,8,4,16", "0,x,16", ""}) {
            Files.writeString(manifest, original.replaceAll("(?m)^rowBounds=.*$", "rowBounds=" + bounds)
                    .replaceAll("(?m)^colBounds=.*$", "colBounds=" + bounds));
            Cli other = run("--kernel", "seed", "--input", input, "--output", dir.resolve("b.npy").toString(), "--checkpoint",
                    ck.toString());
            BadInputTest.assertUserError(other, "different job", ck.toString());
            assertThat(dir.resolve("b.npy")).as(bounds).doesNotExist();
        }
    }

    /** Issue 13, item 4: a truncated or corrupt tile (power loss) is computed again, never trusted. */
    @Test
    void aTruncatedOrCorruptTileIsComputedAgain() throws IOException {
        Path ck = dir.resolve("ck");
        String input = Fixtures.input(40, 12).toString();
        JsonNode firstSummary = seedRun(input, ck, "a.npy", 8);
        int tiles = firstSummary.get("tiles").asInt();
        List<Path> stored = tileFiles(ck);
        byte[] truncated = Files.readAllBytes(stored.get(0));
        Files.write(stored.get(0), java.util.Arrays.copyOf(truncated, truncated.length / 2));
        byte[] flipped = Files.readAllBytes(stored.get(1));
        flipped[flipped.length / 2] ^= 0x10; // one bit of a value
        Files.write(stored.get(1), flipped);
        byte[] empty = new byte[0];
        Files.write(stored.get(2), empty); // what a crash before the data reached the disk leaves

        Cli again = run("--kernel", "seed", "--input", input, "--output", dir.resolve("b.npy").toString(), "--checkpoint", ck.toString());
        assertThat(again.exitCode).as(again.toString()).isZero();
        assertThat(JSON.readTree(again.out).get("tiles_reused").asInt()).isEqualTo(tiles - 3);
        assertThat(Files.readAllBytes(dir.resolve("b.npy"))).isEqualTo(Fixtures.bytes(Fixtures.output(40, 12)));
        // the damaged tiles were replaced: a third run reuses every tile
        Cli third = run("--kernel", "seed", "--input", input, "--output", dir.resolve("c.npy").toString(), "--checkpoint", ck.toString());
        assertThat(third.exitCode).as(third.toString()).isZero();
        assertThat(JSON.readTree(third.out).get("tiles_reused").asInt()).isEqualTo(tiles);
        assertThat(Files.readAllBytes(dir.resolve("c.npy"))).isEqualTo(Fixtures.bytes(Fixtures.output(40, 12)));
    }

    /** Issue 13, item 5: the whole resume on HDFS: lock, manifest, tiles, a damaged tile written again. */
    @Test
    void resumesFromACheckpointOnHdfs() throws IOException {
        allpairs.support.TestFs hdfs = allpairs.support.TestFs.hdfs();
        String ck = hdfs.path("ck").toString();
        String input = Fixtures.input(40, 12).toString();
        Cli first = run("--kernel", "seed", "--input", input, "--output", dir.resolve("a.npy").toString(), "--checkpoint", ck,
                "--block-size", "8");
        assertThat(first.exitCode).as(first.toString()).isZero();
        int tiles = JSON.readTree(first.out).get("tiles").asInt();
        org.apache.hadoop.fs.Path tile = hdfs.path("ck/tiles/t-0-0.tile");
        try (var out = hdfs.fs().create(tile, true)) {
            out.write(new byte[] {0, 1, 2, 3});
        }
        Cli again = run("--kernel", "seed", "--input", input, "--output", dir.resolve("b.npy").toString(), "--checkpoint", ck);
        assertThat(again.exitCode).as(again.toString()).isZero();
        assertThat(JSON.readTree(again.out).get("tiles_reused").asInt()).isEqualTo(tiles - 1);
        assertThat(Files.readAllBytes(dir.resolve("b.npy"))).isEqualTo(Fixtures.bytes(Fixtures.output(40, 12)));
        assertThat(hdfs.fs().getFileStatus(tile).getLen()).isGreaterThan(4);
        assertThat(hdfs.fs().exists(hdfs.path("ck/.allpairs-lock"))).as("lock released").isFalse();
    }

    /**
     * Issue 13, item 6: the README's cron recipe, two days, the input changed in between: day 2
     * replaces day 1's checkpoint only because the line says --checkpoint-replace.
     */
    @Test
    void theCronRecipeRunsDayAfterDayWithAChangingInput() throws IOException {
        Path input = dir.resolve("A.npy");
        Path out = dir.resolve("D.npy");
        Path ck = dir.resolve(".D.ck");
        String[] cron = {"--kernel", "seed", "--input", input.toString(), "--output", out.toString(), "--overwrite", "--checkpoint",
            ck.toString(), "--checkpoint-replace", "--progress=off", "--block-size", "8"};
        Files.copy(Fixtures.input(40, 12), input);
        Cli day1 = run(cron);
        assertThat(day1.exitCode).as(day1.toString()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.bytes(Fixtures.output(40, 12)));
        Cli retry = run(cron); // a scheduler's retry the same day resumes
        assertThat(retry.exitCode).as(retry.toString()).isZero();
        JsonNode resumed = JSON.readTree(retry.out);
        assertThat(resumed.get("tiles_reused").asInt()).isEqualTo(resumed.get("tiles").asInt());

        Files.copy(Fixtures.input(33, 21), input, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String[] withoutReplace = java.util.Arrays.stream(cron).filter(a -> !a.equals("--checkpoint-replace"))
                .toArray(String[]::new);
        Cli refused = run(withoutReplace);
        BadInputTest.assertUserError(refused, "checkpoint holds tiles of a different job", ck.toString());
        assertThat(refused.err).contains("--checkpoint-replace");
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.bytes(Fixtures.output(40, 12)));

        Cli day2 = run(cron);
        assertThat(day2.exitCode).as(day2.toString()).isZero();
        assertThat(JSON.readTree(day2.out).get("tiles_reused").asInt()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.bytes(Fixtures.output(33, 21)));
        // only day 2's tiles are left
        assertThat(tileFiles(ck)).hasSize(JSON.readTree(day2.out).get("tiles").asInt());
    }

    /** Issue 13, item 6: a directory with files allpairs did not write is never used, replaced or deleted. */
    @Test
    void aDirectoryWithFilesWeDidNotWriteIsNeverUsedNorDeleted() throws IOException {
        String input = Fixtures.input(16, 8).toString();
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "my notes");
        for (String[] extra : new String[][] {{}, {"--checkpoint-replace"}}) {
            List<String> args = new java.util.ArrayList<>(List.of("--kernel", "seed", "--input", input, "--output",
                    dir.resolve("o.npy").toString(), "--checkpoint", mine.toString()));
            args.addAll(List.of(extra));
            Cli refused = run(args.toArray(String[]::new));
            BadInputTest.assertUserError(refused, "which allpairs did not write", mine.resolve("notes.txt").toString());
            assertThat(mine.resolve("notes.txt")).hasContent("my notes");
            assertThat(dir.resolve("o.npy")).doesNotExist();
        }
        // a checkpoint of another job with a file of the user's inside its tiles: refused, kept whole
        Path ck = dir.resolve("ck");
        Cli first = run("--kernel", "seed", "--input", input, "--output", dir.resolve("a.npy").toString(), "--checkpoint", ck.toString());
        assertThat(first.exitCode).as(first.toString()).isZero();
        Files.writeString(ck.resolve("tiles").resolve("README"), "do not delete");
        int tiles = tileFiles(ck).size();
        Cli other = run("--kernel", "seed", "--input", Fixtures.input(33, 21).toString(), "--output", dir.resolve("b.npy").toString(),
                "--checkpoint", ck.toString(), "--checkpoint-replace");
        BadInputTest.assertUserError(other, "which allpairs did not write", ck.resolve("tiles").resolve("README")
                .toString());
        assertThat(tileFiles(ck)).hasSize(tiles);
        assertThat(ck.resolve("tiles").resolve("README")).hasContent("do not delete");

        Cli alone = run("--kernel", "seed", "--input", input, "--output", dir.resolve("c.npy").toString(), "--checkpoint-replace");
        BadInputTest.assertUserError(alone, "--checkpoint-replace needs --checkpoint", "option --checkpoint-replace");
    }

    /** Issue 13, item 12: a resumed run reports the pairs it computed, and the reused ones apart. */
    @Test
    void aResumedRunReportsThePairsItComputedAndTheReusedOnesApart() throws IOException {
        Path ck = dir.resolve("ck");
        String input = Fixtures.input(40, 12).toString();
        JsonNode s1 = seedRun(input, ck, "a.npy");
        assertThat(s1.get("pairs").asLong()).isEqualTo(40 * 41 / 2);
        assertThat(s1.get("pairs_reused").asLong()).isZero();

        List<Path> stored = tileFiles(ck);
        long kept = 0;
        for (int t = 0; t < stored.size(); t++) {
            if (t % 3 == 0) {
                Files.delete(stored.get(t));
            } else {
                kept += pairsOf(stored.get(t).getFileName().toString(), 6, 40);
            }
        }
        Cli resumed = run("--kernel", "seed", "--input", input, "--output", dir.resolve("b.npy").toString(), "--checkpoint", ck.toString());
        assertThat(resumed.exitCode).as(resumed.toString()).isZero();
        JsonNode s2 = JSON.readTree(resumed.out);
        assertThat(s2.get("pairs_reused").asLong()).isEqualTo(kept);
        assertThat(s2.get("pairs").asLong()).isEqualTo(40 * 41 / 2 - kept);
        assertThat(s2.get("tiles_reused").asInt() + s2.get("tiles_computed").asInt()).isEqualTo(s2.get("tiles").asInt());
        assertThat(s2.get("tiles_computed").asInt()).isEqualTo((stored.size() + 2) / 3); // every third deleted
        assertThat(s2.get("pairs_per_s").asDouble()).isCloseTo(s2.get("pairs").asLong() / s2.get("seconds").asDouble(),
                org.assertj.core.data.Percentage.withPercentage(1));

        Cli all = run("--kernel", "seed", "--input", input, "--output", dir.resolve("c.npy").toString(), "--checkpoint", ck.toString());
        JsonNode s3 = JSON.readTree(all.out);
        assertThat(s3.get("pairs").asLong()).isZero();
        assertThat(s3.get("tiles_computed").asInt()).isZero();
        assertThat(s3.get("pairs_reused").asLong()).isEqualTo(40 * 41 / 2);
        assertThat(s3.get("pairs_per_s").asDouble()).isZero();
    }

    /** Pairs of the stored tile "t-I-J.tile" of a symmetric m x m matrix in blocks of {@code block} rows. */
    private static long pairsOf(String name, int block, int m) {
        String[] ij = name.substring(2, name.length() - 5).split("-");
        int i = Integer.parseInt(ij[0]);
        int j = Integer.parseInt(ij[1]);
        long h = Math.min(m, (i + 1) * block) - (long) i * block;
        long w = Math.min(m, (j + 1) * block) - (long) j * block;
        return i == j ? h * (h + 1) / 2 : h * w;
    }
}
