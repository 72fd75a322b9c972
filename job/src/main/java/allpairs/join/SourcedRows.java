package allpairs.join;

import allpairs.kernel.Rows;

/**
 * A side of the join whose rows the executors hold ({@link RowSource}): the driver knows how many
 * there are, the longest and their bytes, nothing else. Any use of a row's data on the driver is a
 * bug and fails (the join reads rows only from the source).
 */
public final class SourcedRows implements Rows {
    private static final long serialVersionUID = 1L;
    private final transient RowSource source;
    private final int rows;
    private final int maxLength;
    private final long bytes;

    public SourcedRows(RowSource source) {
        this.source = source;
        this.rows = Math.toIntExact(source.count());
        this.maxLength = source.maxLength();
        this.bytes = source.bytes();
    }

    public RowSource source() {
        return source;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int length(int row) {
        throw new UnsupportedOperationException("the rows are on the executors (RowSource), not on the driver");
    }

    @Override
    public int maxLength() {
        return maxLength;
    }

    /** Text inputs have no ids (the executors read only those here). */
    @Override
    public String[] ids() {
        return null;
    }

    @Override
    public Rows slice(int from, int to) {
        throw new UnsupportedOperationException("the rows are on the executors (RowSource), not on the driver");
    }

    @Override
    public long dataBytes() {
        return bytes;
    }
}
