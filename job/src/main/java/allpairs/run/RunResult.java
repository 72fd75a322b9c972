package allpairs.run;

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
 * @param edges edges written to a .npy edge list, or -1 (dense output, or Parquet edges)
 */
public record RunResult(String kernel, int m, int k, int n, Plan plan, double seconds, String output, String format,
                        long scratchCreated, long pairsComputed, double taskSecondsMax, double taskSecondsMean,
                        double computeSeconds, int tilesReused, String rowsPlan, String dtype, String layout,
                        long edges) {
    public double pairsPerSecond() {
        return seconds > 0 ? plan.pairs() / seconds : 0;
    }

    /** The share of the run's seconds the compute stage took. */
    public double computeShare() {
        return seconds > 0 ? computeSeconds / seconds : 0;
    }
}
