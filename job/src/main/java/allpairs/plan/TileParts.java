package allpairs.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A tile of a sparse output (edges, top-k) cut into parts of at most {@link #SIDE} rows and columns,
 * each computed as a tile of its own: its values are then held one part at a time (8·SIDE² bytes),
 * whatever the tile's size, so sparse tiles can be sized by work ({@link BlockSizer#sparseBlockSize}).
 * A part is a {@link Tile} whose bands are the part's rows and columns within the tile: on a
 * diagonal tile both count from 0 (so a part on the diagonal is diagonal, and mirrored only I <= J
 * exist, as {@link Tiling#tiles}); otherwise columns count on from the rows' count (no part diagonal).
 * Every pair's value is the same as in one tile ({@link allpairs.compute.TileComputer}).
 */
public final class TileParts {
    /** Rows and columns of a part: a 2 MiB block of values, and wide enough for every kernel's vector lanes. */
    public static final int SIDE = 512;

    private TileParts() {
    }

    /** The parts of {@code tile}, row-major; {@code mirror}: only parts I <= J of a diagonal tile. */
    public static List<Tile> of(Tile tile, boolean mirror, int side) {
        int[] rows = cuts(tile.rowStart(), tile.rowEnd(), side);
        int[] cols = cuts(tile.colStart(), tile.colEnd(), side);
        boolean diagonal = tile.diagonal() && tile.rowStart() == tile.colStart() && tile.rowEnd() == tile.colEnd();
        int colBase = diagonal ? 0 : rows.length - 1;
        List<Tile> parts = new ArrayList<>();
        for (int pi = 0; pi + 1 < rows.length; pi++) {
            for (int pj = diagonal && mirror ? pi : 0; pj + 1 < cols.length; pj++) {
                parts.add(new Tile(pi, colBase + pj, rows[pi], rows[pi + 1], cols[pj], cols[pj + 1]));
            }
        }
        return parts;
    }

    /** The band of {@code tile} a part's band stands for (a part's row band or column band). */
    public static int band(Tile tile, Tile part, int partBand) {
        return partBand == part.bandI() ? tile.bandI() : tile.bandJ();
    }

    private static int[] cuts(int from, int to, int side) {
        int n = Math.max(1, (to - from + side - 1) / side);
        int[] cuts = new int[n + 1];
        for (int c = 0; c <= n; c++) {
            cuts[c] = (int) Math.min(to, from + (long) c * side);
        }
        return cuts;
    }
}
