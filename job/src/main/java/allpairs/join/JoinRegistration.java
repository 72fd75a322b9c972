package allpairs.join;

import com.esotericsoftware.kryo.Kryo;

/** The classes the join path ships (its shuffles and its skew table), for the job's Kryo registrator. */
public final class JoinRegistration {
    private JoinRegistration() {
    }

    public static void register(Kryo kryo) {
        kryo.register(RowGroup.class);
        kryo.register(JoinKey.class);
        kryo.register(JoinEntry.class);
        kryo.register(java.util.HashMap.class);
        // the executors' read (RowSplits); records, which Kryo's field serializer cannot build
        kryo.register(allpairs.io.InputSplit.class, new com.esotericsoftware.kryo.serializers.JavaSerializer());
        kryo.register(allpairs.io.SplitReader.Census.class, new com.esotericsoftware.kryo.serializers.JavaSerializer());
    }
}
