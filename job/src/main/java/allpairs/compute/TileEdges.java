package allpairs.compute;

import allpairs.plan.Tile;
import allpairs.plan.TileParts;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What a tile of a sparse output (edges, top-k) sends on: one {@link EdgePiece} per row band it
 * feeds (its row band and, mirrored, its column band), gathered from its parts. This, not the
 * tile's values, is what a checkpoint stores for such a tile: O(edges), or K per row for top-k.
 */
public final class TileEdges {
    private final Map<Integer, EdgePiece> bands = new TreeMap<>();

    /**
     * A sparse tile's edges: its parts ({@link TileParts}, at most {@code side} rows and columns),
     * each computed by {@code values} and emitted, gathered under the tile's bands, then reduced
     * ({@link TileEmitter#reduce}). Only one part's values are held at a time.
     */
    public static TileEdges ofParts(Tile tile, boolean mirror, int side, TileEmitter emitter,
                                    Function<Tile, double[]> values) {
        TileEdges gathered = new TileEdges();
        for (Tile part : TileParts.of(tile, mirror, side)) {
            emitter.emit(part, values.apply(part), (band, piece) -> gathered.add(TileParts.band(tile, part, band),
                    (EdgePiece) piece));
        }
        return emitter.reduce(gathered);
    }

    /** Adds a part's edges of {@code band}. */
    public void add(int band, EdgePiece edges) {
        EdgePiece held = bands.get(band);
        if (held == null) {
            bands.put(band, edges);
        } else {
            held.addAll(edges);
        }
    }

    /** Each band's edges replaced by {@code reduce} of them (top-k: each row's K best). */
    public TileEdges reduced(UnaryOperator<EdgePiece> reduce) {
        TileEdges out = new TileEdges();
        bands.forEach((band, edges) -> out.bands.put(band, reduce.apply(edges)));
        return out;
    }

    /** The bands with their edges, in band order. */
    public Map<Integer, EdgePiece> bands() {
        return bands;
    }

    /** Hands each band's edges on, in band order. */
    public void emit(BiConsumer<Integer, Piece> out) {
        bands.forEach(out::accept);
    }

    /** Edges held, in all bands. */
    public long size() {
        long n = 0;
        for (EdgePiece e : bands.values()) {
            n += e.size();
        }
        return n;
    }
}
