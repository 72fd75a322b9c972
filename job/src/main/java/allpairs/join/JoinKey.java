package allpairs.join;

import java.io.Serializable;

/** Where an entry meets others: a filter key (content hash, bucket) and, for a split key, its cell. */
public final class JoinKey implements Serializable {
    private static final long serialVersionUID = 1L;
    final long content;
    final int bucket;
    final int cell;

    JoinKey(long content, int bucket, int cell) {
        this.content = content;
        this.bucket = bucket;
        this.cell = cell;
    }

    JoinKey inCell(int c) {
        return new JoinKey(content, bucket, c);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JoinKey k && k.content == content && k.bucket == bucket && k.cell == cell;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(content * 31 + bucket) * 31 + cell;
    }
}
