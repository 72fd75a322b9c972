package allpairs.compute;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.config.OutputOptions;
import allpairs.kernel.ByteRows;
import allpairs.kernel.DoubleRows;
import allpairs.kernel.Kernel;
import allpairs.kernel.KernelKind;
import allpairs.kernel.Kernels;
import allpairs.kernel.Rows;
import allpairs.plan.Plans;
import allpairs.plan.Tile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --top-k} passes each row's K-th best so far to the kernel as its bound (unmirrored tiles):
 * the edges of every tile, gathered and cut to K per row as the band does, equal the K best of the
 * exact values computed pair by pair (same bits, ties to the lower j), for levenshtein and dtw on
 * random rows full of ties, mirrored, unmirrored and rectangular, across tilings; and the bound
 * did reach the kernel (some entries of the tiles are the early-stopped values, not the exact ones).
 */
@SuppressWarnings("unchecked")
class TopKBoundTest {
    record Edge(int i, int j, double v) {
    }

    /** Short rows over {A, C}: many equal distances, and some equal rows. */
    static ByteRows symbols(int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] offsets = new int[m + 1];
        for (int i = 0; i < m; i++) {
            offsets[i + 1] = offsets[i] + rnd.nextInt(16);
        }
        byte[] data = new byte[offsets[m]];
        for (int e = 0; e < data.length; e++) {
            data[e] = (byte) "AC".charAt(rnd.nextInt(2));
        }
        return new ByteRows(data, offsets, null);
    }

    /** Series of unequal lengths, values in halves (ties). */
    static DoubleRows series(int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] offsets = new int[m + 1];
        for (int i = 0; i < m; i++) {
            offsets[i + 1] = offsets[i] + 1 + rnd.nextInt(12);
        }
        double[] data = new double[offsets[m]];
        for (int e = 0; e < data.length; e++) {
            data[e] = rnd.nextInt(5) / 2.0;
        }
        return new DoubleRows(data, offsets, null);
    }

    static Rows rows(String kernel, int m, long seed) {
        return kernel.startsWith("dtw") ? series(m, seed) : symbols(m, seed);
    }

    static Kernel<?> kernel(String name) {
        return name.equals("dtw-window") ? Kernels.configured("dtw", List.of("window=2"))
                : Kernels.configured(name, List.of());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"levenshtein, mirrored", "levenshtein, square", "levenshtein, rectangular",
        "dtw, mirrored", "dtw, square", "dtw-window, square", "dtw, rectangular"})
    void edgesEqualTheUnboundedTopKForEveryTiling(String name, String shape) {
        Kernel<?> kernel = kernel(name);
        assertThat(kernel.usesBound()).isTrue();
        boolean mirror = shape.equals("mirrored");
        boolean square = !shape.equals("rectangular");
        Rows a = rows(name, 61, 7);
        Rows b = square ? a : rows(name, 47, 11);
        long stopped = 0;
        for (int k : new int[] {1, 2, 5}) {
            for (boolean self : square ? new boolean[] {false, true} : new boolean[] {false}) {
                List<Edge> expected = exactTopK(kernel, a, b, mirror, square, k, self);
                for (int block : new int[] {1, 4, 9, 20, 64}) {
                    Run got = run(kernel, a, b, mirror, square, k, self, block);
                    assertThat(got.edges).as("%s k=%d self=%s block=%d", shape, k, self, block)
                            .containsExactlyElementsOf(expected);
                    stopped += got.stopped;
                }
            }
        }
        if (mirror && !kernel.stoppedValuesAreBounds()) { // mirrored tiles are computed unbounded (TopKBounds says why)
            assertThat(stopped).as("pairs stopped early in mirrored tiles").isZero();
        } else {
            assertThat(stopped).as("pairs the kernel stopped early under the top-k bound").isGreaterThan(100);
        }
    }

    record Run(List<Edge> edges, long stopped) {
    }

    /**
     * The usual symmetric run (mirrored tiles) of dtw under --top-k on z-normalised walks of one length: the
     * edges equal the exact K best, and far fewer pairs get a full DTW than the unbounded run's (every pair):
     * those the bounds ruled out, less those recomputed for a column's K best.
     */
    @ParameterizedTest(name = "block {0}")
    @CsvSource({"96", "32"})
    void mirroredTopKOfDtwComputesFewerPairsInFull(int block) {
        Kernel<Object> kernel = (Kernel<Object>) Kernels.configured("dtw", List.of("window=6"));
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        double[][] walks = new double[96][64];
        for (double[] w : walks) {
            double v = 0;
            for (int s = 0; s < w.length; s++) {
                v += rnd.nextGaussian();
                w[s] = v;
            }
            double mean = java.util.Arrays.stream(w).average().orElse(0);
            double sd = Math.sqrt(java.util.Arrays.stream(w).map(x -> (x - mean) * (x - mean)).average().orElse(1));
            for (int s = 0; s < w.length; s++) {
                w[s] = (w[s] - mean) / sd;
            }
        }
        double[] data = java.util.Arrays.stream(walks).flatMapToDouble(java.util.Arrays::stream).toArray();
        DoubleRows a = DoubleRows.rectangular(96, 64, data);
        int k = 3;
        TileEmitter emitter = TileEmitter.of(new OutputOptions(false, null, null, k, false, false), true, true, true);
        TopKBounds bounds = (TopKBounds) emitter.bounds(kernel);
        Object scratch = kernel.newScratch(64);
        List<Edge> all = new ArrayList<>();
        long pairs = 0;
        for (Tile t : Plans.tiles(96, block, true)) {
            double[] values = TileComputer.compute(kernel, a, 0, a, 0, true, t, bounds, scratch);
            pairs += t.pairs(true);
            emitter.emit(t, values, (band, piece) -> {
                EdgePiece e = (EdgePiece) piece;
                for (int n = 0; n < e.size(); n++) {
                    all.add(new Edge(e.row(n), e.col(n), e.value(n)));
                }
            });
        }
        assertThat(bestPerRow(all, k, true)).containsExactlyElementsOf(exactTopK(kernel, a, a, true, true, k, false));
        long ruledOut = java.util.Arrays.stream(kernel.pruned(scratch)).sum();
        // rows are visited best first by their lower bounds: the kernel sees only the pairs visited
        long full = bounds.visited + bounds.recomputed - ruledOut;
        assertThat(bounds.visited).as("pairs visited best first").isPositive();
        if (block == 96) { // one diagonal tile: its rows' copied halves hold stopped values
            assertThat(bounds.recomputed).as("pairs recomputed for the rows' K best").isPositive();
        }
        assertThat(full).as("pairs with a full DTW (visited %d, ruled out %d, recomputed %d) of %d", bounds.visited,
                ruledOut, bounds.recomputed, pairs).isLessThan(pairs / 2); // block 32: 1,585 of 4,656 (lanes: 8 a time)
    }

    /** The tiles computed with the emitter's bounds and emitted; each row's K best over its tiles. */
    private static <S> Run run(Kernel<S> kernel, Rows a, Rows b, boolean mirror, boolean square, int k,
                               boolean self, int block) {
        boolean ascending = kernel.kind() == KernelKind.DISTANCE;
        TileEmitter emitter = TileEmitter.of(new OutputOptions(false, null, null, k, self, false), mirror, square,
                ascending);
        TileBounds bounds = emitter.bounds(kernel);
        S scratch = kernel.newScratch(Math.max(a.maxLength(), b.maxLength()));
        List<Edge> all = new ArrayList<>();
        long stopped = 0;
        List<Tile> tiles = square ? Plans.tiles(a.rows(), block, mirror) : Plans.tiles(a.rows(), b.rows(), block, false);
        for (Tile t : tiles) {
            double[] values = TileComputer.compute(kernel, a, 0, b, 0, mirror, t, bounds, scratch);
            for (int r = 0; r < t.height(); r++) {
                for (int c = 0; c < t.width(); c++) {
                    double exact = exact(kernel, a, b, mirror, t.rowStart() + r, t.colStart() + c, scratch);
                    stopped += Double.compare(values[r * t.width() + c], exact) != 0 ? 1 : 0;
                }
            }
            emitter.emit(t, values, (band, piece) -> {
                EdgePiece e = (EdgePiece) piece;
                for (int n = 0; n < e.size(); n++) {
                    all.add(new Edge(e.row(n), e.col(n), e.value(n)));
                }
            });
        }
        return new Run(bestPerRow(all, k, ascending), stopped);
    }

    private static <S> double exact(Kernel<S> kernel, Rows a, Rows b, boolean mirror, int i, int j, S scratch) {
        return mirror ? kernel.compute(a, Math.min(i, j), a, Math.max(i, j), scratch) : kernel.compute(a, i, b, j, scratch);
    }

    private static <S> List<Edge> exactTopK(Kernel<S> kernel, Rows a, Rows b, boolean mirror, boolean square, int k,
                                            boolean self) {
        S scratch = kernel.newScratch(Math.max(a.maxLength(), b.maxLength()));
        List<Edge> all = new ArrayList<>();
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.rows(); j++) {
                if (!square || i != j || self) {
                    all.add(new Edge(i, j, exact(kernel, a, b, mirror, i, j, scratch)));
                }
            }
        }
        return bestPerRow(all, k, kernel.kind() == KernelKind.DISTANCE);
    }

    /** Rows in order, each its K best: by value (ascending for a distance), ties to the lower j. */
    static List<Edge> bestPerRow(List<Edge> edges, int k, boolean ascending) {
        Comparator<Edge> byValue = Comparator.comparingDouble(Edge::v);
        List<Edge> sorted = new ArrayList<>(edges);
        sorted.sort(Comparator.comparingInt(Edge::i).thenComparing(ascending ? byValue : byValue.reversed())
                .thenComparingInt(Edge::j));
        List<Edge> out = new ArrayList<>();
        int run = 0;
        for (int e = 0; e < sorted.size(); e++) {
            run = e > 0 && sorted.get(e).i() == sorted.get(e - 1).i() ? run + 1 : 0;
            if (run < k) {
                out.add(sorted.get(e));
            }
        }
        return out;
    }

    @Test
    void aKernelThatIgnoresTheBoundGetsWholeRowsAndNoBound() {
        Kernel<?> nw = Kernels.configured("nw", List.of());
        assertThat(nw.usesBound()).isFalse();
        TileBounds bounds = TileEmitter.of(new OutputOptions(false, null, null, 2, false, false), true, true, false)
                .bounds(nw);
        bounds.start(Plans.tiles(100, 50, true).get(1), false);
        assertThat(bounds.chunk()).isEqualTo(Integer.MAX_VALUE);
        assertThat(bounds.bound(0, 0, 50)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void theHeapIsSizedByItsCandidatesNotByK() {
        TopK best = new TopK(Integer.MAX_VALUE, 3, true); // K far above a tile's width allocates 3 slots
        best.offer(4, 2.0);
        best.offer(5, 1.0);
        best.offer(6, 3.0);
        assertThat(best.threshold()).as("fewer than K offered: nothing can be ruled out")
                .isEqualTo(Double.POSITIVE_INFINITY);
        TopK two = new TopK(2, 3, false);
        two.offer(0, 1.0);
        assertThat(two.threshold()).isEqualTo(Double.NEGATIVE_INFINITY);
        two.offer(1, 5.0);
        two.offer(2, 3.0);
        assertThat(two.threshold()).as("the 2nd best of 1, 5, 3 for a score").isEqualTo(3.0);
    }
}
