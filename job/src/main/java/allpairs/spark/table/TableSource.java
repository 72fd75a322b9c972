package allpairs.spark.table;

import allpairs.UserError;
import allpairs.io.InputFormat;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A table input as Spark SQL reads it (so partitioned datasets, object stores and catalogs work):
 * Parquet, ORC and JSON with their own types, CSV with a header line and every column a string, or
 * a table of the session's catalog ({@code table:db.name}).
 */
final class TableSource {
    private TableSource() {
    }

    static Dataset<Row> load(SparkSession spark, String location, InputFormat format) {
        try {
            return switch (format) {
                case TABLE -> spark.table(location.substring(InputFormat.TABLE_PREFIX.length()));
                case PARQUET -> spark.read().parquet(location);
                case ORC -> spark.read().orc(location);
                case CSV -> CsvFieldCount.read(spark, location);
                case JSON -> spark.read().json(location);
                default -> throw new IllegalArgumentException(format + " is not a table format");
            };
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) { // AnalysisException is checked in Java: a missing path or table, a bad name
            if (e instanceof AnalysisException) {
                throw new UserError("cannot read the " + what(format) + " (" + firstLine(e.getMessage()) + ")",
                        location);
            }
            throw new IllegalStateException(e);
        }
    }

    private static String what(InputFormat format) {
        return format == InputFormat.TABLE ? "catalog table" : format.name().toLowerCase(java.util.Locale.ROOT)
                + " input";
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int eol = message.indexOf('\n');
        return (eol < 0 ? message : message.substring(0, eol)).strip();
    }
}
