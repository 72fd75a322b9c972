package allpairs.kernel;

import java.io.Serializable;

/**
 * An exact candidate filter for a threshold ({@link Kernel#candidateFilter}): keys under which two
 * rows meet, so that only the pairs that meet are computed, not all of them.
 *
 * <p>The join orders rows by (length, side, row) and meets each pair once, with the earlier row y
 * <em>indexed</em> and the later row x <em>probing</em>, so {@code length(y) <= length(x)}. Row y is
 * filed under its {@link #indexKeys}; row x looks under its {@link #probeKeys}; an index entry and a
 * probe entry meet when their content and bucket are equal. The contract, for every pair within
 * the threshold: among the probe entries of x that meet an index entry of y, {@link #accept} is true
 * for exactly one; and for any pair, {@code accept} is true for at most one. So each pair within the
 * threshold is computed exactly once and no pair twice, with no deduplication. Contents may collide
 * (they are hashes): {@code accept} checks the rows themselves.
 */
public interface CandidateFilter extends Serializable {
    /** Receives keys: a 64-bit content hash, a bucket the filter defines, and the probe's position (0 for index keys). */
    interface Keys {
        void add(long content, int bucket, int pos);
    }

    /** The keys of row {@code y} as the indexed (earlier) row of a pair. */
    void indexKeys(Rows rows, int y, Keys out);

    /** The keys of row {@code x} as the probing (later) row of a pair. */
    void probeKeys(Rows rows, int x, Keys out);

    /**
     * True when the pair (indexed y, probing x), met under the probe entry (bucket, pos), is to be
     * computed there: the one entry of the contract above.
     */
    boolean accept(Rows ys, int y, Rows xs, int x, int bucket, int pos);
}
