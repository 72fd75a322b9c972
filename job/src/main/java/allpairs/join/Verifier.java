package allpairs.join;

import allpairs.compute.Piece;
import allpairs.kernel.CandidateFilter;
import allpairs.kernel.Kernel;
import allpairs.kernel.VectorSupport;
import allpairs.kernel.Rows;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
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
    private final Broadcast<Rows> query;
    private final Broadcast<Rows> reference;
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

    Verifier(Kernel<S> kernel, CandidateFilter filter, Broadcast<Rows> query, Broadcast<Rows> reference, double bound,
             JoinEdges edges, Counts counts, boolean against) {
        this.kernel = kernel;
        this.filter = filter;
        this.query = query;
        this.reference = reference;
        this.bound = bound;
        this.edges = edges;
        this.counts = counts;
        this.against = against;
    }

    @Override
    public Iterator<Tuple2<Integer, Piece>> call(Iterator<Tuple2<JoinKey, Iterable<JoinEntry>>> cells) {
        JoinEdges.Collector out = edges.new Collector();
        if (!cells.hasNext()) {
            return out.pieces().iterator();
        }
        S scratch = kernel.newScratch(Math.max(query.value().maxLength(), reference.value().maxLength()));
        counts.scratch().add(1);
        if (!VectorSupport.reportOnce()) {
            counts.scalarTasks().add(1);
        }
        double[] value = new double[1];
        long candidates = 0;
        long verified = 0;
        while (cells.hasNext()) {
            List<JoinEntry> index = new ArrayList<>();
            List<JoinEntry> probes = new ArrayList<>();
            Set<Long> indexed = new HashSet<>(); // a group is indexed at most once per key
            Tuple2<JoinKey, Iterable<JoinEntry>> cell = cells.next();
            int bucket = cell._1().bucket;
            for (JoinEntry e : cell._2()) {
                if (e.probe) {
                    probes.add(e);
                } else if (indexed.add((long) e.group.side << 32 | e.group.rep)) {
                    index.add(e);
                }
            }
            for (JoinEntry x : probes) {
                for (JoinEntry y : index) {
                    if (!before(y.group, x.group)) {
                        continue;
                    }
                    candidates++;
                    if (filter.accept(rows(y.group), y.group.rep, rows(x.group), x.group.rep, bucket, x.pos)) {
                        verified++;
                        double v = value(y.group, x.group, scratch, value);
                        if (edges.passes(v)) {
                            out.between(y.group, x.group, v);
                        }
                    }
                }
            }
        }
        counts.candidates().add(candidates);
        counts.verified().add(verified);
        return out.pieces().iterator();
    }

    /**
     * The join meets a pair once, with the earlier row indexed: by length, then side, then row. With
     * --against only rows of different sides pair up; on a square matrix, different groups.
     */
    private boolean before(RowGroup y, RowGroup x) {
        if (against ? y.side == x.side : y.rep == x.rep) {
            return false;
        }
        int ly = rows(y).length(y.rep);
        int lx = rows(x).length(x.rep);
        if (ly != lx) {
            return ly < lx;
        }
        return y.side != x.side ? y.side < x.side : y.rep < x.rep;
    }

    private Rows rows(RowGroup g) {
        return g.side == 0 ? query.value() : reference.value();
    }

    /** The kernel's value, query row first (the tiled path's order with --against; symmetric otherwise). */
    private double value(RowGroup y, RowGroup x, S scratch, double[] out) {
        RowGroup a = y.side <= x.side ? y : x;
        RowGroup b = a == y ? x : y;
        kernel.computeRow(rows(a), a.rep, rows(b), b.rep, b.rep + 1, bound, scratch, out, 0);
        return out[0];
    }
}
