package allpairs.spark.table;

import com.esotericsoftware.kryo.Kryo;

/** The classes the table reader ships (executor to driver), for the job's Kryo registrator. */
public final class TableRegistration {
    private TableRegistration() {
    }

    public static void register(Kryo kryo) {
        kryo.register(PartitionRows.class);
        kryo.register(PartitionRows[].class);
    }
}
