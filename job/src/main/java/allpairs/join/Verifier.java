package allpairs.join;

import allpairs.compute.Piece;
import allpairs.kernel.CandidateFilter;
import allpairs.kernel.Kernel;
import allpairs.kernel.VectorSupport;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * Executor side: in each key's cell, every probe entry meets every index entry; a pair the join
 * order allows and the filter accepts is computed with the kernel (bounded, one scratch per
 * partition), and a value that passes the threshold becomes the edges of both groups' members.
 */
final class Verifier<S> implements PairFlatMapFunction<Iterator<Tuple2<JoinKey, Iterable<JoinEntry>>>, Integer, Piece> {
    private static final long serialVersionUID = 1L;
    private final Kernel<S> kernel;
    private final CandidateFilter filter;
    private final int maxLength;
    private final double bound;
    private final JoinEdges edges;
    private final Counts counts;
    private final boolean against;

    /** The join's executor counters. */
    record Counts(PartitionCount candidates, PartitionCount verified, LongAccumulator scratch,
                  LongAccumulator scalarTasks) implements Serializable {
        /**
         * The counters, registered with the context. The summary's two counts are exact under reruns
         * ({@link PartitionCount}); scratch and scalar tasks are diagnostics (a rerun may add).
         */
        static Counts register(org.apache.spark.SparkContext sc) {
            PartitionCount candidates = new PartitionCount();
            PartitionCount verified = new PartitionCount();
            sc.register(candidates, "allpairs.join.candidates");
            sc.register(verified, "allpairs.join.verified");
            return new Counts(candidates, verified, sc.longAccumulator("allpairs.join.scratch"),
                    sc.longAccumulator("allpairs.join.scalarTasks"));
        }
    }

    /** @param maxLength the longest row of either side (the scratch's size) */
    Verifier(Kernel<S> kernel, CandidateFilter filter, int maxLength, double bound, JoinEdges edges, Counts counts,
             boolean against) {
        this.kernel = kernel;
        this.filter = filter;
        this.maxLength = maxLength;
        this.bound = bound;
        this.edges = edges;
        this.counts = counts;
        this.against = against;
    }

    /**
     * Edges a task holds before handing them on: a partition's edges (10^7 at 10^6 reads) never all at
     * once. Not final only so that local-mode tests can make it small.
     */
    static int flushEdges = 1 << 20;

    @Override
    public Iterator<Tuple2<Integer, Piece>> call(Iterator<Tuple2<JoinKey, Iterable<JoinEntry>>> cells) {
        if (!cells.hasNext()) {
            return java.util.Collections.emptyIterator();
        }
        S scratch = kernel.newScratch(maxLength);
        counts.scratch().add(1);
        if (!VectorSupport.reportOnce()) {
            counts.scalarTasks().add(1);
        }
        long[] tally = new long[2]; // candidates, verified: added once the cells are exhausted
        return new Iterator<>() {
            private Iterator<Tuple2<Integer, Piece>> ready = java.util.Collections.emptyIterator();
            private boolean counted;

            @Override
            public boolean hasNext() {
                while (!ready.hasNext() && cells.hasNext()) {
                    JoinEdges.Collector out = edges.new Collector();
                    while (cells.hasNext() && out.size() < flushEdges) {
                        verify(cells.next(), out, scratch, tally);
                    }
                    ready = out.pieces().iterator();
                }
                if (!cells.hasNext() && !counted) {
                    counted = true;
                    counts.candidates().add(tally[0]);
                    counts.verified().add(tally[1]);
                }
                return ready.hasNext();
            }

            @Override
            public Tuple2<Integer, Piece> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return ready.next();
            }
        };
    }

    /** One key's cell: every probe entry against every index entry, the pairs that pass into {@code out}. */
    private void verify(Tuple2<JoinKey, Iterable<JoinEntry>> cell, JoinEdges.Collector out, S scratch, long[] tally) {
        List<JoinEntry> index = new ArrayList<>();
        List<JoinEntry> probes = new ArrayList<>();
        Set<Long> indexed = new HashSet<>(); // a group is indexed at most once per key
        int bucket = cell._1().bucket;
        for (JoinEntry e : cell._2()) {
            if (e.probe) {
                probes.add(e);
            } else if (indexed.add((long) e.group.side << 32 | e.group.rep)) {
                index.add(e);
            }
        }
        double[] value = new double[1];
        for (JoinEntry x : probes) {
            for (JoinEntry y : index) {
                if (!before(y.group, x.group)) {
                    continue;
                }
                tally[0]++;
                if (filter.accept(y.group.row(), 0, x.group.row(), 0, bucket, x.pos)) {
                    tally[1]++;
                    double v = value(y.group, x.group, scratch, value);
                    if (edges.passes(v)) {
                        out.between(y.group, x.group, v);
                    }
                }
            }
        }
    }

    /**
     * The join meets a pair once, with the earlier row indexed: by length, then side, then row. With
     * --against only rows of different sides pair up; on a square matrix, different groups.
     */
    private boolean before(RowGroup y, RowGroup x) {
        if (against ? y.side == x.side : y.rep == x.rep) {
            return false;
        }
        int ly = y.length();
        int lx = x.length();
        if (ly != lx) {
            return ly < lx;
        }
        return y.side != x.side ? y.side < x.side : y.rep < x.rep;
    }

    /** The kernel's value, query row first (the tiled path's order with --against; symmetric otherwise). */
    private double value(RowGroup y, RowGroup x, S scratch, double[] out) {
        RowGroup a = y.side <= x.side ? y : x;
        RowGroup b = a == y ? x : y;
        kernel.computeRow(a.row(), 0, b.row(), 0, 1, bound, scratch, out, 0);
        return out[0];
    }
}
