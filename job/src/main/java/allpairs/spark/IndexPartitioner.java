package allpairs.spark;

import org.apache.spark.Partitioner;

/** Sends key b to partition b: a row band (band pieces) or a tile group (block-join plan) per partition. */
public final class IndexPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    public IndexPartitioner(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        return (Integer) key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndexPartitioner p && p.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return partitions;
    }
}
