package allpairs.run;

import allpairs.join.ThresholdJoin;
import allpairs.plan.Plan;

/**
 * What a finished run reports.
 *
 * @param m rows of the matrix
 * @param k columns of the matrix (m unless --against)
 * @param n the longest input row
 * @param output the committed output path, fully qualified
 * @param scratchCreated scratch allocations on executors (one per non-empty partition)
 * @param pairsComputed kernel evaluations on executors
 * @param taskSecondsMax the longest compute task (from a SparkListener)
 * @param taskSecondsMean the mean compute task
 * @param computeSeconds the compute stage's wall time (first compute task start to last end; 0 when
 *                       every tile came from the checkpoint)
 * @param tilesReused tiles read back from the checkpoint instead of computed
 * @param rowsPlan how rows reached executors: "broadcast" or "block-join"
 * @param dtype float64 or float32
 * @param layout square, condensed, or edges
 * @param edges edges written to an edge list (.npy or Parquet), or -1 for dense output
 * @param topK the K of --top-k the run used (at most the column count), or null
 * @param topKAsked the K the user gave (above {@code topK} when it was clamped), or null
 * @param wallSeconds from the JVM's start (the process, under spark-submit) to the end of the work, before the
 *                    side files and the commit: what a user waits, start-up and input reading included
 * @param vectorApi whether the compute tasks had the Vector API: on, off or mixed
 * @param joined the join path's counts (docs/join.md), or null on the tiled path
 * @param pruned pairs each of the kernel's lower bounds ruled out, by name (empty when the kernel has none)
 */
public record RunResult(String kernel, int m, int k, int n, Plan plan, double seconds, String output, String format,
                        long scratchCreated, long pairsComputed, double taskSecondsMax, double taskSecondsMean,
                        double computeSeconds, int tilesReused, String rowsPlan, String dtype, String layout,
                        long edges, Integer topK, Integer topKAsked, double wallSeconds, String vectorApi,
                        ThresholdJoin.Counts joined, java.util.Map<String, Long> pruned) {
    /** Pairs computed by this run: those of the plan's groups (a resumed plan holds only the missing tiles). */
    public long pairsThisRun() {
        if (joined != null) {
            return joined.verified(); // the join computes only the pairs its filter accepts
        }
        long pairs = 0;
        for (allpairs.plan.TileGroup group : plan.groups()) {
            for (int t = 0; t < group.size(); t++) {
                pairs += group.tile(t).pairs(plan.symmetric());
            }
        }
        return pairs;
    }

    /** Pairs of the tiles read back from the checkpoint. */
    public long pairsReused() {
        return joined != null ? 0 : plan.pairs() - pairsThisRun();
    }

    /** Over the pairs this run computed. */
    public double pairsPerSecond() {
        return seconds > 0 ? pairsThisRun() / seconds : 0;
    }

    /** The share of the run's seconds the compute stage took. */
    public double computeShare() {
        return seconds > 0 ? computeSeconds / seconds : 0;
    }
}
