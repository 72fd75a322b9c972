package allpairs.spark;

import allpairs.kernel.Int8Rows;
import allpairs.kernel.Kernel;
import allpairs.plan.Tile;
import allpairs.plan.TileGroup;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * The executor side: for one partition, creates the kernel's scratch once and computes every pair
 * of every tile with it. Emits each finished tile keyed by its row band and, off the diagonal of
 * a symmetric kernel, its transpose keyed by the column band (the mirrored lower triangle).
 * Static and self-contained: nothing here refers to the driver.
 */
public final class TileTask<S> implements PairFlatMapFunction<Iterator<TileGroup>, Integer, BandPiece> {
    private static final long serialVersionUID = 1L;

    private final Kernel<S> kernel;
    private final Broadcast<Int8Rows> rows;
    private final LongAccumulator scratchCreated;
    private final LongAccumulator pairsComputed;

    public TileTask(Kernel<S> kernel, Broadcast<Int8Rows> rows, LongAccumulator scratchCreated,
                    LongAccumulator pairsComputed) {
        this.kernel = kernel;
        this.rows = rows;
        this.scratchCreated = scratchCreated;
        this.pairsComputed = pairsComputed;
    }

    @Override
    public Iterator<Tuple2<Integer, BandPiece>> call(Iterator<TileGroup> groups) {
        FaultInjection.maybeFail();
        Int8Rows data = rows.value();
        return new Iterator<>() {
            private final ArrayDeque<Tuple2<Integer, BandPiece>> ready = new ArrayDeque<>(2);
            private Iterator<Tile> tiles = java.util.Collections.emptyIterator();
            private S scratch;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty()) {
                    while (!tiles.hasNext()) {
                        if (!groups.hasNext()) {
                            return false;
                        }
                        tiles = java.util.Arrays.asList(groups.next().tiles()).iterator();
                    }
                    if (scratch == null) {
                        scratch = kernel.newScratch(data.cols());
                        scratchCreated.add(1);
                    }
                    emit(tiles.next());
                }
                return true;
            }

            @Override
            public Tuple2<Integer, BandPiece> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }

            private void emit(Tile tile) {
                double[] block = computeTile(kernel, data, tile, scratch);
                pairsComputed.add(tile.pairs(kernel.symmetric()));
                ready.add(new Tuple2<>(tile.bandI(),
                        new BandPiece(tile.rowStart(), tile.height(), tile.colStart(), tile.width(), block)));
                if (kernel.symmetric() && !tile.diagonal()) {
                    ready.add(new Tuple2<>(tile.bandJ(), new BandPiece(tile.colStart(), tile.width(),
                            tile.rowStart(), tile.height(), transpose(block, tile.height(), tile.width()))));
                }
            }
        };
    }

    /**
     * The tile's values, row-major. A symmetric kernel always gets (min(i,j), max(i,j)) in input
     * order, so every entry has the same bits whatever the tiling; a diagonal tile computes i <= j
     * and mirrors the rest.
     */
    public static <S> double[] computeTile(Kernel<S> kernel, Int8Rows data, Tile tile, S scratch) {
        int h = tile.height();
        int w = tile.width();
        double[] block = new double[h * w];
        boolean mirror = kernel.symmetric() && tile.diagonal();
        for (int r = 0; r < h; r++) {
            int i = tile.rowStart() + r;
            for (int c = mirror ? r : 0; c < w; c++) {
                int j = tile.colStart() + c;
                double v = kernel.symmetric() && j < i
                        ? kernel.compute(data, j, i, scratch)
                        : kernel.compute(data, i, j, scratch);
                block[r * w + c] = v;
                if (mirror) {
                    block[c * w + r] = v;
                }
            }
        }
        return block;
    }

    static double[] transpose(double[] block, int h, int w) {
        double[] t = new double[block.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                t[c * h + r] = block[r * w + c];
            }
        }
        return t;
    }
}
