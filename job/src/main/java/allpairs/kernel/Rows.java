package allpairs.kernel;

import java.io.Serializable;

/** m rows, possibly of different lengths, with optional ids (from FASTA or FASTQ). Read-only once built. */
public interface Rows extends Serializable {
    int rows();

    int length(int row);

    /** The longest row; scratch is sized for it. */
    int maxLength();

    /** Row ids in row order, or null when the input has none. */
    String[] ids();

    /** Rows [from, to) as a new, independent Rows (ids kept): what one block of a block-join plan ships. */
    Rows slice(int from, int to);

    /** Bytes of row data (what a broadcast of these rows costs). */
    long dataBytes();

    /** True when every row has the same length. */
    default boolean equalLengths() {
        for (int i = 1; i < rows(); i++) {
            if (length(i) != length(0)) {
                return false;
            }
        }
        return true;
    }
}
