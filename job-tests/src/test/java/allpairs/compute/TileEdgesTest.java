package allpairs.compute;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.config.OutputOptions;
import allpairs.plan.Plans;
import allpairs.plan.Tile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 26: a sparse output's tile computed in parts ({@link TileEdges#ofParts}) gives the edges a
 * brute-force filter of the whole matrix gives: --keep every passing pair once, --top-k each row's
 * K best (ties to the lower partner), on mirrored and unmirrored tiles cut into uneven parts.
 */
class TileEdgesTest {
    static final int M = 23;

    record Edge(int i, int j, double v) {
    }

    static double[] matrix(boolean symmetric) {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] d = new double[M * M];
        for (int i = 0; i < M; i++) {
            for (int j = symmetric ? i : 0; j < M; j++) {
                d[i * M + j] = rnd.nextInt(6); // ties on purpose
                if (symmetric) {
                    d[j * M + i] = d[i * M + j];
                }
            }
        }
        return d;
    }

    static double[] block(double[] matrix, Tile t) {
        double[] b = new double[t.height() * t.width()];
        for (int r = 0; r < t.height(); r++) {
            for (int c = 0; c < t.width(); c++) {
                b[r * t.width() + c] = matrix[(t.rowStart() + r) * M + t.colStart() + c];
            }
        }
        return b;
    }

    /** Every tile of block {@code block} in parts of {@code side}, each band's edges checked to be its rows. */
    static EdgePiece edges(TileEmitter emitter, double[] matrix, boolean mirror, int block, int side, int k) {
        EdgePiece all = new EdgePiece();
        for (Tile t : Plans.tiles(M, block, mirror)) {
            TileEdges tile = TileEdges.ofParts(t, mirror, side, emitter, part -> block(matrix, part));
            tile.bands().forEach((band, piece) -> {
                assertThat(band).isIn(t.bandI(), t.bandJ());
                for (int e = 0; e < piece.size(); e++) {
                    assertThat(piece.row(e) / block).as("edge row in its band").isEqualTo(band);
                }
                if (k > 0) { // what a checkpoint stores of a top-k tile: at most K per row
                    assertThat(piece.size()).isLessThanOrEqualTo(k * block);
                }
            });
            tile.bands().values().forEach(all::addAll);
        }
        return all;
    }

    static List<Edge> list(EdgePiece p) {
        List<Edge> out = new ArrayList<>();
        for (int e = 0; e < p.size(); e++) {
            out.add(new Edge(p.row(e), p.col(e), p.value(e)));
        }
        return out;
    }

    @ParameterizedTest(name = "mirror {0} block {1} side {2} self {3} both {4}")
    @CsvSource({"true,11,4,false,false", "true,23,5,true,true", "true,9,9,false,true", "false,11,4,true,false",
            "false,23,7,false,false"})
    void keepInPartsIsTheBruteForceFilter(boolean mirror, int block, int side, boolean self, boolean both) {
        double[] matrix = matrix(mirror);
        OutputOptions.Threshold below = OutputOptions.Threshold.parse("below=2");
        TileEmitter keep = TileEmitter.of(new OutputOptions(false, null, below, null, self, both), mirror, true, true);
        List<Edge> expected = new ArrayList<>();
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < M; j++) {
                boolean wanted = i == j ? self : !mirror || i < j || both;
                if (wanted && matrix[i * M + j] <= 2) {
                    expected.add(new Edge(i, j, matrix[i * M + j]));
                }
            }
        }
        assertThat(list(edges(keep, matrix, mirror, block, side, 0))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "mirror {0} block {1} side {2} k {3}")
    @CsvSource({"true,11,4,3", "true,23,5,1", "false,11,4,3", "false,23,6,5", "true,12,12,4"})
    void topKInPartsIsEachRowsBruteForceBest(boolean mirror, int block, int side, int k) {
        double[] matrix = matrix(mirror);
        TileEmitter topK = TileEmitter.of(new OutputOptions(false, null, null, k, false, false), mirror, true, true);
        EdgePiece kept = TopK.bestPerRow(edges(topK, matrix, mirror, block, side, k), k, true);
        List<Edge> expected = new ArrayList<>();
        for (int i = 0; i < M; i++) {
            List<Edge> row = new ArrayList<>();
            for (int j = 0; j < M; j++) {
                if (j != i) {
                    row.add(new Edge(i, j, matrix[i * M + j]));
                }
            }
            row.sort(Comparator.comparingDouble(Edge::v).thenComparingInt(Edge::j));
            expected.addAll(row.subList(0, k));
        }
        assertThat(list(kept)).containsExactlyElementsOf(expected);
    }
}
