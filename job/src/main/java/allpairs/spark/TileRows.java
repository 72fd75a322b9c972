package allpairs.spark;

import allpairs.compute.TileBounds;
import allpairs.compute.TileComputer;
import allpairs.kernel.Kernel;
import allpairs.kernel.Rows;
import allpairs.plan.Tile;
import allpairs.plan.TileGroup;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * How a partition of {@link TileTask} finds its tiles and their rows: the two row strategies.
 *
 * @param <T> what the partition's input iterator holds
 */
public interface TileRows<T> extends Serializable {
    /** The partition's tiles, and where their rows are. */
    Opened open(Iterator<T> partition);

    /** One partition's tiles, in order, each computed against the rows this partition holds. */
    abstract class Opened implements Iterator<Tile> {
        /** The longest row this partition may see (its scratch is sized for it). */
        abstract int longestRow();

        abstract <S> double[] compute(Kernel<S> kernel, boolean mirror, Tile tile, TileBounds bounds, S scratch);

        /** The values of {@code part}, a part of {@code tile} ({@link allpairs.plan.TileParts}), whose rows it finds. */
        <S> double[] compute(Kernel<S> kernel, boolean mirror, Tile tile, Tile part, TileBounds bounds, S scratch) {
            return compute(kernel, mirror, part, bounds, scratch);
        }
    }

    /** Every row broadcast: a partition holds its tile group; rows and columns are the broadcasts. */
    static TileRows<TileGroup> broadcast(Broadcast<Rows> query, Broadcast<Rows> reference) {
        return partition -> new Opened() {
            private final Rows rows = query.value();
            private final Rows cols = reference.value();
            private Iterator<Tile> tiles = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!tiles.hasNext() && partition.hasNext()) {
                    tiles = Arrays.asList(partition.next().tiles()).iterator();
                }
                return tiles.hasNext();
            }

            @Override
            public Tile next() {
                hasNext();
                return tiles.next();
            }

            @Override
            int longestRow() {
                return Math.max(rows.maxLength(), cols.maxLength());
            }

            @Override
            <S> double[] compute(Kernel<S> kernel, boolean mirror, Tile tile, TileBounds bounds, S scratch) {
                return TileComputer.compute(kernel, rows, 0, cols, 0, mirror, tile, bounds, scratch);
            }
        };
    }

    /**
     * The block-join strategy: a partition holds one tile group (the partitioner sends group g to
     * partition g) cogrouped with just the row blocks its tiles need.
     *
     * @param rectangular the column blocks are reference rows (side 1), not query rows
     */
    static TileRows<Tuple2<Integer, Tuple2<Iterable<TileGroup>, Iterable<RowBlock>>>> joined(boolean rectangular) {
        return partition -> {
            Map<Integer, RowBlock> rowSide = new HashMap<>();
            Map<Integer, RowBlock> colSide = new HashMap<>();
            List<Tile> tiles = new ArrayList<>();
            int longest = 0;
            while (partition.hasNext()) {
                Tuple2<Iterable<TileGroup>, Iterable<RowBlock>> joined = partition.next()._2();
                for (RowBlock b : joined._2()) {
                    (b.side == 0 ? rowSide : colSide).put(b.block, b);
                    longest = Math.max(longest, b.rows.maxLength());
                }
                for (TileGroup group : joined._1()) {
                    tiles.addAll(List.of(group.tiles()));
                }
            }
            return new JoinedBlocks(tiles.iterator(), rowSide, rectangular ? colSide : rowSide, longest);
        };
    }

    /** The tiles of a block-join partition with the row blocks they need. */
    final class JoinedBlocks extends Opened {
        private final Iterator<Tile> tiles;
        private final Map<Integer, RowBlock> rowSide;
        private final Map<Integer, RowBlock> colSide;
        private final int longest;

        JoinedBlocks(Iterator<Tile> tiles, Map<Integer, RowBlock> rowSide, Map<Integer, RowBlock> colSide, int longest) {
            this.tiles = tiles;
            this.rowSide = rowSide;
            this.colSide = colSide;
            this.longest = longest;
        }

        @Override
        public boolean hasNext() {
            return tiles.hasNext();
        }

        @Override
        public Tile next() {
            return tiles.next();
        }

        @Override
        int longestRow() {
            return longest;
        }

        @Override
        <S> double[] compute(Kernel<S> kernel, boolean mirror, Tile tile, TileBounds bounds, S scratch) {
            return compute(kernel, mirror, tile, tile, bounds, scratch);
        }

        /** The row blocks are the tile's bands (a part's bands count within the tile). */
        @Override
        <S> double[] compute(Kernel<S> kernel, boolean mirror, Tile tile, Tile part, TileBounds bounds, S scratch) {
            RowBlock a = rowSide.get(tile.bandI());
            RowBlock b = colSide.get(tile.bandJ());
            return TileComputer.compute(kernel, a.rows, a.rowStart, b.rows, b.rowStart, mirror, part,
                    bounds, scratch);
        }
    }
}
