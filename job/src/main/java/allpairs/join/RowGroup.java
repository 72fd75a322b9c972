package allpairs.join;

import java.io.Serializable;

/**
 * Identical rows of one side (0: the query rows, 1: the --against rows): they share every value,
 * so the join handles them as one row, the representative (the first), and expands its edges.
 * A single row (the common case) ships no array.
 */
public final class RowGroup implements Serializable {
    private static final long serialVersionUID = 1L;
    final int side;
    final int rep;
    /** The members after {@code rep}, ascending; null when the row is alone. */
    private final int[] more;

    /** @param members the rows, ascending; {@code rep} is the first */
    RowGroup(int side, int[] members) {
        this.side = side;
        this.rep = members[0];
        this.more = members.length == 1 ? null : java.util.Arrays.copyOfRange(members, 1, members.length);
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
