package allpairs.plan;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.kernel.ByteRows;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 26, "tiled path at large m": edge and top-k outputs size tiles by work, not by the memory of
 * a dense tile (the planner only; nothing is computed). Before, 10^5 reads of 50 bp with --keep
 * planned 2,978,020 tiles of 41 rows.
 */
class SparseTileSizingTest {
    private static final long BUDGET = 512L << 20;

    private static ByteRows reads(int m, int length) {
        byte[] data = new byte[m * length];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int e = 0; e < data.length; e++) {
            data[e] = (byte) "ACGT".charAt(rnd.nextInt(4));
        }
        int[] offsets = new int[m + 1];
        for (int i = 0; i <= m; i++) {
            offsets[i] = i * length;
        }
        return new ByteRows(data, offsets, null);
    }

    @Test
    void tenToTheFiveReadsWithKeepPlanAModestNumberOfTiles() {
        Kernel<?> lev = Kernels.configured("levenshtein", List.of());
        ByteRows rows = reads(100_000, 50);
        // a dense output keeps the sizing by a dense band's memory (the planner would list all these tiles)
        int dense = BlockSizer.defaultBlockSize(100_000, 100_000, 2, true,
                new BlockSizer.Limits(BUDGET, lev.scratchBytes(50), lev.minTileWidth()));
        assertThat(dense).isEqualTo(41);
        assertThat(Tiling.tileCount(100_000, dense, true)).isEqualTo(2_978_020);

        Plan sparse = Planner.plan(lev, rows, null, null, null, 2, BUDGET, true);
        assertThat(sparse.tiles()).isBetween(BlockSizer.TILES_PER_CORE * 2, BlockSizer.SPARSE_TILES_MAX);
        assertThat(sparse.pairs()).isEqualTo(100_000L * 100_001 / 2);
        // each tile about SPARSE_TILE_COST of work (2,500 cells a pair): 5e9 pairs in tens of tiles
        double pairsPerTile = (double) sparse.pairs() / sparse.tiles();
        assertThat(pairsPerTile * 2500).isBetween(BlockSizer.SPARSE_TILE_COST / 2, BlockSizer.SPARSE_TILE_COST * 4);
        assertThat(sparse.partitions()).isEqualTo(4);
        assertThat(sparse.costSkew()).isLessThan(1.2);
    }

    @Test
    void tenToTheSixAndSevenRowsStayWithinTheTileCap() {
        for (int m : new int[] {1_000_000, 10_000_000}) {
            BlockSizer.Limits limits = new BlockSizer.Limits(BUDGET, 0, 1, 2500);
            int block = BlockSizer.defaultBlockSize(m, m, 2, true, limits);
            long tiles = Tiling.tileCount(m, block, true);
            assertThat(tiles).as("m = %d", m).isBetween(BlockSizer.SPARSE_TILES_MAX / 2L, (long) BlockSizer.SPARSE_TILES_MAX);
            if (m == 1_000_000) { // the driver's plan: these tiles, packed (10^7 would need 0.3 GB of cost arrays here)
                Plan plan = Plan.create(null, null, m, m, true, null, null, 2, limits);
                assertThat(plan.tiles()).isEqualTo((int) tiles);
            }
            assertThat(BlockSizer.defaultBlockSize(m, m, 2, true, new BlockSizer.Limits(BUDGET, 0, 1)))
                    .as("dense: millions of tiles").isLessThan(5);
        }
        // more cores: the cap grows with them (64 a core), so every core still gets tiles to balance
        BlockSizer.Limits limits = new BlockSizer.Limits(BUDGET, 0, 1, 2500);
        int block = BlockSizer.defaultBlockSize(1_000_000, 1_000_000, 256, true, limits);
        assertThat(Tiling.tileCount(1_000_000, block, true)).isBetween(4096L, 256L * BlockSizer.SPARSE_TILES_PER_CORE);
    }

    @Test
    void smallSparseInputsKeepTheDenseSizing() {
        for (int m : new int[] {10, 600, 5_000}) {
            BlockSizer.Limits sparse = new BlockSizer.Limits(BUDGET, 0, 1, 2500);
            BlockSizer.Limits dense = new BlockSizer.Limits(BUDGET, 0, 1);
            assertThat(BlockSizer.defaultBlockSize(m, m, 2, true, sparse)).as("m = %d", m)
                    .isEqualTo(BlockSizer.defaultBlockSize(m, m, 2, true, dense));
        }
    }
}
