package allpairs.compute;

import allpairs.plan.Plans;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.kernel.ByteRows;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import allpairs.kernel.Rows;
import allpairs.plan.Tile;
import allpairs.plan.Tiling;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A tile's values against the kernel evaluated pair by pair (in (min, max) order when mirrored), for many tilings. */
class TileComputerTest {
    static ByteRows symbols(int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] offsets = new int[m + 1];
        for (int i = 0; i < m; i++) {
            offsets[i + 1] = offsets[i] + 1 + rnd.nextInt(12);
        }
        byte[] data = new byte[offsets[m]];
        for (int e = 0; e < data.length; e++) {
            data[e] = (byte) "ACG".charAt(rnd.nextInt(3));
        }
        return new ByteRows(data, offsets, null);
    }

    @ParameterizedTest(name = "{0} m={1} block={2} mirror={3}")
    @CsvSource({"levenshtein,13,4,true", "levenshtein,13,4,false", "nw,17,5,true", "sw,9,9,true", "nw,11,1,false"})
    void everyTileEqualsThePairByPairValues(String name, int m, int block, boolean mirror) {
        Kernel<?> kernel = Kernels.configured(name, List.of());
        ByteRows rows = symbols(m, m * 31L + block);
        for (Tile tile : Plans.tiles(m, block, mirror)) {
            assertTile(kernel, rows, mirror, tile);
        }
    }

    private static <S> void assertTile(Kernel<S> kernel, Rows rows, boolean mirror, Tile tile) {
        S scratch = kernel.newScratch(rows.maxLength());
        double[] block = TileComputer.compute(kernel, rows, 0, rows, 0, mirror, tile, kernel.kind().unbounded(), scratch);
        // the same tile from blocks holding only its rows (the block-join case) has the same bits
        Rows a = rows.slice(tile.rowStart(), tile.rowEnd());
        Rows b = rows.slice(tile.colStart(), tile.colEnd());
        double[] fromBlocks = TileComputer.compute(kernel, a, tile.rowStart(), b, tile.colStart(), mirror, tile,
                kernel.kind().unbounded(), scratch);
        assertThat(fromBlocks).isEqualTo(block);
        for (int r = 0; r < tile.height(); r++) {
            for (int c = 0; c < tile.width(); c++) {
                int i = tile.rowStart() + r;
                int j = tile.colStart() + c;
                double expected = mirror ? kernel.compute(rows, Math.min(i, j), rows, Math.max(i, j), scratch)
                        : kernel.compute(rows, i, rows, j, scratch);
                assertThat(Double.doubleToRawLongBits(block[r * tile.width() + c])).as("%s (%d, %d)", tile, i, j)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1,1", "2,3", "5,4"})
    void transposeSwapsRowsAndColumns(int h, int w) {
        double[] block = new SplittableRandom(h * 7L + w).doubles(h * w).toArray();
        double[] t = TileComputer.transpose(block, h, w);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                assertThat(t[c * h + r]).isEqualTo(block[r * w + c]);
            }
        }
        assertThat(TileComputer.transpose(t, w, h)).isEqualTo(block);
    }
}
