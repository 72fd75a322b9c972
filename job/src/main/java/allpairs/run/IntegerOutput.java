package allpairs.run;

import allpairs.UserError;
import allpairs.io.OutputDtype;
import allpairs.kernel.Kernel;

/**
 * {@code --dtype int32/int16} only where every value is an integer that fits, decided before any work
 * from the kernel's bound for the longest rows (so a run never fails half-written on a value that
 * does not fit; a bound may refuse a run whose actual values would have fitted).
 */
final class IntegerOutput {
    private IntegerOutput() {
    }

    static void check(OutputDtype dtype, Kernel<?> kernel, int longestRow) {
        if (!dtype.integral()) {
            return;
        }
        double bound = kernel.integerBound(longestRow, longestRow);
        if (Double.isNaN(bound)) {
            throw new UserError("--dtype " + dtype.label() + " writes integers, but " + kernel.name() + "'s values are"
                    + " not all integers (integer dtypes: levenshtein, and nw/sw with integer scores); use float64"
                    + " or float32", "option --dtype");
        }
        if (bound > dtype.max()) {
            throw new UserError(String.format(java.util.Locale.ROOT, "--dtype %s holds values up to %.0f, but %s's"
                    + " values can reach %.0f for rows of up to %d symbols: use %s", dtype.label(), dtype.max(),
                    kernel.name(), bound, longestRow, dtype == OutputDtype.INT16 ? "int32" : "float64"), "option --dtype");
        }
    }
}
