package allpairs.spark.table;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;

/**
 * What a table column holds, as far as rows are concerned: text or bytes (symbol rows), or an array
 * of integers, floating-point numbers or decimals (numeric rows). Decided from the Spark SQL type
 * alone (instanceof, the same on Spark 3.5 and 4); the values are converted in Java, never by a cast.
 */
enum ValueKind {
    TEXT, BYTES, INTEGERS, FLOATS, DECIMALS;

    /** The kind of a value column, or null for a type that gives no rows. */
    static ValueKind of(DataType type) {
        if (type instanceof StringType) {
            return TEXT;
        }
        if (type instanceof BinaryType) {
            return BYTES;
        }
        if (!(type instanceof ArrayType array)) {
            return null;
        }
        DataType element = array.elementType();
        if (integral(element)) {
            return INTEGERS;
        }
        if (element instanceof FloatType || element instanceof DoubleType) {
            return FLOATS;
        }
        return element instanceof DecimalType ? DECIMALS : null;
    }

    /** A column that can hold ids: text or integers. */
    static boolean idType(DataType type) {
        return type instanceof StringType || integral(type);
    }

    static boolean integral(DataType type) {
        return type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
                || type instanceof LongType;
    }

    boolean symbols() {
        return this == TEXT || this == BYTES;
    }

    String describe() {
        return switch (this) {
            case TEXT -> "strings";
            case BYTES -> "binary values";
            case INTEGERS -> "arrays of integers";
            case FLOATS -> "arrays of floating-point numbers";
            case DECIMALS -> "arrays of decimals";
        };
    }
}
