package allpairs.io;

import allpairs.UserError;
import allpairs.kernel.DoubleRows;

/**
 * Rows of different lengths in one float matrix, the NumPy way: a row ends at its first NaN and
 * NaN fills the rest. A NaN followed by a number, a step only partly NaN, or a row with no value at
 * all is refused, naming the row.
 */
final class NanPadding {
    private NanPadding() {
    }

    /** The rows of {@code values} (m rows of {@code layout.rowValues()}), each cut at its first NaN, packed. */
    static DoubleRows trim(double[] values, ArrayLayout layout, String location) {
        int m = layout.m();
        int width = layout.rowValues();
        int d = layout.channels();
        int[] offsets = new int[m + 1];
        int packed = 0;
        for (int r = 0; r < m; r++) {
            int from = r * width;
            int length = rowLength(values, from, width, d, r, location);
            // Rows only move left: packed <= from, so the copy never overwrites what is still to read.
            System.arraycopy(values, from, values, packed, length);
            packed += length;
            offsets[r + 1] = packed;
        }
        return new DoubleRows(packed == values.length ? values : java.util.Arrays.copyOf(values, packed), offsets, null);
    }

    private static int rowLength(double[] values, int from, int width, int d, int row, String location) {
        int length = 0;
        while (length < width && !Double.isNaN(values[from + length])) {
            length++;
        }
        if (length == 0) {
            throw new UserError("row " + row + " is all NaN (an empty series)", location);
        }
        if (length % d != 0) {
            throw new UserError("row " + row + ": step " + length / d + " is partly NaN (NaN pads whole steps of "
                    + d + " channels)", location);
        }
        for (int k = length; k < width; k++) {
            if (!Double.isNaN(values[from + k])) {
                throw new UserError("row " + row + " has the number " + values[from + k] + " at " + place(k, d)
                        + " after a NaN at " + place(length, d) + " (NaN may only pad the end of a row)", location);
            }
        }
        return length;
    }

    private static String place(int k, int d) {
        return d == 1 ? "column " + k : "step " + k / d + ", channel " + k % d;
    }
}
