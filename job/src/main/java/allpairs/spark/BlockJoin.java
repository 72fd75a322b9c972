package allpairs.spark;

import allpairs.compute.Piece;
import allpairs.kernel.Rows;
import allpairs.plan.Plan;
import allpairs.plan.Tile;
import allpairs.plan.TileGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * The block-join row strategy: rows are not broadcast; each tile group is joined with just the
 * row blocks its tiles need (cogroup keyed by group, one group per partition).
 */
final class BlockJoin {
    private BlockJoin() {
    }

    static JavaPairRDD<Integer, Piece> pieces(JavaSparkContext sc, Rows query, Rows reference, Plan plan,
                                              TileTask<?, Tuple2<Integer, Tuple2<Iterable<TileGroup>,
                                                      Iterable<RowBlock>>>> task) {
        boolean rectangular = reference != null;
        List<Tuple2<Integer, RowBlock>> blocks = new ArrayList<>();
        addBlocks(blocks, 0, query, plan.rowBounds());
        if (rectangular) {
            addBlocks(blocks, 1, reference, plan.colBounds());
        }
        List<Tuple2<Integer, Integer>> needs = new ArrayList<>();
        List<Tuple2<Integer, TileGroup>> groups = new ArrayList<>();
        for (int g = 0; g < plan.groups().size(); g++) {
            TileGroup group = plan.groups().get(g);
            groups.add(new Tuple2<>(g, group));
            Set<Integer> keys = new TreeSet<>();
            for (Tile t : group.tiles()) {
                keys.add(blockKey(0, t.bandI()));
                keys.add(blockKey(rectangular ? 1 : 0, t.bandJ()));
            }
            for (int key : keys) {
                needs.add(new Tuple2<>(key, g));
            }
        }
        int slices = Math.max(1, Math.min(blocks.size(), 2 * sc.defaultParallelism()));
        JavaPairRDD<Integer, RowBlock> blocksByGroup = sc.parallelizePairs(blocks, slices)
                .join(sc.parallelizePairs(needs, slices))
                .mapToPair(joined -> new Tuple2<>(joined._2()._2(), joined._2()._1()));
        return sc.parallelizePairs(groups, groups.size())
                .cogroup(blocksByGroup, new IndexPartitioner(groups.size()))
                .mapPartitionsToPair(task);
    }

    private static int blockKey(int side, int block) {
        return side == 0 ? block : -1 - block;
    }

    private static void addBlocks(List<Tuple2<Integer, RowBlock>> out, int side, Rows rows, int[] bounds) {
        for (int b = 0; b + 1 < bounds.length; b++) {
            out.add(new Tuple2<>(blockKey(side, b), new RowBlock(side, b, bounds[b], rows.slice(bounds[b], bounds[b + 1]))));
        }
    }
}
