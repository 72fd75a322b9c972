package allpairs.join;

import java.io.Serializable;

/**
 * Identical rows of one side (0: the query rows, 1: the --against rows): they share every value,
 * so the join handles them as one row, the representative (the first), and expands its edges.
 */
public final class RowGroup implements Serializable {
    private static final long serialVersionUID = 1L;
    final int side;
    final int rep;
    final int[] members;

    /** @param members the rows, ascending; {@code rep} is the first */
    RowGroup(int side, int[] members) {
        this.side = side;
        this.rep = members[0];
        this.members = members;
    }

    int side() {
        return side;
    }

    int rep() {
        return rep;
    }

    int[] members() {
        return members;
    }
}
