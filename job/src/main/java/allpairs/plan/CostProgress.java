package allpairs.plan;

/**
 * How much of a run's planned work is done, by the {@link CostModel} cost of its tiles rather than
 * their count or pairs (tiles of long rows cost more): what the progress lines' ETA is based on.
 * Tiles are reported per partition (one {@link TileGroup} each, computed in order); within a
 * partition its tiles are taken to cost alike, and a finished partition counts its whole planned cost.
 */
public final class CostProgress {
    private final double[] groupCosts;
    private final int[] groupTiles;
    private final double total;
    private final long[] done;

    /** @param plan the tiles computed now, in partitions with their planned costs */
    public CostProgress(Plan plan) {
        this.groupCosts = plan.partitionCosts().clone();
        this.groupTiles = new int[plan.groups().size()];
        double sum = 0;
        for (int g = 0; g < groupTiles.length; g++) {
            groupTiles[g] = plan.groups().get(g).size();
            sum += groupCosts[g];
        }
        this.total = sum;
        this.done = new long[groupTiles.length];
    }

    /** Partition {@code group} has computed {@code tiles} tiles (a running value, or its end); other partitions' tasks are ignored. */
    public synchronized void tilesDone(int group, long tiles) {
        if (group >= 0 && group < done.length) {
            done[group] = Math.max(done[group], Math.min(tiles, groupTiles[group]));
        }
    }

    /** The planned cost of the tiles done, over all of this run's: 0 to 1. */
    public synchronized double share() {
        if (total <= 0) {
            return 0;
        }
        double cost = 0;
        for (int g = 0; g < done.length; g++) {
            cost += groupTiles[g] == 0 ? 0 : groupCosts[g] * done[g] / groupTiles[g];
        }
        return Math.min(1, cost / total);
    }

    /** Seconds left if the rest goes at the rate the done share took {@code seconds}; NaN while nothing is done. */
    public double secondsLeft(double seconds) {
        double f = share();
        return f <= 0 ? Double.NaN : seconds * (1 - f) / f;
    }
}
