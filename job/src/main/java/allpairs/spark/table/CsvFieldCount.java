package allpairs.spark.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A CSV row with more or fewer fields than the header is refused, not cut to the header's columns
 * or padded with nulls (Spark's permissive mode, without a word). Spark puts such a row's text in a
 * column of its own (its corrupt-record column), which the executors check as they pack the rows,
 * so the message names the row as any bad value does (failing fast instead would print executor
 * stack traces and name no row number). Spark counts a row's fields only when the read needs every
 * column (its column pruning otherwise parses just the fields asked for), so a CSV read selects
 * every column: the ones wanted, this column, then the rest.
 */
final class CsvFieldCount {
    /** The corrupt-record column: unlikely to be in anyone's header. */
    static final String COLUMN = "_allpairs_malformed_row";
    private static final int SHOWN = 100;

    private CsvFieldCount() {
    }

    /** The CSV at {@code location}: its header's columns (every one a string), plus {@link #COLUMN}. */
    static Dataset<Row> read(SparkSession spark, String location) {
        // RFC 4180 quotes (""), as pandas and DuckDB write them
        DataFrameReader csv = spark.read().option("header", "true").option("inferSchema", "false")
                .option("escape", "\"");
        StructType header = csv.csv(location).schema();
        return csv.schema(header.add(COLUMN, DataTypes.StringType, true))
                .option("columnNameOfCorruptRecord", COLUMN).csv(location);
    }

    /** The table's own columns (without {@link #COLUMN}). */
    static StructType visible(StructType schema) {
        return new StructType(Arrays.stream(schema.fields()).filter(f -> !f.name().equals(COLUMN))
                .toArray(StructField[]::new));
    }

    /** {@code wanted} (by name); for a CSV then {@link #COLUMN} and the other columns, so none is pruned. */
    static Dataset<Row> select(Dataset<Row> table, List<String> wanted, boolean csv) {
        List<Column> columns = new ArrayList<>();
        for (String name : wanted) {
            columns.add(quoted(table, name));
        }
        if (csv) {
            columns.add(quoted(table, COLUMN));
            for (String name : table.columns()) {
                if (!wanted.contains(name) && !name.equals(COLUMN)) {
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

    /** What is wrong with a row Spark put in {@link #COLUMN}: one line, and not a whole long sequence. */
    static String problem(String record) {
        String line = record.replace("\r", "\\r").replace("\n", "\\n");
        return "the CSV row has more or fewer fields than the header: '"
                + (line.length() <= SHOWN ? line : line.substring(0, SHOWN) + "...") + "'";
    }
}
