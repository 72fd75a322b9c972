package allpairs.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import allpairs.kernel.ByteRows;
import allpairs.kernel.DoubleRows;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import allpairs.kernel.Rows;
import allpairs.plan.Tile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import allpairs.support.TestFs;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint store on the local file system, without Spark. */
class TileStoreTest {
    @TempDir
    Path dir;

    final Configuration conf = new Configuration();

    /** A job told apart from others by one setting. */
    private static Fingerprint job(String setting) {
        return Fingerprint.of(Kernels.configured("nw", List.of()), "").text("t", setting, "the setting t differs")
                .build();
    }

    /** The digest of a job of these rows, kernel and settings. */
    private static String digest(Rows query, Rows reference, Kernel<?> kernel, String settings) {
        return Fingerprint.of(kernel, "").rows("input", query, "", "input").rows("against", reference, "", "against")
                .text("s", settings, "settings").build().digest();
    }

    @Test
    void aNewStoreHasNoManifestThenKeepsTheOneItWasCreatedWith() throws IOException {
        String store = dir.resolve("cp").toString();
        assertThat(TileStore.open(store, job("f1"), 7, 7, true, false, conf)).isNull();
        TileStore.create(store, new Manifest(job("f1"), true, new int[] {0, 3, 7}, new int[] {0, 3, 7}), conf);
        Manifest m = TileStore.open(store, job("f1"), 7, 7, true, false, conf);
        assertThat(m.symmetric()).isTrue();
        assertThat(m.rowBounds()).containsExactly(0, 3, 7);
        assertThat(m.colBounds()).containsExactly(0, 3, 7);
        assertThatThrownBy(() -> TileStore.open(store, job("another job"), 7, 7, true, false, conf))
                .isInstanceOf(UserError.class).hasMessageContaining("different job (the setting t differs)")
                .hasMessageEndingWith(store);
        assertThatThrownBy(() -> TileStore.open(store, job("f1"), 8, 8, true, false, conf)).isInstanceOf(UserError.class)
                .hasMessageContaining("its tiling does not fit this input's 8 x 8 matrix").hasMessageEndingWith(store);
    }

