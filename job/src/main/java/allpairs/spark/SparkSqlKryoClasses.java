package allpairs.spark;

import com.esotericsoftware.kryo.Kryo;
import java.util.List;

/**
 * Spark SQL classes that Spark's own KryoSerializer leaves unregistered but that reading our Parquet
 * output back ships between tasks and the driver: schema inference returns the {@code values} column's
 * ArrayType, a string id column is a StringType instance on Spark 4. With these registered, a
 * session with {@code spark.kryo.registrationRequired=true} and our registrator reads, sorts,
 * filters, joins and aggregates our output (KryoReadBackTest). By name: some exist in one Spark
 * line only, and a missing one is skipped.
 */
final class SparkSqlKryoClasses {
    static final List<String> NAMES = List.of(
            "org.apache.spark.sql.types.ArrayType",
            "org.apache.spark.sql.types.MapType",
            "org.apache.spark.sql.types.StringType",
            "org.apache.spark.sql.types.BinaryType$",
            "org.apache.spark.sql.types.BooleanType$",
            "org.apache.spark.sql.types.ByteType$",
            "org.apache.spark.sql.types.ShortType$",
            "org.apache.spark.sql.types.FloatType$",
            "org.apache.spark.sql.types.TimestampType$",
            "org.apache.spark.sql.types.NullType$");

    private SparkSqlKryoClasses() {
    }

    static void register(Kryo kryo) {
        for (String name : NAMES) {
            Class<?> type;
            try {
                type = Class.forName(name, false, SparkSqlKryoClasses.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                continue; // not in this Spark line
            }
            kryo.register(type);
        }
    }
}
