package allpairs.io;

import allpairs.UserError;
import allpairs.kernel.ElementType;

/** Range checks when converting input values to a kernel's element type: errors name row and column. */
public final class ElementCheck {
    private ElementCheck() {
    }

    public static long min(ElementType type) {
        return type == ElementType.INT8 ? -128 : 0;
    }

    public static long max(ElementType type) {
        return type == ElementType.INT8 ? 127 : 255;
    }

    /** An integer value for a byte element type, as the byte to store. */
    static byte toByte(long value, ElementType type, String kernel, int row, int col, String where) {
        if (value < min(type) || value > max(type)) {
            throw outOfRange(Long.toString(value), type, kernel, row, col, where);
        }
        return (byte) value;
    }

    static UserError outOfRange(String value, ElementType type, String kernel, int row, int col, String where) {
        return new UserError("value " + value + " at row " + row + ", column " + col + " is out of range "
                + min(type) + ".." + max(type) + " for kernel " + kernel + " (" + type + ")", where);
    }

    static double finite(double value, String kernel, int row, int col, String where) {
        if (!Double.isFinite(value)) {
            throw new UserError("value " + value + " at row " + row + ", column " + col
                    + " is not finite (kernel " + kernel + " needs finite numbers)", where);
        }
        return value;
    }
}
