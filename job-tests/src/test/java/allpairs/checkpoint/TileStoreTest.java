package allpairs.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import allpairs.plan.Tile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint store on the local file system, without Spark. */
class TileStoreTest {
    @TempDir
    Path dir;

    final Configuration conf = new Configuration();

    @Test
    void aNewStoreHasNoManifestThenKeepsTheOneItWasCreatedWith() throws IOException {
        String store = dir.resolve("cp").toString();
        assertThat(TileStore.read(store, "f1", conf)).isNull();
        TileStore.create(store, new TileStore.Manifest("f1", true, new int[] {0, 3, 7}, new int[] {0, 3, 7}), conf);
        TileStore.Manifest m = TileStore.read(store, "f1", conf);
        assertThat(m.symmetric()).isTrue();
        assertThat(m.rowBounds()).containsExactly(0, 3, 7);
        assertThat(m.colBounds()).containsExactly(0, 3, 7);
        assertThatThrownBy(() -> TileStore.read(store, "another job", conf)).isInstanceOf(UserError.class)
                .hasMessageContaining("different job").hasMessageEndingWith(store);
    }

    @Test
    void tilesRoundTripBitForBitAndAreListedOnceFinished() throws IOException {
        String store = dir.resolve("cp").toString();
        TileStore.create(store, new TileStore.Manifest("f", false, new int[] {0, 2, 5}, new int[] {0, 4}), conf);
        TileStore tiles = TileStore.at(store);
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
                .hasMessageContaining("does not match the plan");
    }

    @Test
    void theFingerprintFollowsTheInputBytesAndTheKernelSettings() throws IOException {
        Path a = Files.write(dir.resolve("a.npy"), new byte[] {1, 2, 3});
        Path b = Files.write(dir.resolve("b.npy"), new byte[] {1, 2, 4});
        String fa = Fingerprint.of(a.toString(), null, "nw", "{}", conf);
        assertThat(Fingerprint.of(a.toString(), null, "nw", "{}", conf)).isEqualTo(fa).hasSize(64);
        assertThat(Fingerprint.of(b.toString(), null, "nw", "{}", conf)).isNotEqualTo(fa);
        assertThat(Fingerprint.of(a.toString(), a.toString(), "nw", "{}", conf)).isNotEqualTo(fa);
        assertThat(Fingerprint.of(a.toString(), null, "sw", "{}", conf)).isNotEqualTo(fa);
        assertThat(Fingerprint.of(a.toString(), null, "nw", "{match=2}", conf)).isNotEqualTo(fa);
    }
}
