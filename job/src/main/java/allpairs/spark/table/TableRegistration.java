package allpairs.spark.table;

import com.esotericsoftware.kryo.Kryo;

/**
 * The classes the table reader ships, for the job's Kryo registrator: its packed partitions, and the
 * Spark SQL types a schema holds (Spark infers a Parquet or JSON schema in a job whose tasks return
 * it), so that {@code spark.kryo.registrationRequired=true} holds for table inputs too.
 */
public final class TableRegistration {
    /** By name: the set differs between Spark versions (a name missing from one is skipped). */
    private static final String[] SCHEMA_CLASSES = {
        "org.apache.spark.sql.types.StructType", "org.apache.spark.sql.types.StructField",
        "[Lorg.apache.spark.sql.types.StructField;", "org.apache.spark.sql.types.ArrayType",
        "org.apache.spark.sql.types.MapType", "org.apache.spark.sql.types.DecimalType",
        "org.apache.spark.sql.types.Metadata", "org.apache.spark.sql.types.CharType",
        "org.apache.spark.sql.types.VarcharType", "org.apache.spark.sql.types.StringType",
        "org.apache.spark.sql.types.StringType$", "org.apache.spark.sql.types.BinaryType$",
        "org.apache.spark.sql.types.BooleanType$", "org.apache.spark.sql.types.ByteType$",
        "org.apache.spark.sql.types.ShortType$", "org.apache.spark.sql.types.IntegerType$",
        "org.apache.spark.sql.types.LongType$", "org.apache.spark.sql.types.FloatType$",
        "org.apache.spark.sql.types.DoubleType$", "org.apache.spark.sql.types.DateType$",
        "org.apache.spark.sql.types.TimestampType$", "org.apache.spark.sql.types.TimestampNTZType$",
        "org.apache.spark.sql.types.NullType$",
    };

    private TableRegistration() {
    }

    public static void register(Kryo kryo) {
        kryo.register(PartitionRows.class);
        kryo.register(PartitionRows[].class);
        for (String name : SCHEMA_CLASSES) {
            try {
                kryo.register(Class.forName(name, false, TableRegistration.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                // not in this Spark version: nothing of it is shipped either
            }
        }
    }
}
