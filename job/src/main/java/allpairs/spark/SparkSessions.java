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

    public static SparkSession start(SparkConf conf) {
        return SparkSession.builder().config(configure(conf)).getOrCreate();
    }
}
