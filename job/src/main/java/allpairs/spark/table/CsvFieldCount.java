package allpairs.spark.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A CSV row with more or fewer fields than the header is refused, not cut or padded with nulls.
 * Spark reads CSV failing fast on such a row (TableSource), but checks the count only where the
 * read needs every column: its column pruning otherwise parses just the fields asked for, and the
 * surplus goes unseen. So a CSV read selects every column, the ones wanted first.
 */
final class CsvFieldCount {
    private static final int SHOWN = 100;

    private CsvFieldCount() {
    }

    /** {@code wanted} (by name), then the table's other columns, so no column is pruned. */
    static Dataset<Row> everyColumn(Dataset<Row> table, List<String> wanted, boolean csv) {
        List<Column> columns = new ArrayList<>();
        for (String name : wanted) {
            columns.add(quoted(table, name));
        }
        if (csv) {
            for (String name : table.columns()) {
                if (!wanted.contains(name)) {
                    columns.add(quoted(table, name));
                }
            }
        }
        return table.select(columns.toArray(new Column[0]));
    }

    /** A column by its exact name, even one with dots or spaces. */
    private static Column quoted(Dataset<Row> table, String name) {
        return table.col("`" + name.replace("`", "``") + "`");
    }

    /** The text of the CSV record whose field count is wrong, if that is what stopped the read, or null. */
    static String badRecord(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SparkThrowable s && "MALFORMED_CSV_RECORD".equals(s.getErrorClass())) {
                Map<String, String> parameters = s.getMessageParameters();
                String record = parameters == null ? null : parameters.get("badRecord");
                return shown(record == null ? "?" : record);
            }
        }
        return null;
    }

    /** One line, and not a whole long sequence. */
    private static String shown(String record) {
        String line = record.replace("\r", "\\r").replace("\n", "\\n");
        return line.length() <= SHOWN ? line : line.substring(0, SHOWN) + "...";
    }
}
