package allpairs.checkpoint;

import allpairs.compute.Piece;
import allpairs.compute.TileEmitter;
import allpairs.plan.Tile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/** Executor side of a resumed run: reads a tile finished by an earlier run from the checkpoint. */
public final class StoredTiles implements PairFlatMapFunction<Tile, Integer, Piece> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StoredTiles.class);
    private final TileStore store;
    private final TileEmitter output;

    public StoredTiles(TileStore store, TileEmitter output) {
        this.store = store;
        this.output = output;
    }

    /**
     * The stored tiles that are sound (length, header and checksum checked on the executors, where
     * the store is read); a damaged one is left out, with a warning, so the run computes it again.
     */
    public static List<Tile> intact(JavaSparkContext sc, TileStore store, List<Tile> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        List<String> problems = sc.parallelize(stored, Math.min(stored.size(), 4 * sc.defaultParallelism()))
                .map(new Check(store)).collect();
        List<Tile> intact = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            if (problems.get(i).isEmpty()) {
                intact.add(stored.get(i));
            } else {
                LOG.warn("checkpoint tile {} cannot be trusted ({}): computing it again", store.file(stored.get(i)),
                        problems.get(i));
            }
        }
        return intact;
    }

    @Override
    public Iterator<Tuple2<Integer, Piece>> call(Tile tile) throws Exception {
        List<Tuple2<Integer, Piece>> pieces = new ArrayList<>(2);
        if (store.edges()) { // a sparse tile's stored edges are what it sends on
            store.readEdges(tile).emit((band, piece) -> pieces.add(new Tuple2<>(band, piece)));
        } else {
            output.emit(tile, store.read(tile), (band, piece) -> pieces.add(new Tuple2<>(band, piece)));
        }
        return pieces.iterator();
    }

    /** What is wrong with a stored tile, or "" when nothing is. */
    private static final class Check implements Function<Tile, String> {
        private static final long serialVersionUID = 1L;
        private final TileStore store;

        Check(TileStore store) {
            this.store = store;
        }

        @Override
        public String call(Tile tile) throws Exception {
            try {
                String problem = store.problem(tile);
                return problem == null ? "" : problem;
            } catch (java.io.IOException e) {
                return "cannot be read: " + e;
            }
        }
    }
}
