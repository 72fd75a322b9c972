package allpairs.config;

/**
 * How a table input (Parquet, ORC, CSV, JSON, a catalog table) becomes rows.
 *
 * @param idColumn the column of row ids, or null: rows are numbered
 * @param valueColumn the column of values, or null: the table's only string, binary or numeric-array column
 * @param orderById sort the rows by the id column (otherwise they come in the order Spark reads them)
 */
public record TableOptions(String idColumn, String valueColumn, boolean orderById) {
    public static final TableOptions NONE = new TableOptions(null, null, false);

    /** True when any table option was given (they make sense only for a table input). */
    public boolean any() {
        return idColumn != null || valueColumn != null || orderById;
    }
}
