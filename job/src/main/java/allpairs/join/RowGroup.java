package allpairs.join;

import allpairs.kernel.ByteRows;
import java.io.Serializable;

/**
 * Identical rows of one side (0: the query rows, 1: the --against rows): they share every value,
 * so the join handles them as one row, the representative (the first), and expands its edges.
 * The group carries the representative's bytes: the join reads no broadcast (docs/join.md, "On
 * Spark"). A single row (the common case) ships no member array.
 */
public final class RowGroup implements Serializable {
    private static final long serialVersionUID = 2L;
    final int side;
    final int rep;
    /** The representative's symbols. */
    final byte[] bytes;
    /** The members after {@code rep}, ascending; null when the row is alone. */
    private final int[] more;
    /** The bytes as one row, for the filter's and the kernel's {@code Rows} interfaces (made on first use). */
    private transient ByteRows view;

    /** @param members the rows, ascending; {@code rep} is the first */
    RowGroup(int side, int[] members, byte[] bytes) {
        this.side = side;
        this.rep = members[0];
        this.bytes = bytes;
        this.more = members.length == 1 ? null : java.util.Arrays.copyOfRange(members, 1, members.length);
    }

    /** The representative as row 0 of a one-row {@link ByteRows}. */
    ByteRows row() {
        if (view == null) {
            view = new ByteRows(bytes, new int[] {0, bytes.length}, null);
        }
        return view;
    }

    int length() {
        return bytes.length;
    }

    /** The rows of the group, ascending. */
    int[] members() {
        if (more == null) {
            return new int[] {rep};
        }
        int[] all = new int[more.length + 1];
        all[0] = rep;
        System.arraycopy(more, 0, all, 1, more.length);
        return all;
    }

    int size() {
        return more == null ? 1 : more.length + 1;
    }
}
