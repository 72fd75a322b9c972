package allpairs.bench;

import org.apache.spark.sql.SparkSession;

/**
 * {@code bench/bench.sh startup}'s reference: a bare SparkSession started and stopped in one JVM with
 * Spark's own defaults (master local[*] unless {@code spark.master} is set), nothing else.
 */
public final class BareSession {
    private BareSession() {
    }

    public static void main(String[] args) {
        SparkSession.builder().master(System.getProperty("spark.master", "local[*]")).appName("bare").getOrCreate()
                .stop();
    }
}
