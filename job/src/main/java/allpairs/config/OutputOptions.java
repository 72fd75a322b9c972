package allpairs.config;

import allpairs.NumberSyntax;
import allpairs.UserError;

/**
 * What to write besides the plain dense float64 matrix: float32 values, the condensed layout,
 * or a sparse edge list (pairs passing a threshold, or each row's k closest partners).
 *
 * @param float32 dense values rounded once to float32
 * @param layout square or condensed (dense only)
 * @param keep a threshold filter (--keep below=X / above=X), or null
 * @param topK each row's K closest partners, or null
 * @param includeSelf edges include i == j
 * @param bothDirections --keep edges also for j < i
 */
public record OutputOptions(boolean float32, DenseLayout layout, Threshold keep, Integer topK, boolean includeSelf,
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
        return new OutputOptions(false, DenseLayout.SQUARE, null, null, false, false);
    }

    public OutputOptions {
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
        if (sparse && float32) {
            throw new UserError("--dtype float32 applies to dense output; edge values stay float64", "option --dtype");
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

    public boolean sparse() {
        return keep != null || topK != null;
    }
}
