package allpairs.spark;

import allpairs.kernel.Kernel;
import allpairs.plan.Tile;
import allpairs.plan.TileGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * Executor side of the block-join plan: a partition receives its tile group together with just
 * the row blocks those tiles need (no broadcast of the whole input), creates one scratch, and
 * computes every tile like {@link TileTask}.
 */
final class BlockJoinTask<S>
        implements PairFlatMapFunction<Iterator<Tuple2<Integer, Tuple2<Iterable<TileGroup>, Iterable<RowBlock>>>>,
                Integer, Piece> {
    private static final long serialVersionUID = 1L;
    private final Kernel<S> kernel;
    private final boolean mirror;
    private final boolean rectangular;
    private final Counters counters;
    private final TileStore store;
    private final TileOutput output;

    BlockJoinTask(Kernel<S> kernel, boolean mirror, boolean rectangular, Counters counters, TileStore store,
                  TileOutput output) {
        this.kernel = kernel;
        this.mirror = mirror;
        this.rectangular = rectangular;
        this.counters = counters;
        this.store = store;
        this.output = output;
    }

    /** A partition holds one tile group (the partitioner sends group g to partition g) and its blocks. */
    @Override
    public Iterator<Tuple2<Integer, Piece>> call(
            Iterator<Tuple2<Integer, Tuple2<Iterable<TileGroup>, Iterable<RowBlock>>>> partition) {
        FaultInjection.maybeFail();
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
        if (tiles.isEmpty()) {
            return java.util.Collections.emptyIterator();
        }
        S scratch = kernel.newScratch(longest);
        counters.scratchCreated.add(1);
        Iterator<Tile> todo = tiles.iterator();
        java.util.ArrayDeque<Tuple2<Integer, Piece>> ready = new java.util.ArrayDeque<>(2);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && todo.hasNext()) {
                    Tile tile = todo.next();
                    RowBlock a = rowSide.get(tile.bandI());
                    RowBlock b = rectangular ? colSide.get(tile.bandJ()) : rowSide.get(tile.bandJ());
                    double[] block = TileTask.computeTile(kernel, a.rows, a.rowStart, b.rows, b.rowStart, mirror, tile,
                            scratch);
                    TileTask.finished(tile, block, mirror, counters, store, output, ready);
                }
                return !ready.isEmpty();
            }

            @Override
            public Tuple2<Integer, Piece> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }
}
