package allpairs.compute;

import allpairs.plan.Plans;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.config.OutputOptions;
import allpairs.kernel.KernelKind;
import allpairs.plan.Tile;
import allpairs.plan.Tiling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What tiles emit, gathered per row band, against the same matrix filtered here entry by entry:
 * a symmetric matrix of values with ties, cut into mirrored tiles.
 */
class TileEmitterTest {
    static final int M = 11;
    static final double[] MATRIX = symmetric(M, 3);

    record Edge(int band, int i, int j, double v) {
    }

    static double[] symmetric(int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] d = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                d[i * m + j] = d[j * m + i] = rnd.nextInt(6); // ties on purpose
            }
        }
        return d;
    }

    /** The tile's values as the tile computer would give them (row-major, I <= J). */
    static double[] block(Tile t) {
        double[] b = new double[t.height() * t.width()];
        for (int r = 0; r < t.height(); r++) {
            for (int c = 0; c < t.width(); c++) {
                b[r * t.width() + c] = MATRIX[(t.rowStart() + r) * M + t.colStart() + c];
            }
        }
        return b;
    }

    static List<Edge> emit(TileEmitter emitter, int block) {
        List<Edge> edges = new ArrayList<>();
        List<Tile> tiles = Plans.tiles(M, block, true);
        for (Tile t : tiles) {
            emitter.emit(t, block(t), (band, piece) -> {
                EdgePiece e = (EdgePiece) piece;
                for (int k = 0; k < e.size(); k++) {
                    assertThat(e.row(k) / block).as("edge row in its band").isEqualTo(band);
                    edges.add(new Edge(band, e.row(k), e.col(k), e.value(k)));
                }
            });
        }
        return edges;
    }

    @ParameterizedTest(name = "block {0} self {1} both {2}")
    @CsvSource({"3,false,false", "3,true,false", "4,false,true", "11,true,true"})
    void keepEmitsExactlyThePassingPairs(int block, boolean self, boolean both) {
        OutputOptions.Threshold below = OutputOptions.Threshold.parse("below=2");
        TileEmitter keep = TileEmitter.of(new OutputOptions(false, null, below, null, self, both), true, true, true);
        List<Edge> expected = new ArrayList<>();
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < M; j++) {
                boolean wanted = i == j ? self : i < j || both;
                if (wanted && MATRIX[i * M + j] <= 2) {
                    expected.add(new Edge(i / block, i, j, MATRIX[i * M + j]));
                }
            }
        }
        assertThat(emit(keep, block)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void topKCandidatesOfEveryRowContainItsBestK() {
        int k = 3;
        int block = 4;
        List<Edge> candidates = emit(TileEmitter.of(new OutputOptions(false, null, null, k, false, false), true, true,
                true), block);
        for (int i = 0; i < M; i++) {
            int row = i;
            double[] best = candidates.stream().filter(e -> e.i() == row)
                    .sorted(Comparator.comparingDouble(Edge::v).thenComparingInt(Edge::j))
                    .limit(k).mapToDouble(Edge::v).toArray();
            double[] all = new double[M - 1];
            for (int j = 0, n = 0; j < M; j++) {
                if (j != i) {
                    all[n++] = MATRIX[i * M + j];
                }
            }
            Arrays.sort(all);
            assertThat(best).as("row %d", i).isEqualTo(Arrays.copyOf(all, k));
        }
    }

    @Test
    void denseMirroredPiecesCoverTheMatrixExactlyOnce() {
        int block = 4;
        double[] filled = new double[M * M];
        int[] times = new int[M * M];
        for (Tile t : Plans.tiles(M, block, true)) {
            new TileEmitter.Dense(true).emit(t, block(t), (band, piece) -> {
                BandPiece p = (BandPiece) piece;
                assertThat(p.rowStart() / block).isEqualTo(band);
                for (int r = 0; r < p.rows(); r++) {
                    for (int c = 0; c < p.cols(); c++) {
                        int at = (p.rowStart() + r) * M + p.colStart() + c;
                        filled[at] = p.values()[r * p.cols() + c];
                        times[at]++;
                    }
                }
            });
        }
        assertThat(times).containsOnly(1);
        assertThat(filled).isEqualTo(MATRIX);
    }

    @Test
    void topKKeepsTheBestInRankOrderWithTiesToTheLowerIndex() {
        TopK best = new TopK(2, 5, true);
        double[] values = {3, 1, 2, 1, 5};
        for (int j = 0; j < values.length; j++) {
            best.offer(j, values[j]);
        }
        EdgePiece out = new EdgePiece();
        best.drainTo(7, out);
        List<Integer> kept = new ArrayList<>();
        for (int e = 0; e < out.size(); e++) {
            assertThat(out.row(e)).isEqualTo(7);
            kept.add(out.col(e));
        }
        assertThat(kept).containsExactlyInAnyOrder(1, 3);
    }

    @Test
    void aThresholdOnTheCloseSideIsTheKernelsBoundAndNothingElseIs() {
        OutputOptions below = new OutputOptions(false, null, OutputOptions.Threshold.parse("below=2.5"), null, false,
                false);
        OutputOptions above = new OutputOptions(false, null, OutputOptions.Threshold.parse("above=7"), null, false,
                false);
        OutputOptions topK = new OutputOptions(false, null, null, 3, false, false);
        assertThat(TileEmitter.of(below, true, true, true).bound(KernelKind.DISTANCE)).isEqualTo(2.5);
        assertThat(TileEmitter.of(below, true, true, false).bound(KernelKind.SCORE))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(TileEmitter.of(above, true, true, false).bound(KernelKind.SCORE)).isEqualTo(7.0);
        assertThat(TileEmitter.of(above, true, true, true).bound(KernelKind.DISTANCE))
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(TileEmitter.of(topK, true, true, true).bound(KernelKind.DISTANCE))
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(new TileEmitter.Dense(true).bound(KernelKind.SCORE)).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
