package allpairs.join;

import allpairs.kernel.CandidateFilter;
import allpairs.kernel.Rows;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/** Each group's representative under the filter's keys: once as the indexed row, once probing. */
final class JoinKeys implements PairFlatMapFunction<RowGroup, JoinKey, JoinEntry> {
    private static final long serialVersionUID = 1L;
    private final CandidateFilter filter;

    JoinKeys(CandidateFilter filter) {
        this.filter = filter;
    }

    @Override
    public Iterator<Tuple2<JoinKey, JoinEntry>> call(RowGroup g) {
        Rows rows = g.row();
        List<Tuple2<JoinKey, JoinEntry>> out = new ArrayList<>();
        filter.indexKeys(rows, 0, (content, bucket, pos) ->
                out.add(new Tuple2<>(new JoinKey(content, bucket, 0), new JoinEntry(g, false, pos))));
        filter.probeKeys(rows, 0, (content, bucket, pos) ->
                out.add(new Tuple2<>(new JoinKey(content, bucket, 0), new JoinEntry(g, true, pos))));
        return out.iterator();
    }
}
