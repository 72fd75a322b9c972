package allpairs.config;

import allpairs.UserError;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.network.util.JavaUtils;

/**
 * Every default of a job, written once. Precedence: the command line, then the defaults file
 * (picocli reads both), then what the Spark settings imply (resolved here, for the run and for
 * {@code --explain} alike).
 */
public final class Defaults {
    public static final String DTYPE = "float64";
    public static final String LAYOUT = "square";
    public static final String PROGRESS = "on";
    public static final String PROGRESS_INTERVAL_SECONDS = "5";
    /** Environment variable naming the job defaults file (submit.sh points it at conf/). */
    public static final String FILE_ENV = "ALLPAIRS_DEFAULTS";
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?])?");

    private Defaults() {
    }

    /** What the plan needs, every default filled in. */
    public record Resolved(Integer blockSize, Integer partitions, int cores, long memoryBudget, long broadcastLimit) {
    }

    /**
     * @param spark the Spark settings ({@code spark.*} keys)
     * @param cores the cores Spark runs on: live once it has started, else {@link #cores(Map)}
     */
    public static Resolved resolve(PlanConfig plan, Map<String, String> spark, int cores) {
        long budget = plan.memoryBudget() != null ? plan.memoryBudget() : memoryBudget(spark, cores);
        long limit = plan.broadcastLimit() != null ? plan.broadcastLimit() : broadcastLimit(spark);
        return new Resolved(plan.blockSize(), plan.partitions(), cores, budget, limit);
    }

    /** What the output path's extension says ({@code .npy}, {@code .csv}, {@code .tsv}, {@code .parquet}), otherwise {@code parquet}. */
    public static OutputFormat outputFormat(String output) {
        String name = output.replaceAll("/+$", "");
        int dot = name.lastIndexOf('.');
        OutputFormat named = dot > name.lastIndexOf('/') + 1 ? OutputFormat.ofExtension(name.substring(dot + 1)) : null;
        return named != null ? named : OutputFormat.PARQUET;
    }

    /**
     * Per-task memory when --memory-budget is not given: Spark's unified memory share of an
     * executor's heap (the driver's in local mode), divided among the tasks it runs at once.
     */
    static long memoryBudget(Map<String, String> spark, int cores) {
        boolean local = LOCAL.matcher(spark.getOrDefault("spark.master", "local")).matches();
        long heap = bytes(spark.getOrDefault(local ? "spark.driver.memory" : "spark.executor.memory", "1g"));
        String executorCores = spark.get("spark.executor.cores");
        int slots = executorCores != null ? Integer.parseInt(executorCores.trim()) : local ? cores : 1;
        return heap * 6 / 10 / Math.max(1, slots); // spark.memory.fraction's default, 0.6
    }

    /** Default --broadcast-limit: a quarter of an executor's memory, so the rows never crowd it. */
    static long broadcastLimit(Map<String, String> spark) {
        return bytes(spark.getOrDefault("spark.executor.memory", "1g")) / 4;
    }

    /** Cores as Spark will see them, without starting it (for --explain). */
    public static int cores(Map<String, String> spark) {
        if (spark.containsKey("spark.default.parallelism")) {
            return Integer.parseInt(spark.get("spark.default.parallelism").trim());
        }
        Matcher local = LOCAL.matcher(spark.getOrDefault("spark.master", "local[*]"));
        if (local.matches()) {
            String n = local.group(1);
            return n == null ? 1 : n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
        }
        if (spark.containsKey("spark.executor.instances") && spark.containsKey("spark.executor.cores")) {
            return Integer.parseInt(spark.get("spark.executor.instances").trim())
                    * Integer.parseInt(spark.get("spark.executor.cores").trim());
        }
        return 2;
    }

    /** A size such as 512m or 2g in bytes (Spark's own parser, so it reads Spark's settings alike). */
    public static long bytes(String text) {
        return JavaUtils.byteStringAsBytes(text.trim());
    }

    /** A size option: {@code 0} only where {@code zeroAllowed}. */
    public static long sizeOption(String text, String option, boolean zeroAllowed) {
        try {
            long bytes = bytes(text);
            if (bytes < 0 || (bytes == 0 && !zeroAllowed)) {
                throw new NumberFormatException();
            }
            return bytes;
        } catch (RuntimeException e) {
            String expected = zeroAllowed ? "a size such as 0, 512m or 2g" : "a size above 0, such as 512m or 2g";
            throw new UserError("Cannot set " + option + " to '" + text + "': expected " + expected, "option " + option);
        }
    }
}
