package allpairs.spark.table;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One partition of a table as packed rows, what an executor sends the driver: the ids (or null),
 * each row's length, and the values (bytes or doubles, back to back). A partition that met a bad
 * value stops there and carries the problem: the row (counted within the partition), its id, and
 * what is wrong; the driver turns it into the row number of the whole table.
 */
final class PartitionRows implements Serializable {
    private static final long serialVersionUID = 1L;

    String[] ids;
    int[] lengths;
    byte[] bytes;
    double[] doubles;
    int rows;
    int size;
    String problem;
    String problemId;

    /** Kryo's constructor. */
    PartitionRows() {
    }

    PartitionRows(boolean withIds, boolean numeric) {
        ids = withIds ? new String[16] : null;
        lengths = new int[16];
        bytes = numeric ? null : new byte[1 << 12];
        doubles = numeric ? new double[1 << 10] : null;
    }

    /** Room for {@code values} more values in the current row. */
    void reserve(int values) {
        int need = size + values;
        if (bytes != null && need > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(need, bytes.length * 2));
        }
        if (doubles != null && need > doubles.length) {
            doubles = Arrays.copyOf(doubles, Math.max(need, doubles.length * 2));
        }
    }

    /** Ends a row of the values appended since the last one. */
    void endRow(String id, int length) {
        if (rows == lengths.length) {
            lengths = Arrays.copyOf(lengths, rows * 2);
            ids = ids == null ? null : Arrays.copyOf(ids, rows * 2);
        }
        if (ids != null) {
            ids[rows] = id;
        }
        lengths[rows++] = length;
    }

    /** The partition stops at its first bad row (the row after the last complete one). */
    void fail(String id, String what) {
        problemId = id;
        problem = what;
    }

    /** Trimmed to what was read: less to send. */
    PartitionRows trimmed() {
        ids = ids == null ? null : Arrays.copyOf(ids, rows);
        lengths = Arrays.copyOf(lengths, rows);
        bytes = bytes == null ? null : Arrays.copyOf(bytes, size);
        doubles = doubles == null ? null : Arrays.copyOf(doubles, size);
        return this;
    }
}
