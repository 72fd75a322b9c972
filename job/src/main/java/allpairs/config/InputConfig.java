package allpairs.config;

import allpairs.UserError;
import allpairs.io.InputFormat;

/**
 * Where the rows come from.
 *
 * @param input the query rows (any Hadoop path, or {@code table:db.name})
 * @param against reference rows for a rectangular query × reference matrix, or null
 * @param format npy, npz, text, fasta, fastq, a table format...; null to take it from each file's name
 * @param table the columns of a table input (and its order)
 */
public record InputConfig(String input, String against, InputFormat format, TableOptions table) {
    public InputConfig {
        JobConfig.require(input, "--input");
        table = table == null ? TableOptions.NONE : table;
        if (table.orderById() && table.idColumn() == null) {
            throw new UserError("--order-by-id needs --id-column (the column to sort by)", "option --order-by-id");
        }
        if (table.any() && !anyTable(input, against, format)) { // fields are not set yet: the parameters
            InputFormat.of(input, format); // a name that tells no format (a table directory) says so first
            throw new UserError("--id-column, --value-column and --order-by-id apply to table inputs"
                    + " (parquet, orc, csv, json, table:NAME) only", "option " + (table.idColumn() != null
                    ? "--id-column" : table.valueColumn() != null ? "--value-column" : "--order-by-id"));
        }
    }

    public InputConfig(String input, String against, InputFormat format) {
        this(input, against, format, TableOptions.NONE);
    }

    /** True when --input or --against is a table (read through Spark SQL, so after Spark starts). */
    public boolean anyTable() {
        return anyTable(input, against, format);
    }

    private static boolean anyTable(String input, String against, InputFormat format) {
        return InputFormat.isTable(input, format) || (against != null && InputFormat.isTable(against, format));
    }
}
