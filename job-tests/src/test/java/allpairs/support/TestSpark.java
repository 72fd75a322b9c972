package allpairs.support;

import allpairs.spark.SparkSessions;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * One local Spark session for the whole test JVM (local[2], UI off, loopback, Kryo with
 * registrationRequired=true so an unregistered class fails the test).
 */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSessions.start(conf());
        }
        return session;
    }

    public static SparkConf conf() {
        return new SparkConf(false)
                .setMaster("local[2]")
                .setAppName("allpairs-tests")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.kryo.registrationRequired", "true")
                .set("spark.sql.shuffle.partitions", "4")
                // the join path for every --keep run it applies to, however small (docs/join.md)
                .set("spark.allpairs.join", "on")
                // Catalog tables of the tests (the in-memory catalog) live under target/, not in the module.
                .set("spark.sql.warehouse.dir", new java.io.File("target/spark-warehouse").getAbsolutePath());
    }
}
