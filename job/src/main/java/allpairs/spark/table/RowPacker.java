package allpairs.spark.table;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * On an executor: one partition of (id, value) rows, or (value) rows, packed into one
 * {@link PartitionRows}. The first bad id or value ends the partition; it is reported, not thrown
 * (a thrown error would fail and retry the task, and name no row of the whole table).
 */
final class RowPacker implements FlatMapFunction<Iterator<Row>, PartitionRows> {
    private static final long serialVersionUID = 1L;
    private final String idColumn;
    private final boolean integralIds;
    private final boolean numeric;
    private final boolean fieldCounts;
    private final ValueConverter values;

    /**
     * @param idColumn the id column (the rows' first field), or null
     * @param fieldCounts whether the field after the value is {@link CsvFieldCount#COLUMN}
     */
    RowPacker(String idColumn, boolean integralIds, boolean numeric, boolean fieldCounts, ValueConverter values) {
        this.idColumn = idColumn;
        this.integralIds = integralIds;
        this.numeric = numeric;
        this.fieldCounts = fieldCounts;
        this.values = values;
    }

    @Override
    public Iterator<PartitionRows> call(Iterator<Row> rows) {
        boolean withIds = idColumn != null;
        PartitionRows out = new PartitionRows(withIds, numeric);
        while (rows.hasNext()) {
            Row row = rows.next();
            String id = null;
            int start = out.size;
            try {
                id = withIds ? id(row) : null;
                int malformed = withIds ? 2 : 1;
                if (fieldCounts && !row.isNullAt(malformed)) {
                    throw new BadValue(CsvFieldCount.problem(row.getString(malformed)));
                }
                out.endRow(id, values.append(row, withIds ? 1 : 0, out));
            } catch (BadValue e) {
                out.size = start;
                out.fail(id, e.getMessage());
                break;
            }
        }
        return List.of(out.trimmed()).iterator();
    }

    /** Ids go one per line into the ids sidecar: none empty, none with a line break. */
    private String id(Row row) {
        if (row.isNullAt(0)) {
            throw new BadValue("id column '" + idColumn + "' is null");
        }
        String id = integralIds ? Long.toString(((Number) row.get(0)).longValue()) : row.getString(0);
        if (id.isEmpty()) {
            throw new BadValue("id column '" + idColumn + "' is empty");
        }
        if (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
            throw new BadValue("id column '" + idColumn + "' holds a line break (ids are written one per line)");
        }
        return id;
    }
}
