package allpairs.io;

import allpairs.UserError;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The type a result's values are written as ({@code --dtype}). Kernels compute in double; a value is
 * converted once, when written: rounded to float32, or cast to an integer type (only for kernels whose
 * values are integers, checked against the type's range before the run: {@code Inputs}).
 */
public enum OutputDtype {
    FLOAT64("<f8", 8, Double.MAX_VALUE),
    FLOAT32("<f4", 4, Float.MAX_VALUE),
    INT32("<i4", 4, Integer.MAX_VALUE),
    INT16("<i2", 2, Short.MAX_VALUE);

    private final String descr;
    private final int bytes;
    private final double max;

    OutputDtype(String descr, int bytes, double max) {
        this.descr = descr;
        this.bytes = bytes;
        this.max = max;
    }

    public static OutputDtype parse(String text) {
        for (OutputDtype d : values()) {
            if (d.label().equals(text)) {
                return d;
            }
        }
        throw new UserError("Cannot set --dtype to '" + text + "': must be float64, float32, int32 or int16",
                "option --dtype");
    }

    /** As the option and the summary spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** NumPy's descr, little-endian. */
    public String descr() {
        return descr;
    }

    public int bytes() {
        return bytes;
    }

    public boolean integral() {
        return this == INT32 || this == INT16;
    }

    /** The largest magnitude the type holds (the integer types: their maximum, so that -max fits as well). */
    public double max() {
        return max;
    }

    /** Appends {@code v} in this type; an integer type gets an integer (the kernel's, checked up front). */
    public void put(ByteBuffer buffer, double v) {
        switch (this) {
            case FLOAT64 -> buffer.putDouble(v);
            case FLOAT32 -> buffer.putFloat((float) v);
            case INT32 -> buffer.putInt((int) v);
            case INT16 -> buffer.putShort((short) v);
        }
    }

    /** {@code count} values from {@code values[from]} as an array of this type (double[], float[], int[], short[]). */
    public Object array(double[] values, int from, int count) {
        switch (this) {
            case FLOAT64:
                return java.util.Arrays.copyOfRange(values, from, from + count);
            case FLOAT32: {
                float[] a = new float[count];
                for (int c = 0; c < count; c++) {
                    a[c] = (float) values[from + c];
                }
                return a;
            }
            case INT32: {
                int[] a = new int[count];
                for (int c = 0; c < count; c++) {
                    a[c] = (int) values[from + c];
                }
                return a;
            }
            default: {
                short[] a = new short[count];
                for (int c = 0; c < count; c++) {
                    a[c] = (short) values[from + c];
                }
                return a;
            }
        }
    }

    /** The value as a boxed Java number of this type (for Spark rows). */
    public Object box(double v) {
        return switch (this) {
            case FLOAT64 -> v;
            case FLOAT32 -> (float) v;
            case INT32 -> (int) v;
            case INT16 -> (short) v;
        };
    }
}
