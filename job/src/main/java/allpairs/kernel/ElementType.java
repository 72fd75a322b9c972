package allpairs.kernel;

/** What one element of a row means to a kernel; inputs are converted (and range-checked) to it. */
public enum ElementType {
    /** Signed bytes, values -128..127 (seed). Stored in {@link ByteRows}. */
    INT8,
    /** Unsigned bytes, values 0..255 (mi). Stored in {@link ByteRows}; read with {@code b & 0xFF}. */
    UINT8,
    /** Symbols compared by bit pattern (sequence kernels). Stored in {@link ByteRows}. */
    SYMBOL,
    /** Finite doubles (dtw). Stored in {@link DoubleRows}. */
    DOUBLE
}
