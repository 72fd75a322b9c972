package allpairs.run;

import allpairs.config.Defaults;
import allpairs.plan.Plan;
import allpairs.plan.RowsStrategy;
import allpairs.plan.Tile;
import allpairs.plan.TileParts;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code --explain} prints: the plan a run would use, without running it. */
final class Explain {
    private Explain() {
    }

    /** @param sparse edges or top-k: a tile's values are held one part at a time ({@link TileParts}) */
    static Map<String, Object> of(Plan plan, Inputs in, Defaults.Resolved resolved, boolean sparse) {
        long resultBytes = 0;
        int side = sparse ? TileParts.SIDE : Integer.MAX_VALUE;
        for (Tile t : plan.allTiles()) {
            resultBytes = Math.max(resultBytes, 8L * Math.min(side, t.height()) * Math.min(side, t.width()));
        }
        double cost = 0;
        for (double c : plan.partitionCosts()) {
            cost += c;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("kernel", in.kernel().name());
        e.put("m", plan.m());
        e.put("k", plan.k());
        e.put("n", in.longestRow());
        e.put("block_size", plan.blockSize());
        e.put("bands", plan.bands());
        e.put("tiles", plan.tiles());
        e.put("partitions", plan.partitions());
        e.put("pairs", plan.pairs());
        e.put("estimated_cost", cost);
        e.put("cost_skew", Math.round(plan.costSkew() * 1000) / 1000.0);
        e.put("scratch_bytes_per_task", in.kernel().scratchBytes(in.longestRow()));
        e.put("result_bytes_per_tile", resultBytes);
        e.put("band_bytes", 8L * plan.blockSize() * plan.k());
        e.put("memory_budget", resolved.memoryBudget());
        e.put("input_bytes", in.dataBytes());
        e.put("broadcast_limit", resolved.broadcastLimit());
        e.put("plan", RowsStrategy.choose(in.dataBytes(), resolved.broadcastLimit()).label());
        return e;
    }
}
