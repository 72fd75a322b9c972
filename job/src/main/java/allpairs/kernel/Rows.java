package allpairs.kernel;

import java.io.Serializable;

/** m rows, possibly of different lengths, with optional ids (from FASTA). Read-only once built. */
public interface Rows extends Serializable {
    int rows();

    int length(int row);

    /** The longest row; scratch is sized for it. */
    int maxLength();

    /** Row ids in row order, or null when the input has none. */
    String[] ids();

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
