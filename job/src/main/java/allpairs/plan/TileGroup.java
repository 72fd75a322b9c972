package allpairs.plan;

import java.io.Serializable;

/** The tiles one Spark partition computes, with one scratch, in this order. */
public final class TileGroup implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Tile[] tiles;

    public TileGroup(Tile[] tiles) {
        this.tiles = tiles.clone();
    }

    public Tile[] tiles() {
        return tiles.clone();
    }

    public int size() {
        return tiles.length;
    }

    public Tile tile(int k) {
        return tiles[k];
    }
}
