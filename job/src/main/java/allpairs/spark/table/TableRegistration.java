package allpairs.spark.table;

import com.esotericsoftware.kryo.Kryo;

/**
 * The classes the table reader ships, for the job's Kryo registrator: its packed partitions. The Spark
 * SQL types a schema holds (Spark infers a Parquet or JSON schema in a job whose tasks return it) are in
 * {@link allpairs.spark.SparkSqlKryoClasses}, so that {@code spark.kryo.registrationRequired=true} holds
 * for table inputs too.
 */
public final class TableRegistration {
    private TableRegistration() {
    }

    public static void register(Kryo kryo) {
        kryo.register(PartitionRows.class);
        kryo.register(PartitionRows[].class);
    }
}
