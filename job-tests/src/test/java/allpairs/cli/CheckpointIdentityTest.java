package allpairs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.SparkCliTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;

/** Issue 25, items 8 and 10: a tile is bound to its place and job; a refusal names what differs. */
class CheckpointIdentityTest extends SparkCliTest {
    private Cli seed(Path input, Path ck, String output) {
        return run("--kernel", "seed", "--input", input.toString(), "--output", dir.resolve(output).toString(),
                "--checkpoint", ck.toString(), "--block-size", "8");
    }

    /** Item 8: a tile copied onto another position, or from another job's checkpoint, is computed again. */
    @Test
    void aMovedOrForeignTileIsComputedAgainNotTrusted() throws IOException {
        Path ck = dir.resolve("ck");
        Path other = dir.resolve("other");
        Path input = Fixtures.input(40, 12);
        Cli first = seed(input, ck, "a.npy");
        assertThat(first.exitCode).as(first.toString()).isZero();
        int tiles = JSON.readTree(first.out).get("tiles").asInt();
        // another job with the same tiling (40 rows in blocks of 8): its tiles have the same shapes
        Cli foreign = seed(writeOtherInput(), other, "o.npy");
        assertThat(foreign.exitCode).as(foreign.toString()).isZero();

        Path tilesDir = ck.resolve("tiles");
        Files.copy(tilesDir.resolve("t-0-1.tile"), tilesDir.resolve("t-0-2.tile"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(other.resolve("tiles").resolve("t-1-3.tile"), tilesDir.resolve("t-1-3.tile"),
                StandardCopyOption.REPLACE_EXISTING);
        Cli again = seed(input, ck, "b.npy");
        assertThat(again.exitCode).as(again.toString()).isZero();
        JsonNode summary = JSON.readTree(again.out);
        assertThat(summary.get("tiles_reused").asInt()).isEqualTo(tiles - 2);
        assertThat(Files.readAllBytes(dir.resolve("b.npy"))).isEqualTo(Fixtures.bytes(Fixtures.output(40, 12)));
        // both were written again, in place: a third run trusts every tile
        Cli third = seed(input, ck, "c.npy");
        assertThat(JSON.readTree(third.out).get("tiles_reused").asInt()).as(third.toString()).isEqualTo(tiles);
        assertThat(Files.readAllBytes(dir.resolve("c.npy"))).isEqualTo(Fixtures.bytes(Fixtures.output(40, 12)));
    }

    /** The fixture's 40 rows with every element changed: another job of the same shape. */
    private Path writeOtherInput() throws IOException {
        byte[] file = Files.readAllBytes(Fixtures.input(40, 12));
        int data = Fixtures.dataOffset(file);
        for (int b = data; b < file.length; b++) {
            file[b] = (byte) (file[b] + 1);
        }
        return Files.write(dir.resolve("shifted.npy"), file);
    }

    /** Item 10: a resume where only --keep (or one other part of the job) changed names that part. */
    @Test
    void aRefusedResumeNamesWhatDiffers() throws IOException {
        Path ck = dir.resolve("ck");
        Path fa = Files.writeString(dir.resolve("s.fa"), ">a\nACGTT\n>b\nACG\n>c\nTT\n>d\nGATTACA\n");
        Cli first = nw(fa, ck, "--keep", "above=1");
        assertThat(first.exitCode).as(first.toString()).isZero();

        assertRefused(nw(fa, ck, "--keep", "above=2"), "--keep differs");
        assertRefused(nw(fa, ck, "--top-k", "2"), "--top-k differs");
        assertRefused(nw(fa, ck, "--keep", "above=1", "--kernel-param", "gap-open=-5"),
                "the kernel's parameters differ (--kernel-param)");
        Path changed = Files.writeString(dir.resolve("t.fa"), ">a\nACGTT\n>b\nACG\n>c\nTT\n>d\nGATTACC\n");
        assertRefused(nw(changed, ck, "--keep", "above=1"), "the input differs (--input");
        Cli otherKernel = run("--input", fa.toString(), "--output", dir.resolve("b").toString(), "--kernel", "sw",
                "--keep", "above=1", "--checkpoint", ck.toString());
        assertRefused(otherKernel, "the kernel differs (--kernel)");
        assertThat(otherKernel.err).doesNotContain("input").doesNotContain("code");

        Cli same = nw(fa, ck, "--keep", "above=1");
        assertThat(same.exitCode).as(same.toString()).isZero();
        assertThat(JSON.readTree(same.out).get("tiles_reused").asInt()).isEqualTo(
                JSON.readTree(same.out).get("tiles").asInt());
    }

    private Cli nw(Path fa, Path ck, String... options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--input", fa.toString(), "--output",
                dir.resolve("n" + System.nanoTime() + "").toString(), "--kernel", "nw", "--checkpoint", ck.toString(),
                "--block-size", "2"));
        args.addAll(java.util.List.of(options));
        return run(args.toArray(String[]::new));
    }

    private void assertRefused(Cli r, String what) {
        BadInputTest.assertUserError(r, "checkpoint holds tiles of a different job (" , dir.resolve("ck").toString());
        assertThat(r.err).as(r.toString()).contains(what);
    }
}
