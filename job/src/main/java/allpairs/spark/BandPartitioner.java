package allpairs.spark;

import org.apache.spark.Partitioner;

/** Sends every piece keyed by band b to partition b, so a partition is exactly one row band. */
public final class BandPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int bands;

    public BandPartitioner(int bands) {
        this.bands = bands;
    }

    @Override
    public int numPartitions() {
        return bands;
    }

    @Override
    public int getPartition(Object key) {
        return (Integer) key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BandPartitioner p && p.bands == bands;
    }

    @Override
    public int hashCode() {
        return bands;
    }
}
