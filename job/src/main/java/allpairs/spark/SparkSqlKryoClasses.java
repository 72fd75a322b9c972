package allpairs.spark;

import com.esotericsoftware.kryo.Kryo;
import java.util.List;

/**
 * Spark SQL data-type classes that Spark's own KryoSerializer leaves unregistered. Reading our Parquet
 * output back ships them between tasks and the driver: schema inference returns the {@code values}
 * column's ArrayType (the one seen failing); the others are its siblings a user's query over our
 * output, or the schema inference of a table input, may ship (StringType, an instance class on Spark 4,
 * for id columns). With these registered, a
 * session with {@code spark.kryo.registrationRequired=true} and our registrator reads, sorts,
 * filters, joins and aggregates our output (KryoReadBackTest). By name: some exist in one Spark
 * line only, and a missing one is skipped.
 */
public final class SparkSqlKryoClasses {
    static final List<String> NAMES = List.of(
            "org.apache.spark.sql.types.StructType",
            "org.apache.spark.sql.types.StructField",
            "[Lorg.apache.spark.sql.types.StructField;",
            "org.apache.spark.sql.types.ArrayType",
            "org.apache.spark.sql.types.MapType",
            "org.apache.spark.sql.types.DecimalType",
            "org.apache.spark.sql.types.Metadata",
            "org.apache.spark.sql.types.CharType",
            "org.apache.spark.sql.types.VarcharType",
            "org.apache.spark.sql.types.StringType",
            "org.apache.spark.sql.types.StringType$",
            "org.apache.spark.sql.types.BinaryType$",
            "org.apache.spark.sql.types.BooleanType$",
            "org.apache.spark.sql.types.ByteType$",
            "org.apache.spark.sql.types.ShortType$",
            "org.apache.spark.sql.types.IntegerType$",
            "org.apache.spark.sql.types.LongType$",
            "org.apache.spark.sql.types.FloatType$",
            "org.apache.spark.sql.types.DoubleType$",
            "org.apache.spark.sql.types.DateType$",
            "org.apache.spark.sql.types.TimestampType$",
            "org.apache.spark.sql.types.TimestampNTZType$",
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
