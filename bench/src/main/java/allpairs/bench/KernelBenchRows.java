package allpairs.bench;

import allpairs.kernel.ByteRows;
import allpairs.kernel.DoubleRows;

/** Rows for the benchmarks from plain byte arrays. */
final class KernelBenchRows {
    private KernelBenchRows() {
    }

    static ByteRows ragged(byte[][] rows) {
        int[] offsets = new int[rows.length + 1];
        for (int i = 0; i < rows.length; i++) {
            offsets[i + 1] = offsets[i] + rows[i].length;
        }
        byte[] data = new byte[offsets[rows.length]];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, data, offsets[i], rows[i].length);
        }
        return new ByteRows(data, offsets, null);
    }

    static DoubleRows ragged(double[][] rows) {
        int[] offsets = new int[rows.length + 1];
        for (int i = 0; i < rows.length; i++) {
            offsets[i + 1] = offsets[i] + rows[i].length;
        }
        double[] data = new double[offsets[rows.length]];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, data, offsets[i], rows[i].length);
        }
        return new DoubleRows(data, offsets, null);
    }
}
