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
        kryo.register(allpairs.io.InputSplit.class); // the executors' read (RowSplits)
        kryo.register(allpairs.io.InputFormat.class);
        kryo.register(allpairs.io.SplitReader.Census.class);
    }
}
