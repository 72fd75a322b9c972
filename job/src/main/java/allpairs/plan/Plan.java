package allpairs.plan;

import java.util.List;

/**
 * What the job will compute: block size, tiles, and tiles packed into partitions.
 *
 * @param m rows of the input
 * @param blockSize rows per block (band)
 * @param symmetric whether only tiles with I <= J are computed
 * @param groups one entry per Spark partition
 * @param tiles the number of tiles
 * @param pairs kernel evaluations in all tiles
 */
public record Plan(int m, int blockSize, boolean symmetric, List<TileGroup> groups, int tiles, long pairs) {
    /** Partitions per core by default: a few, so a slow partition can be balanced by the others. */
    public static final int PARTITIONS_PER_CORE = 2;

    public static Plan create(int m, boolean symmetric, Integer blockSize, Integer partitions, int cores) {
        int block = blockSize != null ? Math.min(blockSize, m) : BlockSizer.defaultBlockSize(m, cores, symmetric);
        List<Tile> tiles = Tiling.tiles(m, block, symmetric);
        int wanted = partitions != null ? partitions : PARTITIONS_PER_CORE * Math.max(1, cores);
        // Every pair of a row-width matrix costs the same, so a tile's cost is its pair count.
        List<TileGroup> groups = PartitionPacker.pack(tiles, wanted, tile -> tile.pairs(symmetric));
        long pairs = 0;
        for (Tile t : tiles) {
            pairs += t.pairs(symmetric);
        }
        return new Plan(m, block, symmetric, List.copyOf(groups), tiles.size(), pairs);
    }

    public int bands() {
        return Tiling.bands(m, blockSize);
    }

    public int partitions() {
        return groups.size();
    }
}
