package allpairs.spark;

import allpairs.kernel.Kernel;
import allpairs.kernel.Rows;
import allpairs.plan.Plan;
import allpairs.plan.Tile;
import allpairs.spec.JobSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/** Driver-side planning shared by the job and {@code --explain}: block sizes, budgets, the rows plan. */
public final class Planning {
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?])?");

    private Planning() {
    }

    /** Row weights for the cost model: w_i = sqrt(cost(len_i, len_i)), so w_i · w_j estimates a pair. */
    static double[] weights(Kernel<?> kernel, Rows rows) {
        double[] w = new double[rows.rows()];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.sqrt(kernel.pairCost(rows.length(i), rows.length(i)));
        }
        return w;
    }

    /** The plan of this job (before any checkpoint resume). */
    public static Plan plan(JobSpec spec, Kernel<?> kernel, Rows query, Rows reference, int cores, long budget) {
        boolean rectangular = reference != null;
        boolean mirror = kernel.symmetric() && !rectangular;
        int m = query.rows();
        int k = rectangular ? reference.rows() : m;
        int longest = Math.max(query.maxLength(), rectangular ? reference.maxLength() : 0);
        return Plan.create(weights(kernel, query), rectangular ? weights(kernel, reference) : null, m, k, mirror,
                spec.blockSize(), spec.partitions(), cores, budget, kernel.scratchBytes(longest));
    }

    /**
     * Per-task memory when --memory-budget is not given: Spark's unified memory share (60 %) of an
     * executor's heap (the driver's in local mode), divided among the tasks it runs at once.
     */
    public static long defaultBudget(SparkConf conf, int cores) {
        boolean local = LOCAL.matcher(conf.get("spark.master", "local")).matches();
        long heap = conf.getSizeAsBytes(local ? "spark.driver.memory" : "spark.executor.memory", "1g");
        int slots = conf.contains("spark.executor.cores") ? conf.getInt("spark.executor.cores", 1) : local ? cores : 1;
        return heap * 6 / 10 / Math.max(1, slots);
    }

    /** Default --broadcast-limit: a quarter of an executor's memory, so the rows never crowd it. */
    public static long defaultBroadcastLimit(SparkConf conf) {
        return conf.getSizeAsBytes("spark.executor.memory", "1g") / 4;
    }

    /** Cores as Spark will see them, without starting it (for --explain). */
    public static int coresFromConf(SparkConf conf) {
        if (conf.contains("spark.default.parallelism")) {
            return conf.getInt("spark.default.parallelism", 2);
        }
        Matcher local = LOCAL.matcher(conf.get("spark.master", "local[*]"));
        if (local.matches()) {
            String n = local.group(1);
            return n == null ? 1 : n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
        }
        if (conf.contains("spark.executor.instances") && conf.contains("spark.executor.cores")) {
            return conf.getInt("spark.executor.instances", 1) * conf.getInt("spark.executor.cores", 1);
        }
        return 2;
    }

    /** What --explain prints: the plan, without running it. */
    public static Map<String, Object> explain(Plan plan, Kernel<?> kernel, Rows query, Rows reference, long budget,
                                              long broadcastLimit) {
        long inputBytes = query.dataBytes() + (reference == null ? 0 : reference.dataBytes());
        int longest = Math.max(query.maxLength(), reference == null ? 0 : reference.maxLength());
        long resultBytes = 0;
        for (Tile t : plan.allTiles()) {
            resultBytes = Math.max(resultBytes, 8L * t.height() * t.width());
        }
        double cost = 0;
        for (double c : plan.partitionCosts()) {
            cost += c;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("kernel", kernel.name());
        e.put("m", plan.m());
        e.put("k", plan.k());
        e.put("n", longest);
        e.put("block_size", plan.blockSize());
        e.put("bands", plan.bands());
        e.put("tiles", plan.tiles());
        e.put("partitions", plan.partitions());
        e.put("pairs", plan.pairs());
        e.put("estimated_cost", cost);
        e.put("cost_skew", Math.round(plan.costSkew() * 1000) / 1000.0);
        e.put("scratch_bytes_per_task", kernel.scratchBytes(longest));
        e.put("result_bytes_per_tile", resultBytes);
        e.put("band_bytes", 8L * plan.blockSize() * plan.k());
        e.put("memory_budget", budget);
        e.put("input_bytes", inputBytes);
        e.put("broadcast_limit", broadcastLimit);
        e.put("plan", inputBytes > broadcastLimit ? "block-join" : "broadcast");
        return e;
    }
}
