package allpairs.spark.table;

import allpairs.UserError;
import allpairs.config.TableOptions;
import allpairs.kernel.ElementType;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns a table gives rows from, chosen on the driver from its schema. The value column is
 * --value-column, or else the only column (other than the id column) of a type that gives rows:
 * string or binary (symbol rows) or an array of numbers (numeric rows); with none or several such
 * columns the run stops and names them. The id column (--id-column) holds strings or integers.
 *
 * @param id the id column's name, or null
 * @param value the value column's name
 */
record TableColumns(String id, boolean integralIds, String value, ValueKind kind) {

    static TableColumns choose(StructType schema, TableOptions options, ElementType type, String kernel,
                               String location) {
        StructField id = options.idColumn() == null ? null : field(schema, options.idColumn(), location);
        if (id != null && !ValueKind.idType(id.dataType())) {
            throw new UserError("id column '" + id.name() + "' is of type " + id.dataType().simpleString()
                    + " (ids are strings or integers)", location);
        }
        StructField value = options.valueColumn() != null ? field(schema, options.valueColumn(), location)
                : onlyCandidate(schema, id, location);
        ValueKind kind = ValueKind.of(value.dataType());
        if (kind == null) {
            throw new UserError("column '" + value.name() + "' is of type " + value.dataType().simpleString()
                    + " (values are a string, binary or array-of-numbers column)", location);
        }
        checkFits(kind, value.name(), type, kernel, location);
        return new TableColumns(id == null ? null : id.name(), id != null && ValueKind.integral(id.dataType()),
                value.name(), kind);
    }

    /** Symbol rows for the byte kernels, numbers for dtw; integers only for the integer kernels. */
    private static void checkFits(ValueKind kind, String column, ElementType type, String kernel, String location) {
        if (type == ElementType.DOUBLE && kind.symbols()) {
            throw new UserError("column '" + column + "' holds " + kind.describe() + " (symbol rows) but kernel "
                    + kernel + " needs numbers (an array column)", location);
        }
        if (type != ElementType.DOUBLE && kind == ValueKind.FLOATS) {
            throw new UserError("column '" + column + "' holds " + kind.describe() + " but kernel " + kernel
                    + " needs integers (" + type + ")", location);
        }
    }

    private static StructField onlyCandidate(StructType schema, StructField id, String location) {
        List<StructField> candidates = new ArrayList<>();
        for (StructField f : schema.fields()) {
            if (f != id && ValueKind.of(f.dataType()) != null) {
                candidates.add(f);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        throw new UserError((candidates.isEmpty() ? "no column" : candidates.size() + " columns (" + names(candidates)
                + ")") + " of string, binary or array-of-numbers type" + (candidates.isEmpty() ? " (columns: "
                + names(List.of(schema.fields())) + ")" : "") + "; name the values with --value-column", location);
    }

    /** By exact name, or else the one column equal ignoring case (Spark SQL's default resolution). */
    private static StructField field(StructType schema, String name, String location) {
        StructField match = null;
        for (StructField f : schema.fields()) {
            if (f.name().equals(name)) {
                return f;
            }
            if (f.name().equalsIgnoreCase(name)) {
                match = match == null ? f : null;
            }
        }
        if (match == null) {
            throw new UserError("no column '" + name + "' in the table (columns: " + names(List.of(schema.fields()))
                    + ")", location);
        }
        return match;
    }

    private static String names(List<StructField> fields) {
        return String.join(", ", fields.stream().map(StructField::name).toList());
    }
}
