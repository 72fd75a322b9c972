package allpairs.spark;

import allpairs.kernel.Rows;
import java.io.Serializable;

/** Rows [rowStart, rowStart + rows.rows()) of one side of the matrix, for the block-join plan. */
final class RowBlock implements Serializable {
    private static final long serialVersionUID = 1L;
    /** 0 for the query (row) side, 1 for the reference (column) side of --against. */
    final int side;
    final int block;
    final int rowStart;
    final Rows rows;

    RowBlock(int side, int block, int rowStart, Rows rows) {
        this.side = side;
        this.block = block;
        this.rowStart = rowStart;
        this.rows = rows;
    }
}
