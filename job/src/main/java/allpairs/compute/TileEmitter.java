package allpairs.compute;

import allpairs.kernel.Kernel;
import allpairs.kernel.KernelKind;
import allpairs.plan.Tile;
import allpairs.config.OutputOptions;
import java.io.Serializable;
import java.util.function.BiConsumer;

/**
 * What a finished tile becomes before it leaves the executor: dense band pieces, or only the
 * edges the user keeps (a threshold, or each row's K best partners). Filtering happens here,
 * inside the task, so nothing else crosses the network.
 */
public abstract class TileEmitter implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Hands {@code out} the tile's pieces, each with the row band it belongs to. */
    public abstract void emit(Tile tile, double[] block, BiConsumer<Integer, Piece> out);

    /**
     * The bound the kernel may stop at ({@link allpairs.kernel.Kernel#computeRow}): values beyond it
     * are dropped here, so they need not be exact. Unbounded unless a threshold keeps only the close
     * side ({@code --keep below=X} for a distance, {@code above=X} for a score).
     */
    public double bound(KernelKind kind) {
        return kind.unbounded();
    }

    /**
     * The bounds a partition computes its tiles under: {@link #bound} for every pair, unless the bound
     * tightens while a tile is computed ({@code --top-k} with a kernel that {@link Kernel#usesBound}).
     */
    public TileBounds bounds(Kernel<?> kernel) {
        return TileBounds.fixed(bound(kernel.kind()));
    }

    /**
     * What the bound depends on, for a checkpoint's fingerprint: stored tiles hold inexact values
     * beyond it, so a run with another bound must not reuse them.
     */
    public String boundKey(Kernel<?> kernel) {
        return Double.toString(bound(kernel.kind()));
    }

    /**
     * True when a tile becomes edges ({@link TileEdges}): it is then computed in parts
     * ({@link allpairs.plan.TileParts}) and a checkpoint stores its edges, not its values.
     */
    public boolean sparse() {
        return false;
    }

    /** A sparse tile's edges, gathered from its parts, as the tile sends them on (top-k: each row's K best). */
    public TileEdges reduce(TileEdges gathered) {
        return gathered;
    }

    /**
     * What a checkpoint stores of a tile depends on, for its fingerprint: the values (dense), or
     * every option that selects the edges (a run with another threshold or K must not reuse them).
     */
    public String storedKey() {
        return "values";
    }

    /**
     * @param mirror a symmetric kernel on a square matrix: only tiles I <= J exist
     * @param square i and j index the same rows (so i == j is "self")
     * @param ascending smaller values are closer (a DISTANCE kernel)
     */
    public static TileEmitter of(OutputOptions options, boolean mirror, boolean square, boolean ascending) {
        if (options.keep() != null) {
            return new KeepEdges(options.keep(), mirror, square, options.includeSelf(), options.bothDirections());
        }
        if (options.topK() != null) {
            return new TopKEdges(options.topK(), ascending, mirror, square, options.includeSelf());
        }
        return new Dense(mirror);
    }

    /** The dense matrix: the tile keyed by its row band and, mirrored, its transpose keyed by its column band. */
    public static final class Dense extends TileEmitter {
        private static final long serialVersionUID = 1L;
        private final boolean mirror;

        public Dense(boolean mirror) {
            this.mirror = mirror;
        }

        @Override
        public void emit(Tile tile, double[] block, BiConsumer<Integer, Piece> out) {
            out.accept(tile.bandI(),
                    new BandPiece(tile.rowStart(), tile.height(), tile.colStart(), tile.width(), block));
            if (mirror && !tile.diagonal()) {
                out.accept(tile.bandJ(), new BandPiece(tile.colStart(), tile.width(),
                        tile.rowStart(), tile.height(), TileComputer.transpose(block, tile.height(), tile.width())));
            }
        }
    }

    /**
     * {@code --keep}: pairs whose value passes the threshold. Mirrored, that is the strict upper
     * triangle, plus the diagonal with --include-self and the lower triangle with --both-directions.
     */
    static final class KeepEdges extends TileEmitter {
        private static final long serialVersionUID = 1L;
        private final OutputOptions.Threshold keep;
        private final boolean mirror;
        private final boolean square;
        private final boolean includeSelf;
        private final boolean bothDirections;

        KeepEdges(OutputOptions.Threshold keep, boolean mirror, boolean square, boolean includeSelf,
                  boolean bothDirections) {
            this.keep = keep;
            this.mirror = mirror;
            this.square = square;
            this.includeSelf = includeSelf;
            this.bothDirections = bothDirections;
        }

        @Override
        public boolean sparse() {
            return true;
        }

        @Override
        public String storedKey() {
            return "keep " + (keep.below() ? "below " : "above ") + Double.toString(keep.value()) + " mirror=" + mirror
                    + " square=" + square + " self=" + includeSelf + " both=" + bothDirections;
        }

        @Override
        public double bound(KernelKind kind) {
            return keep.below() == (kind == KernelKind.DISTANCE) ? keep.value() : kind.unbounded();
        }

        @Override
        public void emit(Tile tile, double[] block, BiConsumer<Integer, Piece> out) {
            EdgePiece rowBand = new EdgePiece();
            EdgePiece colBand = new EdgePiece();
            int w = tile.width();
            for (int r = 0; r < tile.height(); r++) {
                int i = tile.rowStart() + r;
                for (int c = 0; c < w; c++) {
                    int j = tile.colStart() + c;
                    double v = block[r * w + c];
                    if (!keep.passes(v)) {
                        continue;
                    }
                    if (square && i == j) {
                        if (includeSelf) {
                            rowBand.add(i, j, v);
                        }
                    } else if (!mirror || i < j) {
                        rowBand.add(i, j, v);
                        if (mirror && bothDirections && !tile.diagonal()) {
                            colBand.add(j, i, v); // the mirrored edge lives in band J
                        }
                    } else if (bothDirections) {
                        rowBand.add(i, j, v); // lower half of a mirrored diagonal tile
                    }
                }
            }
            out.accept(tile.bandI(), rowBand);
            if (colBand.size() > 0) {
                out.accept(tile.bandJ(), colBand);
            }
        }
    }

    /**
     * {@code --top-k}: for each row, this tile's K best partners (the band keeps the best K over all
     * its tiles). Mirrored off-diagonal tiles also give the column rows their candidates.
     */
    static final class TopKEdges extends TileEmitter {
        private static final long serialVersionUID = 1L;
        private final int k;
        private final boolean ascending;
        private final boolean mirror;
        private final boolean square;
        private final boolean includeSelf;

        TopKEdges(int k, boolean ascending, boolean mirror, boolean square, boolean includeSelf) {
            this.k = k;
            this.ascending = ascending;
            this.mirror = mirror;
            this.square = square;
            this.includeSelf = includeSelf;
        }

        @Override
        public boolean sparse() {
            return true;
        }

        @Override
        public TileEdges reduce(TileEdges gathered) {
            return gathered.reduced(edges -> TopK.bestPerRow(edges, k, ascending));
        }

        @Override
        public String storedKey() {
            return "top-k " + k + " ascending=" + ascending + " mirror=" + mirror + " square=" + square
                    + " self=" + includeSelf;
        }

        /** The row's K-th best so far, where the kernel stops pairs early (unmirrored tiles). */
        @Override
        public TileBounds bounds(Kernel<?> kernel) {
            if (!kernel.usesBound()) {
                return super.bounds(kernel);
            }
            return new TopKBounds(k, ascending, square, includeSelf, kernel.minTileWidth(),
                    kernel.stoppedValuesAreBounds());
        }

        /** Mirrored tiles are bounded only where stopped values are bounds ({@link TopKBounds}); else exact. */
        @Override
        public String boundKey(Kernel<?> kernel) {
            return kernel.usesBound() && (!mirror || kernel.stoppedValuesAreBounds()) ? "top-" + k + (includeSelf ? "+self" : "") : super.boundKey(kernel);
        }

        @Override
        public void emit(Tile tile, double[] block, BiConsumer<Integer, Piece> out) {
            int h = tile.height();
            int w = tile.width();
            EdgePiece rowBand = new EdgePiece();
            TopK best = new TopK(k, Math.max(h, w), ascending); // a row has w candidates, a column h
            for (int r = 0; r < h; r++) {
                int i = tile.rowStart() + r;
                best.clear();
                for (int c = 0; c < w; c++) {
                    int j = tile.colStart() + c;
                    if (!square || i != j || includeSelf) {
                        best.offer(j, block[r * w + c]);
                    }
                }
                best.drainTo(i, rowBand);
            }
            out.accept(tile.bandI(), rowBand);
            if (mirror && !tile.diagonal()) {
                EdgePiece colBand = new EdgePiece();
                for (int c = 0; c < w; c++) {
                    int j = tile.colStart() + c;
                    best.clear();
                    for (int r = 0; r < h; r++) {
                        best.offer(tile.rowStart() + r, block[r * w + c]);
                    }
                    best.drainTo(j, colBand);
                }
                out.accept(tile.bandJ(), colBand);
            }
        }
    }
}
