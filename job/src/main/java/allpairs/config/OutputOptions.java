package allpairs.config;

import allpairs.NumberSyntax;
import allpairs.UserError;
import allpairs.io.OutputDtype;

/**
 * What to write besides the plain dense float64 matrix: float32 or integer values, the condensed
 * layout, or a sparse edge list (pairs passing a threshold, or each row's k closest partners).
 *
 * @param dtype the values' type: float32 for dense output only, int32/int16 for kernels with integer values
 * @param layout square or condensed (dense only)
 * @param keep a threshold filter (--keep below=X / above=X), or null
 * @param topK each row's K closest partners, or null
 * @param includeSelf edges include i == j
 * @param bothDirections --keep edges also for j < i
 */
public record OutputOptions(OutputDtype dtype, DenseLayout layout, Threshold keep, Integer topK, boolean includeSelf,
                            boolean bothDirections) {
    /** {@code --keep below=X} (value <= X) or {@code above=X} (value >= X). */
    public record Threshold(boolean below, double value) implements java.io.Serializable {
        public static Threshold parse(String text) {
            String t = text.trim();
            int eq = t.indexOf('=');
            String side = eq < 0 ? "" : t.substring(0, eq).trim();
            if (eq < 0 || !(side.equals("below") || side.equals("above"))) {
                throw new UserError("Cannot set --keep to '" + text + "': expected below=X or above=X", "option --keep");
            }
            try {
                return new Threshold(side.equals("below"), NumberSyntax.parseDouble(t.substring(eq + 1).trim()));
            } catch (NumberSyntax.Invalid e) {
                throw new UserError("Cannot set --keep to '" + text + "': '" + t.substring(eq + 1).trim()
                        + "' is " + e.getMessage(), "option --keep");
            }
        }

        public boolean passes(double v) {
            return below ? v <= value : v >= value;
        }
    }

    public static OutputOptions dense() {
        return new OutputOptions(OutputDtype.FLOAT64, DenseLayout.SQUARE, null, null, false, false);
    }

    /** float64, or float32 when {@code float32}. */
    public OutputOptions(boolean float32, DenseLayout layout, Threshold keep, Integer topK, boolean includeSelf,
                         boolean bothDirections) {
        this(float32 ? OutputDtype.FLOAT32 : OutputDtype.FLOAT64, layout, keep, topK, includeSelf, bothDirections);
    }

    public OutputOptions {
        dtype = dtype == null ? OutputDtype.FLOAT64 : dtype;
        if (layout == null) {
            layout = DenseLayout.SQUARE;
        }
        if (keep != null && topK != null) {
            throw new UserError("--keep and --top-k are two kinds of edge list; choose one", "option --top-k");
        }
        if (topK != null && topK < 1) {
            throw new UserError("Cannot set --top-k to " + topK + ": must be an integer >= 1", "option --top-k");
        }
        boolean sparse = keep != null || topK != null;
        if (sparse && layout == DenseLayout.CONDENSED) {
            throw new UserError("--layout condensed is a dense layout; it cannot be combined with "
                    + (topK != null ? "--top-k" : "--keep"), "option --layout");
        }
        if (sparse && dtype == OutputDtype.FLOAT32) {
            throw new UserError("--dtype float32 applies to dense output; edge values stay float64 (or an integer"
                    + " type: int32, int16)", "option --dtype");
        }
        if (!sparse && (includeSelf || bothDirections)) {
            throw new UserError((includeSelf ? "--include-self" : "--both-directions") + " applies to --keep or"
                    + " --top-k edge lists", "option " + (includeSelf ? "--include-self" : "--both-directions"));
        }
        if (bothDirections && topK != null) {
            throw new UserError("--both-directions applies to --keep; --top-k lists each row's partners already",
                    "option --both-directions");
        }
    }

    public boolean float32() {
        return dtype == OutputDtype.FLOAT32;
    }

    public boolean sparse() {
        return keep != null || topK != null;
    }
}
