package allpairs.plan;

import java.util.List;

/**
 * What the job will compute: block size, tiles, and tiles packed into partitions.
 *
 * @param m rows of the matrix (query rows)
 * @param k columns of the matrix (m, or the reference rows with --against)
 * @param blockSize rows per block (band)
 * @param symmetric whether only tiles with I <= J are computed
 * @param groups one entry per Spark partition
 * @param tiles the number of tiles
 * @param pairs kernel evaluations in all tiles
 */
public record Plan(int m, int k, int blockSize, boolean symmetric, List<TileGroup> groups, int tiles, long pairs) {
    /** Partitions per core by default: a few, so a slow partition can be balanced by the others. */
    public static final int PARTITIONS_PER_CORE = 2;

    public static Plan create(int m, boolean symmetric, Integer blockSize, Integer partitions, int cores) {
        return create(m, m, symmetric, blockSize, partitions, cores);
    }

    /** The plan of an m×k matrix; symmetric (upper tiles only) requires m == k. */
    public static Plan create(int m, int k, boolean symmetric, Integer blockSize, Integer partitions, int cores) {
        int block = blockSize != null ? Math.min(blockSize, Math.max(m, k))
                : BlockSizer.defaultBlockSize(m, k, cores, symmetric);
        List<Tile> tiles = Tiling.tiles(m, k, block, symmetric);
        int wanted = partitions != null ? partitions : PARTITIONS_PER_CORE * Math.max(1, cores);
        // Every pair of a row-width matrix costs the same, so a tile's cost is its pair count.
        List<TileGroup> groups = PartitionPacker.pack(tiles, wanted, tile -> tile.pairs(symmetric));
        long pairs = 0;
        for (Tile t : tiles) {
            pairs += t.pairs(symmetric);
        }
        return new Plan(m, k, block, symmetric, List.copyOf(groups), tiles.size(), pairs);
    }

    /** Row bands of the output (each becomes one Band). */
    public int bands() {
        return Tiling.bands(m, blockSize);
    }

    public int partitions() {
        return groups.size();
    }
}
