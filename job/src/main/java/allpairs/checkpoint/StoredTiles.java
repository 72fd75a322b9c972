package allpairs.checkpoint;

import allpairs.compute.Piece;
import allpairs.compute.TileEmitter;
import allpairs.plan.Tile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/** Executor side of a resumed run: reads a tile finished by an earlier run from the checkpoint. */
public final class StoredTiles implements PairFlatMapFunction<Tile, Integer, Piece> {
    private static final long serialVersionUID = 1L;
    private final TileStore store;
    private final TileEmitter output;

    public StoredTiles(TileStore store, TileEmitter output) {
        this.store = store;
        this.output = output;
    }

    @Override
    public Iterator<Tuple2<Integer, Piece>> call(Tile tile) throws Exception {
        List<Tuple2<Integer, Piece>> pieces = new ArrayList<>(2);
        output.emit(tile, store.read(tile), (band, piece) -> pieces.add(new Tuple2<>(band, piece)));
        return pieces.iterator();
    }
}
