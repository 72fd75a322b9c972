package allpairs.plan;

import java.util.ArrayList;
import java.util.List;

/** Cuts m rows into blocks of {@code blockSize} and pairs the blocks into tiles. Pure functions. */
public final class Tiling {
    private Tiling() {
    }

    public static int bands(int m, int blockSize) {
        return (int) ((m + (long) blockSize - 1) / blockSize);
    }

    /** Number of tiles of an m×m matrix without listing them: nb(nb+1)/2 when symmetric, nb^2 otherwise. */
    public static long tileCount(int m, int blockSize, boolean symmetric) {
        return tileCount(m, m, blockSize, symmetric);
    }

    /** Number of tiles of an m×k matrix (symmetric only when m == k). */
    public static long tileCount(int m, int k, int blockSize, boolean symmetric) {
        return tilesBetween(bands(m, blockSize), bands(k, blockSize), symmetric);
    }

    /** Number of tiles between row bands and column bands: the upper triangle with its diagonal when symmetric. */
    public static long tilesBetween(long rowBands, long colBands, boolean symmetric) {
        return symmetric ? rowBands * (rowBands + 1) / 2 : rowBands * colBands;
    }

    /** The tiles between row boundaries and column boundaries; only I <= J when symmetric (same boundaries). */
    public static List<Tile> tiles(int[] rowBounds, int[] colBounds, boolean symmetric) {
        List<Tile> tiles = new ArrayList<>();
        for (int bi = 0; bi + 1 < rowBounds.length; bi++) {
            for (int bj = symmetric ? bi : 0; bj + 1 < colBounds.length; bj++) {
                tiles.add(new Tile(bi, bj, rowBounds[bi], rowBounds[bi + 1], colBounds[bj], colBounds[bj + 1]));
            }
        }
        return tiles;
    }
}
