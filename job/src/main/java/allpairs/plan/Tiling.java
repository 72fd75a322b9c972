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

    public static int bandStart(int band, int blockSize) {
        return (int) Math.min(Integer.MAX_VALUE, (long) band * blockSize);
    }

    public static int bandEnd(int band, int m, int blockSize) {
        return (int) Math.min(m, (long) (band + 1) * blockSize);
    }

    /** Number of tiles without listing them: nb(nb+1)/2 when symmetric, nb^2 otherwise. */
    public static long tileCount(int m, int blockSize, boolean symmetric) {
        long nb = bands(m, blockSize);
        return symmetric ? nb * (nb + 1) / 2 : nb * nb;
    }

    /** The tiles, row band by row band; only I <= J when the kernel is symmetric. */
    public static List<Tile> tiles(int m, int blockSize, boolean symmetric) {
        if (m < 1 || blockSize < 1) {
            throw new IllegalArgumentException("m and block size must be >= 1");
        }
        int nb = bands(m, blockSize);
        List<Tile> tiles = new ArrayList<>();
        for (int bi = 0; bi < nb; bi++) {
            for (int bj = symmetric ? bi : 0; bj < nb; bj++) {
                tiles.add(new Tile(bi, bj, bandStart(bi, blockSize), bandEnd(bi, m, blockSize),
                        bandStart(bj, blockSize), bandEnd(bj, m, blockSize)));
            }
        }
        return tiles;
    }
}
