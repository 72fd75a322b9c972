package allpairs.spark;

import allpairs.kernel.ByteRows;
import allpairs.kernel.DoubleRows;
import allpairs.plan.Tile;
import allpairs.compute.Band;
import allpairs.compute.BandPiece;
import allpairs.compute.EdgeBand;
import allpairs.compute.EdgePiece;
import allpairs.plan.TileGroup;
import allpairs.spark.table.TableRegistration;
import com.esotericsoftware.kryo.Kryo;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Registers every class the job's own stages ship, so registrationRequired=true holds, and the
 * Spark SQL classes that reading our Parquet output back needs (SparkSqlKryoClasses).
 */
public final class KryoRegistration implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(ByteRows.class);
        kryo.register(DoubleRows.class);
        kryo.register(Tile.class);
        kryo.register(Tile[].class);
        kryo.register(TileGroup.class);
        kryo.register(BandPiece.class);
        kryo.register(Band.class);
        kryo.register(RowBlock.class);
        kryo.register(EdgePiece.class);
        kryo.register(EdgeBand.class);
        kryo.register(String[][].class);
        kryo.register(byte[].class);
        kryo.register(int[].class);
        kryo.register(String[].class);
        kryo.register(double[].class);
        kryo.register(long[].class);
        kryo.register(Object[].class);
        TableRegistration.register(kryo);
        allpairs.join.JoinRegistration.register(kryo);
        SparkSqlKryoClasses.register(kryo);
    }
}