    @Test
    void tilesRoundTripBitForBitAndAreListedOnceFinished() throws IOException {
        String store = dir.resolve("cp").toString();
        TileStore.create(store, new Manifest(job("f"), false, new int[] {0, 2, 5}, new int[] {0, 4}), conf);
        TileStore tiles = TileStore.at(store, job("f"), false);
        assertThat(tiles.finished(conf)).isEmpty();
        Tile t = new Tile(1, 0, 2, 5, 0, 4);
        double[] block = new SplittableRandom(1).doubles(12).toArray();
        block[0] = Double.NaN;
        block[1] = -0.0;
        tiles.write(t, block);
        tiles.write(t, block); // a retried attempt: harmless
        assertThat(tiles.finished(conf)).containsExactly(TileStore.key(t));
        double[] back = tiles.read(t);
        for (int e = 0; e < block.length; e++) {
            assertThat(Double.doubleToRawLongBits(back[e])).isEqualTo(Double.doubleToRawLongBits(block[e]));
        }
        try (var names = Files.list(dir.resolve("cp").resolve("tiles"))) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("t-1-0.tile");
        }
        assertThatThrownBy(() -> tiles.read(new Tile(1, 0, 2, 4, 0, 4))).isInstanceOf(IOException.class)
                .hasMessageContaining("where a 2 x 4 tile has");
        assertThat(tiles.problem(t)).isNull();
        assertThat(tiles.problem(new Tile(1, 0, 2, 4, 0, 4))).contains("where a 2 x 4 tile has");
    }

    private static ByteRows rows(String... rows) {
        ByteRowsBuilderForTest b = new ByteRowsBuilderForTest();
        for (String r : rows) {
            b.add(r);
        }
        return b.build();
    }

    @Test
    void theFingerprintFollowsTheParsedRowsAndTheKernelSettings() throws IOException {
        Kernel<?> nw = Kernels.configured("nw", List.of());
        String fa = digest(rows("ACGT", "GA"), null, nw, "s");
        assertThat(digest(rows("ACGT", "GA"), null, nw, "s")).isEqualTo(fa).hasSize(64);
        assertThat(digest(rows("ACGA", "GA"), null, nw, "s")).as("one byte").isNotEqualTo(fa);
        assertThat(digest(rows("ACG", "TGA"), null, nw, "s")).as("same bytes, other rows").isNotEqualTo(fa);
        assertThat(digest(rows("ACGT", "GA"), rows("ACGT", "GA"), nw, "s")).as("--against").isNotEqualTo(fa);
        assertThat(digest(rows("ACGT", "GA"), null, Kernels.configured("sw", List.of()), "s")).isNotEqualTo(fa);
        assertThat(digest(rows("ACGT", "GA"), null, Kernels.configured("nw", List.of("gap-open=-5")), "s"))
                .as("a parameter").isNotEqualTo(fa);
        assertThat(digest(rows("ACGT", "GA"), null, nw, "s bound=3")).as("settings").isNotEqualTo(fa);
        // ids do not change a value
        ByteRows named = new ByteRows("ACGTGA".getBytes(StandardCharsets.US_ASCII), new int[] {0, 4, 6},
                new String[] {"a", "b"});
        assertThat(digest(named, null, nw, "s")).isEqualTo(fa);
        DoubleRows zero = DoubleRows.rectangular(1, 2, new double[] {0.0, 1.0});
        DoubleRows negativeZero = DoubleRows.rectangular(1, 2, new double[] {-0.0, 1.0});
        Kernel<?> dtw = Kernels.configured("dtw", List.of());
        assertThat(digest(zero, null, dtw, "s")).isNotEqualTo(digest(negativeZero, null, dtw, "s"));
    }

    @Test
    void theFingerprintFollowsTheScoresOfAMatrixFileNotItsPath() throws IOException {
        Path matrix = dir.resolve("m.txt");
        Files.writeString(matrix, "   A  C  G  T\nA  5 -4 -4 -4\nC -4  5 -4 -4\nG -4 -4  5 -4\nT -4 -4 -4  5\n");
        String before = digest(rows("ACGT"), null, Kernels.configured("nw", List.of("matrix=" + matrix)), "s");
        Files.writeString(matrix, "   A  C  G  T\nA  5 -4 -4 -4\nC -4  5 -4 -4\nG -4 -4  5 -4\nT -4 -4 -4  6\n");
        String after = digest(rows("ACGT"), null, Kernels.configured("nw", List.of("matrix=" + matrix)), "s");
        assertThat(after).isNotEqualTo(before);
    }

    /**
     * Issue 13, item 5: a tile or manifest written again replaces the one there, on the local file
     * system and on HDFS (where a plain rename does not replace an existing file).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void aTileOrManifestWrittenAgainReplacesTheOneThere(TestFs fs) throws IOException {
        String store = fs.path("cp").toString();
        TileStore.create(store, new Manifest(job("f1"), false, new int[] {0, 2, 5}, new int[] {0, 4}), conf);
        TileStore tiles = TileStore.at(store, job("f1"), false);
        Tile t = new Tile(1, 0, 2, 5, 0, 4);
        double[] block = new SplittableRandom(2).doubles(12).toArray();
        tiles.write(t, block);
        assertThat(tiles.problem(t)).isNull();
        try (var out = fs.fs().create(tiles.file(t), true)) { // a tile damaged by a crash
            out.write(new byte[] {1, 2, 3});
        }
        assertThat(tiles.problem(t)).contains("3 bytes");
        tiles.write(t, block); // computed again
        assertThat(tiles.problem(t)).isNull();
        assertThat(tiles.read(t)).containsExactly(block);
        assertThat(tiles.finished(conf)).containsExactly(TileStore.key(t));

        TileStore.create(store, new Manifest(job("f2"), false, new int[] {0, 5}, new int[] {0, 4}), conf);
        assertThat(TileStore.open(store, job("f2"), 5, 4, false, false, conf).rowBounds()).containsExactly(0, 5);
        assertThat(fs.fs().listStatus(fs.path("cp"))).extracting(st -> st.getPath().getName())
                .containsExactlyInAnyOrder("manifest.properties", "tiles");
        assertThat(fs.fs().listStatus(fs.path("cp/tiles"))).extracting(st -> st.getPath().getName())
                .containsExactly("t-1-0.tile");
    }

    /** Issue 25, item 8: a tile's checksum is bound to its place and its job, not only its bytes. */
    @Test
    void aTileCopiedToAnotherPlaceOrFromAnotherJobIsNotSound() throws IOException {
        String store = dir.resolve("cp").toString();
        TileStore.create(store, new Manifest(job("f"), false, new int[] {0, 2, 4}, new int[] {0, 3, 6}), conf);
        TileStore tiles = TileStore.at(store, job("f"), false);
        Tile a = new Tile(0, 1, 0, 2, 3, 6);
        Tile b = new Tile(1, 0, 2, 4, 0, 3); // the same shape elsewhere
        tiles.write(a, new SplittableRandom(3).doubles(6).toArray());
        assertThat(tiles.problem(a)).isNull();
        Path stored = dir.resolve("cp").resolve("tiles");
        Files.copy(stored.resolve(tiles.file(a).getName()), stored.resolve(tiles.file(b).getName()));
        assertThat(tiles.problem(b)).contains("checksum mismatch");
        assertThatThrownBy(() -> tiles.read(b)).isInstanceOf(IOException.class).hasMessageContaining("checksum");
        assertThat(TileStore.at(store, job("other"), false).problem(a)).as("another job's tile").contains("checksum mismatch");
    }

    /** Issue 25, items 3 and 10: a refusal names the part that differs; an earlier format is another build. */
    @Test
    void aRefusalNamesThePartThatDiffers() throws IOException {
        String store = dir.resolve("cp").toString();
        Kernel<?> nw = Kernels.configured("nw", List.of());
        Fingerprint f = Fingerprint.of(nw, "").rows("input", rows("ACGT"), "", "the input differs")
                .text("bound", "1.0", "--keep differs").build();
        TileStore.create(store, new Manifest(f, true, new int[] {0, 1}, new int[] {0, 1}), conf);
        Fingerprint bound = Fingerprint.of(nw, "").rows("input", rows("ACGT"), "", "the input differs")
                .text("bound", "2.0", "--keep differs").build();
        assertThat(bound.differences(f.hashes())).containsExactly("--keep differs");
        Fingerprint both = Fingerprint.of(nw, "").rows("input", rows("ACGA"), "", "the input differs")
                .text("bound", "2.0", "--keep differs").build();
        assertThatThrownBy(() -> TileStore.open(store, both, 1, 1, true, false, conf))
                .hasMessageContaining("different job (the input differs; --keep differs)");
        Fingerprint sw = Fingerprint.of(Kernels.configured("sw", List.of()), "")
                .rows("input", rows("ACGA"), "", "the input differs").text("bound", "1.0", "--keep differs").build();
        assertThat(sw.differences(f.hashes())).as("the kernel explains the rest").containsExactly(
                "the kernel differs (--kernel)");

        Path manifest = dir.resolve("cp").resolve("manifest.properties");
        String written = Files.readString(manifest);
        assertThat(written).contains("part.build=allpairs ").contains("part.kernel-code=");
        Files.writeString(manifest, written.replaceAll("(?m)^part\\.build=.*$", "part.build=allpairs 0.1 jar 00"));
        assertThatThrownBy(() -> TileStore.open(store, f, 1, 1, true, false, conf))
                .hasMessageContaining("different job (allpairs build differs");
        Files.writeString(manifest, written.replaceAll("(?m)^part\\..*$", "")); // a manifest of allpairs-checkpoint-2
        assertThatThrownBy(() -> TileStore.open(store, f, 1, 1, true, false, conf))
                .hasMessageContaining("different job (allpairs build differs");
        Files.writeString(manifest, written);
        assertThat(TileStore.open(store, f, 1, 1, true, false, conf)).isNotNull();
    }

    /** Packs rows the way the input readers do (one array, offsets). */
    private static final class ByteRowsBuilderForTest {
        private final StringBuilder data = new StringBuilder();
        private final java.util.List<Integer> offsets = new java.util.ArrayList<>(List.of(0));

        void add(String row) {
            data.append(row);
            offsets.add(data.length());
        }

        ByteRows build() {
            return new ByteRows(data.toString().getBytes(StandardCharsets.US_ASCII),
                    offsets.stream().mapToInt(Integer::intValue).toArray(), null);
        }
    }
}
