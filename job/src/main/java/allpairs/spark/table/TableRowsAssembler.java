package allpairs.spark.table;

import allpairs.UserError;
import allpairs.kernel.ByteRows;
import allpairs.kernel.DoubleRows;
import allpairs.kernel.ElementType;
import allpairs.kernel.Rows;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * On the driver: the partitions an executor packed, in partition order, as one {@link Rows}. The
 * first bad row (in table order) stops the run naming its row number and id; so do a duplicate id
 * and an empty table. With --order-by-id the rows are sorted by id: integer ids by value, text ids
 * by their UTF-8 bytes (Spark SQL's string order).
 */
final class TableRowsAssembler {
    /** One Java array holds the broadcast rows. */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 16;

    private TableRowsAssembler() {
    }

    static Rows assemble(List<PartitionRows> parts, TableColumns columns, boolean orderById, ElementType type,
                         String location) {
        long values = 0;
        int rows = 0;
        for (PartitionRows part : parts) {
            if (part.problem != null) {
                int row = rows + part.rows;
                throw new UserError("row " + row + (part.problemId == null ? "" : " (id '" + part.problemId + "')")
                        + ": " + part.problem, location);
            }
            rows += part.rows;
            values += part.size;
        }
        if (rows == 0) {
            throw new UserError("the table has no rows", location);
        }
        if (values > MAX_VALUES) {
            throw new UserError("input of " + values + " values is larger than one broadcast can hold (" + MAX_VALUES
                    + ")", location);
        }
        int[] lengths = new int[rows];
        String[] ids = columns.id() == null ? null : new String[rows];
        int at = 0;
        for (PartitionRows part : parts) {
            System.arraycopy(part.lengths, 0, lengths, at, part.rows);
            if (ids != null) {
                System.arraycopy(part.ids, 0, ids, at, part.rows);
            }
            at += part.rows;
        }
        if (ids != null) {
            checkUnique(ids, columns.id(), location);
        }
        int[] order = orderById ? byId(ids, columns.integralIds()) : null;
        return pack(parts, lengths, ids, order, (int) values, type);
    }

    private static void checkUnique(String[] ids, String column, String location) {
        Map<String, Integer> seen = new HashMap<>(ids.length * 2);
        for (int r = 0; r < ids.length; r++) {
            Integer first = seen.putIfAbsent(ids[r], r);
            if (first != null) {
                throw new UserError("row " + r + ": id '" + ids[r] + "' of column '" + column + "' is a duplicate (row "
                        + first + " has it)", location);
            }
        }
    }

    /** Row numbers in id order (ids are unique, so the order is total). */
    private static int[] byId(String[] ids, boolean integral) {
        Integer[] order = new Integer[ids.length];
        for (int r = 0; r < order.length; r++) {
            order[r] = r;
        }
        if (integral) {
            long[] keys = Arrays.stream(ids).mapToLong(Long::parseLong).toArray();
            Arrays.sort(order, Comparator.comparingLong(r -> keys[r]));
        } else {
            byte[][] keys = Arrays.stream(ids).map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
            Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(keys[a], keys[b]));
        }
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /** The values back to back, in table order or {@code order}. */
    private static Rows pack(List<PartitionRows> parts, int[] lengths, String[] ids, int[] order, int values,
                             ElementType type) {
        int rows = lengths.length;
        int[] starts = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
            starts[r + 1] = starts[r] + lengths[r];
        }
        boolean numeric = type == ElementType.DOUBLE;
        Object source = concat(parts, values, numeric);
        if (order == null) {
            return numeric ? new DoubleRows((double[]) source, starts, ids) : new ByteRows((byte[]) source, starts, ids);
        }
        Object data = numeric ? new double[values] : new byte[values];
        int[] offsets = new int[rows + 1];
        String[] sortedIds = new String[rows];
        for (int k = 0; k < rows; k++) {
            int r = order[k];
            System.arraycopy(source, starts[r], data, offsets[k], lengths[r]);
            offsets[k + 1] = offsets[k] + lengths[r];
            sortedIds[k] = ids[r];
        }
        return numeric ? new DoubleRows((double[]) data, offsets, sortedIds)
                : new ByteRows((byte[]) data, offsets, sortedIds);
    }

    private static Object concat(List<PartitionRows> parts, int values, boolean numeric) {
        Object data = numeric ? new double[values] : new byte[values];
        int at = 0;
        for (PartitionRows part : parts) {
            System.arraycopy(numeric ? part.doubles : part.bytes, 0, data, at, part.size);
            at += part.size;
        }
        return data;
    }
}
