package allpairs.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TilingTest {
    @Test
    void everyPairIsProducedExactlyOnce() {
        for (int m = 1; m <= 50; m++) {
            for (int block = 1; block <= m + 1; block++) {
                int[] symmetricCount = new int[m * m];
                int[] fullCount = new int[m * m];
                for (Tile t : Plans.tiles(m, block, true)) {
                    assertThat(t.bandI()).isLessThanOrEqualTo(t.bandJ());
                    for (int i = t.rowStart(); i < t.rowEnd(); i++) {
                        for (int j = t.diagonal() ? Math.max(i, t.colStart()) : t.colStart(); j < t.colEnd(); j++) {
                            symmetricCount[i * m + j]++;
                        }
                    }
                }
                for (Tile t : Plans.tiles(m, block, false)) {
                    for (int i = t.rowStart(); i < t.rowEnd(); i++) {
                        for (int j = t.colStart(); j < t.colEnd(); j++) {
                            fullCount[i * m + j]++;
                        }
                    }
                }
                int[] upperOnce = new int[m * m];
                int[] allOnce = new int[m * m];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        upperOnce[i * m + j] = i <= j ? 1 : 0;
                        allOnce[i * m + j] = 1;
                    }
                }
                assertThat(symmetricCount).as("symmetric m=%d block=%d", m, block).isEqualTo(upperOnce);
                assertThat(fullCount).as("full m=%d block=%d", m, block).isEqualTo(allOnce);
                long pairs = Plans.tiles(m, block, true).stream().mapToLong(t -> t.pairs(true)).sum();
                assertThat(pairs).isEqualTo((long) m * (m + 1) / 2);
                assertThat(Plans.tiles(m, block, true)).hasSize((int) Tiling.tileCount(m, block, true));
            }
        }
    }

    @Test
    void defaultBlockSizeSpreadsRowsEvenlyOverTheFewestBandsThatGiveEnoughTilesPerCore() {
        for (int m : new int[] {1, 2, 7, 50, 600, 10_000, 100_000, 4_000_000}) {
            for (int cores : new int[] {1, 2, 8, 64}) {
                long wanted = (long) BlockSizer.TILES_PER_CORE * cores;
                int b = Plans.defaultBlockSize(m, cores, true);
                assertThat(b).isBetween(1, m);
                int bands = Tiling.bands(m, b);
                // Even: the block is ceil(m / bands), so only the last band can be shorter.
                assertThat(b).as("m=%d cores=%d", m, cores).isEqualTo((m + bands - 1) / bands);
                boolean enoughTilesPossible = Tiling.tileCount(m, 1, true) >= wanted;
                if (b > 1 || enoughTilesPossible) {
                    assertThat(8L * b * m).as("band of m=%d", m).isLessThanOrEqualTo(BlockSizer.BAND_BYTES_MAX);
                    assertThat(Tiling.tileCount(m, b, true)).isGreaterThanOrEqualTo(wanted);
                }
                // Fewest bands: one band fewer (rows spread evenly) is over the memory limit or too few tiles.
                if (bands > 1) {
                    int fewer = (m + bands - 2) / (bands - 1);
                    assertThat(8L * fewer * m > BlockSizer.BAND_BYTES_MAX || Tiling.tileCount(m, fewer, true) < wanted)
                            .as("m=%d cores=%d b=%d", m, cores, b).isTrue();
                }
            }
        }
    }

    @Test
    void packingPlacesEveryTileOnceAndBalancesByPairs() {
        for (int m : new int[] {1, 13, 100, 333}) {
            for (int block : new int[] {1, 7, 40}) {
                for (int parts : new int[] {1, 2, 5, 16}) {
                    List<Tile> tiles = Plans.tiles(m, block, true);
                    List<TileGroup> groups = PartitionPacker.pack(tiles, parts, t -> t.pairs(true));
                    assertThat(groups).hasSize(Math.min(parts, tiles.size()));
                    Set<Tile> seen = new HashSet<>();
                    long max = 0;
                    long biggestTile = 0;
                    for (TileGroup g : groups) {
                        long load = 0;
                        for (Tile t : g.tiles()) {
                            if (!seen.add(t)) {
                                throw new AssertionError("tile placed twice: " + t);
                            }
                            load += t.pairs(true);
                            biggestTile = Math.max(biggestTile, t.pairs(true));
                        }
                        max = Math.max(max, load);
                    }
                    assertThat(seen.size() == tiles.size() && seen.equals(new HashSet<>(tiles))).as("every tile placed once").isTrue();
                    long total = (long) m * (m + 1) / 2;
                    // LPT bound: the heaviest partition is within one tile of the mean.
                    assertThat(max).isLessThanOrEqualTo(total / groups.size() + biggestTile);
                    assertThat(contents(PartitionPacker.pack(tiles, parts, t -> t.pairs(true))))
                            .isEqualTo(contents(groups));
                }
            }
        }
    }

    private static List<List<Tile>> contents(List<TileGroup> groups) {
        return groups.stream().map(g -> List.of(g.tiles())).toList();
    }
}
