package allpairs.spark.table;

import allpairs.io.ElementCheck;
import allpairs.kernel.ElementType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * One table value to one row of the kernel's element type, on an executor, with the checks of a
 * {@code .npy} input: integers range-checked for the byte types (a byte array's values taken by bit
 * pattern as symbols, like an i1 {@code .npy}), numbers finite for dtw, where NaN may pad a row's end
 * (the row ends at its first NaN). Strings are their UTF-8 bytes. The raw Java values Spark hands
 * over are converted here, never by a SQL cast, so Spark 3.5 and Spark 4 (ANSI mode) agree.
 */
final class ValueConverter implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ValueKind kind;
    private final ElementType type;
    private final boolean nanPads;
    private final String kernel;
    private final String column;

    /** @param nanPads NaN ends a row (a kernel that takes rows of different lengths) instead of being refused */
    ValueConverter(ValueKind kind, ElementType type, boolean nanPads, String kernel, String column) {
        this.kind = kind;
        this.type = type;
        this.nanPads = nanPads;
        this.kernel = kernel;
        this.column = column;
    }

    /** Appends the row's values to {@code out}; returns how many. */
    int append(Row row, int index, PartitionRows out) {
        if (row.isNullAt(index)) {
            throw bad("is null");
        }
        if (kind.symbols()) {
            byte[] b = kind == ValueKind.TEXT ? row.getString(index).getBytes(StandardCharsets.UTF_8)
                    : (byte[]) row.get(index);
            return symbols(b, out);
        }
        List<Object> values = row.getList(index);
        if (values.isEmpty()) {
            throw bad("is an empty array (a row needs a value)");
        }
        out.reserve(values.size());
        return type == ElementType.DOUBLE ? doubles(values, out) : integers(values, out);
    }

    private int symbols(byte[] b, PartitionRows out) {
        if (b.length == 0) {
            throw bad("is empty (a row needs a value)");
        }
        if (type == ElementType.INT8) {
            for (int p = 0; p < b.length; p++) {
                checkRange(b[p] & 0xFF, p);
            }
        }
        out.reserve(b.length);
        System.arraycopy(b, 0, out.bytes, out.size, b.length);
        out.size += b.length;
        return b.length;
    }

    private int doubles(List<Object> values, PartitionRows out) {
        int length = 0;
        for (int p = 0; p < values.size(); p++) {
            double v = ((Number) element(values, p)).doubleValue();
            if (Double.isNaN(v) && nanPads) {
                paddingOnly(values, p);
                break;
            }
            if (!Double.isFinite(v)) {
                throw bad("has " + v + " at position " + p + " (kernel " + kernel + " needs finite numbers)");
            }
            out.doubles[out.size++] = v;
            length++;
        }
        return length;
    }

    /** The rest of the array after the NaN at {@code from} is NaN too, and the row has a value before it. */
    private void paddingOnly(List<Object> values, int from) {
        if (from == 0) {
            throw bad("is all NaN (an empty series)");
        }
        for (int p = from + 1; p < values.size(); p++) {
            double v = ((Number) element(values, p)).doubleValue();
            if (!Double.isNaN(v)) {
                throw bad("has the number " + v + " at position " + p + " after a NaN at position " + from
                        + " (NaN may only pad the end of a row)");
            }
        }
    }

    private int integers(List<Object> values, PartitionRows out) {
        for (int p = 0; p < values.size(); p++) {
            Object e = element(values, p);
            if (e instanceof Byte b && type == ElementType.SYMBOL) {
                out.bytes[out.size++] = b; // symbols by bit pattern, as from an i1 .npy
            } else if (e instanceof BigDecimal d) {
                out.bytes[out.size++] = (byte) checkRange(integral(d, p), p);
            } else {
                out.bytes[out.size++] = (byte) checkRange(((Number) e).longValue(), p);
            }
        }
        return values.size();
    }

    private long integral(BigDecimal d, int p) {
        BigDecimal min = BigDecimal.valueOf(ElementCheck.min(type));
        BigDecimal max = BigDecimal.valueOf(ElementCheck.max(type));
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw outOfRange(d.toPlainString(), p);
        }
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            throw bad("has the value " + d.toPlainString() + " at position " + p + ", not an integer (kernel " + kernel
                    + " needs " + type + ")");
        }
        return d.longValueExact();
    }

    private long checkRange(long v, int p) {
        if (v < ElementCheck.min(type) || v > ElementCheck.max(type)) {
            throw outOfRange(Long.toString(v), p);
        }
        return v;
    }

    private Object element(List<Object> values, int p) {
        Object e = values.get(p);
        if (e == null) {
            throw bad("has a null at position " + p);
        }
        return e;
    }

    private BadValue outOfRange(String value, int p) {
        return bad("has the value " + value + " at position " + p + ", out of range " + ElementCheck.min(type) + ".."
                + ElementCheck.max(type) + " for kernel " + kernel + " (" + type + ")");
    }

    private BadValue bad(String what) {
        return new BadValue("column '" + column + "' " + what);
    }
}
