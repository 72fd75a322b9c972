package allpairs.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * SparkConf in layers (GATK style): defaults only where the user set nothing, then what the job
 * cannot run without (Kryo with our registrator). The master always comes from spark-submit or
 * {@code spark.master}; it is never set here.
 */
public final class SparkSessions {
    public static final String APP_NAME = "allpairs";

    private SparkSessions() {
    }

    public static SparkConf configure(SparkConf conf) {
        conf.setIfMissing("spark.app.name", APP_NAME);
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // A band of up to 32 MiB travels as one task result; Kryo's 64m default is too tight.
        conf.setIfMissing("spark.kryoserializer.buffer.max", "512m");
        conf.set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        String registrators = conf.get("spark.kryo.registrator", "");
        String ours = KryoRegistration.class.getName();
        if (!registrators.contains(ours)) {
            conf.set("spark.kryo.registrator", registrators.isEmpty() ? ours : registrators + "," + ours);
        }
        return conf;
    }

    /** With progress lines on: executors report tiles every 2 s, not 10. */
    static final String PROGRESS_HEARTBEAT = "2s";

    /**
     * Progress lines move when executors send heartbeats (their accumulators ride on them): with
     * progress on, a 2 s heartbeat instead of Spark's 10 s, so the first line shows real progress.
     * Only where the user set none, and only below {@code spark.network.timeout}, which Spark
     * requires.
     */
    public static SparkConf forProgress(SparkConf conf) {
        if (!conf.contains("spark.executor.heartbeatInterval")
                && conf.getTimeAsMs("spark.network.timeout", "120s") > 2_000) {
            conf.set("spark.executor.heartbeatInterval", PROGRESS_HEARTBEAT);
        }
        return conf;
    }

    public static SparkSession start(SparkConf conf) {
        return SparkSession.builder().config(forLocalMaster(configure(conf))).getOrCreate();
    }

    /**
     * On a local master nobody watches the web UI of a run that lasts seconds, and starting it (Jetty
     * and some 40 handlers) is about a tenth of a tiny run's start-up: off there unless the user's or the
     * cluster's configuration turns it on (issue 27). The event log stays Spark's default (off) unless
     * configured; other masters are left as they are.
     */
    public static SparkConf forLocalMaster(SparkConf conf) {
        if (conf.get("spark.master", "").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        return conf;
    }
}
