package allpairs.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.ToDoubleFunction;

/**
 * Packs tiles into partitions by estimated cost: longest first into the least-loaded partition
 * (LPT). Deterministic: ties go to the lower partition index, tiles keep a stable order.
 */
public final class PartitionPacker {
    private PartitionPacker() {
    }

    /** @param cost the estimated cost of one tile */
    public static List<TileGroup> pack(List<Tile> tiles, int partitions, ToDoubleFunction<Tile> cost) {
        int p = Math.max(1, Math.min(partitions, tiles.size()));
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < tiles.size(); t++) {
            order.add(t);
        }
        double[] costs = new double[tiles.size()];
        for (int t = 0; t < costs.length; t++) {
            costs[t] = cost.applyAsDouble(tiles.get(t));
        }
        order.sort(Comparator.<Integer>comparingDouble(t -> -costs[t]).thenComparingInt(t -> t));

        double[] load = new double[p];
        PriorityQueue<Integer> leastLoaded = new PriorityQueue<>(
                Comparator.<Integer>comparingDouble(q -> load[q]).thenComparingInt(q -> q));
        List<List<Tile>> bins = new ArrayList<>();
        for (int q = 0; q < p; q++) {
            leastLoaded.add(q);
            bins.add(new ArrayList<>());
        }
        for (int t : order) {
            int q = leastLoaded.poll();
            bins.get(q).add(tiles.get(t));
            load[q] += costs[t];
            leastLoaded.add(q);
        }
        List<TileGroup> groups = new ArrayList<>(p);
        for (List<Tile> bin : bins) {
            groups.add(new TileGroup(bin.toArray(new Tile[0])));
        }
        return groups;
    }
}
