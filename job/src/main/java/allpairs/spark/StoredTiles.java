package allpairs.spark;

import allpairs.plan.Tile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/** Executor side of a resumed run: reads a tile finished by an earlier run from the checkpoint. */
final class StoredTiles implements PairFlatMapFunction<Tile, Integer, BandPiece> {
    private static final long serialVersionUID = 1L;
    private final TileStore store;
    private final boolean mirror;

    StoredTiles(TileStore store, boolean mirror) {
        this.store = store;
        this.mirror = mirror;
    }

    @Override
    public Iterator<Tuple2<Integer, BandPiece>> call(Tile tile) throws Exception {
        List<Tuple2<Integer, BandPiece>> pieces = new ArrayList<>(2);
        TileTask.addPieces(pieces, tile, store.read(tile), mirror);
        return pieces.iterator();
    }
}
