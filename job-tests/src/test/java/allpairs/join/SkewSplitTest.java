package allpairs.join;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.compute.EdgePiece;
import allpairs.compute.Piece;
import allpairs.config.OutputOptions;
import allpairs.kernel.ByteRows;
import allpairs.kernel.JoinRowsFixture;
import allpairs.kernel.LevenshteinKernel;
import allpairs.support.TestSpark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * Heavy keys split into cells of at most a few entries: poly-A rows and their mutants (every
 * segment the same few keys) give each pair within k once, in the right row band, as a DP does.
 */
class SkewSplitTest {
    record Edge(int band, int i, int j, double v) {
    }

    @Test
    void heavyKeysSplitIntoCellsStillGiveEachEdgeOnce() {
        SplittableRandom rnd = new SplittableRandom(5);
        List<byte[]> rows = new ArrayList<>();
        byte[] polyA = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".getBytes();
        for (int r = 0; r < 120; r++) {
            rows.add(r % 10 == 0 ? polyA : JoinRowsFixture.mutate(polyA, rnd.nextInt(5), rnd));
        }
        byte[][] all = rows.toArray(new byte[0][]);
        int[] bounds = {0, 17, 50, 51, 120};
        for (int block : new int[] {2, 5, 1 << 20}) {
            assertThat(join(all, bounds, 3, block)).as("block %d", block).containsExactlyElementsOf(bruteForce(all, bounds, 3));
        }
        int flush = Verifier.flushEdges;
        try { // verify tasks hand their edges on every 3 edges (local mode: the executors are this JVM)
            Verifier.flushEdges = 3;
            assertThat(join(all, bounds, 3, 5)).as("flushed every 3 edges").containsExactlyElementsOf(bruteForce(all, bounds, 3));
        } finally {
            Verifier.flushEdges = flush;
        }
    }

    private static List<Edge> join(byte[][] rows, int[] bounds, int k, int block) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
        Verifier.Counts counts = Verifier.Counts.register(sc.sc());
        List<Runnable> cleanup = new ArrayList<>();
        OutputOptions options = new OutputOptions(false, null, new OutputOptions.Threshold(true, k), null, false, false);
        LevenshteinKernel kernel = new LevenshteinKernel();
        ByteRows r = JoinRowsFixture.rows(rows);
        List<Tuple2<Integer, Piece>> pieces = ThresholdJoin.pieces(sc, kernel, kernel.candidateFilter(k), ThresholdJoin.source(sc, r), null,
                bounds, options, block, counts, cleanup).collect();
        cleanup.forEach(Runnable::run);
        List<Edge> edges = new ArrayList<>();
        for (Tuple2<Integer, Piece> t : pieces) {
            EdgePiece p = (EdgePiece) t._2();
            for (int e = 0; e < p.size(); e++) {
                edges.add(new Edge(t._1(), p.row(e), p.col(e), p.value(e)));
            }
        }
        edges.sort(Comparator.comparingInt(Edge::i).thenComparingInt(Edge::j));
        return edges;
    }

    private static List<Edge> bruteForce(byte[][] rows, int[] bounds, int k) {
        List<Edge> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            int band = 0;
            while (bounds[band + 1] <= i) {
                band++;
            }
            for (int j = i + 1; j < rows.length; j++) {
                int d = JoinRowsFixture.editDistance(rows[i], rows[j]);
                if (d <= k) {
                    out.add(new Edge(band, i, j, d));
                }
            }
        }
        return out;
    }
}
