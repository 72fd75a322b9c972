package allpairs.spark.table;

import allpairs.UserError;
import allpairs.config.TableOptions;
import allpairs.io.InputFormat;
import allpairs.kernel.ElementType;
import allpairs.kernel.Kernel;
import allpairs.kernel.Rows;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a table input into rows: the columns are chosen on the driver from the schema, the executors
 * convert and check each partition's values and send them back packed, and the driver puts the
 * partitions together in the order Spark read them (or sorted by id), numbering rows across the
 * whole table for its messages. The rows then go the way of any other input.
 */
public final class TableInput {
    private static final Logger LOG = LoggerFactory.getLogger(TableInput.class);

    private TableInput() {
    }

    /**
     * @param format the table's format ({@link InputFormat#isTable()})
     * @param option the option that named it (for messages)
     */
    public static Rows read(SparkSession spark, String location, InputFormat format, TableOptions options,
                            Kernel<?> kernel, String option) {
        return rows(TableSource.load(spark, location, format), format == InputFormat.CSV, location, options, kernel,
                option);
    }

    /**
     * A caller's own Dataset (the Java API, {@code allpairs.api}) read as a table input is: the same
     * column choice, conversions and checks, its problems named by {@code name}.
     */
    public static Rows fromDataset(Dataset<Row> table, String name, TableOptions options, Kernel<?> kernel) {
        return rows(table, false, name, options, kernel, "from"); // logs "from the rows Dataset: ..."
    }

    private static Rows rows(Dataset<Row> table, boolean csv, String location, TableOptions options, Kernel<?> kernel,
                             String option) {
        ElementType type = kernel.elementType();
        TableColumns columns = TableColumns.choose(CsvFieldCount.visible(table.schema()), options, type, kernel.name(),
                location);
        LOG.info("{} {}: values from column '{}' ({}), ids from {}", option, location, columns.value(),
                columns.kind().describe(), columns.id() == null ? "row numbers" : "column '" + columns.id() + "'");
        Dataset<Row> selected = CsvFieldCount.select(table, columns.id() == null ? List.of(columns.value())
                : List.of(columns.id(), columns.value()), csv);
        boolean nanPads = type == ElementType.DOUBLE && !kernel.needsEqualLengths();
        RowPacker packer = new RowPacker(columns.id(), columns.integralIds(), type == ElementType.DOUBLE, csv,
                new ValueConverter(columns.kind(), type, nanPads, kernel.name(), columns.value()));
        List<PartitionRows> parts = collect(selected, packer, location);
        return TableRowsAssembler.assemble(parts, columns, options.orderById(), type, location);
    }

    private static List<PartitionRows> collect(Dataset<Row> selected, RowPacker packer, String location) {
        try {
            return selected.toJavaRDD().mapPartitions(packer).collect();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) { // a file Spark cannot decode (SparkException is checked in Java)
            Throwable input = e instanceof SparkException ? inputProblem(e) : null;
            if (input != null) {
                throw new UserError("cannot read the table (" + TableSource.firstLine(input.getMessage()) + ")",
                        location, e);
            }
            throw new IllegalStateException(e);
        }
    }

    /** The cause that says the data cannot be read (I/O, or a file format's decoder), or null: then it is ours. */
    private static Throwable inputProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String name = c.getClass().getName();
            if (c instanceof java.io.IOException || name.startsWith("org.apache.parquet.")
                    || name.startsWith("org.apache.orc.") || name.startsWith("com.fasterxml.jackson.")) {
                return c;
            }
        }
        return null;
    }
}
