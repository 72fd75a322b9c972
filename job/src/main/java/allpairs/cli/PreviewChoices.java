package allpairs.cli;

import allpairs.UserError;
import allpairs.config.PreviewConfig;

/** --preview-scale and --preview-order: their values, and only together with --preview. */
final class PreviewChoices {
    private PreviewChoices() {
    }

    /** The preview asked for, or null; a bad value, or a style without --preview, is refused. */
    static PreviewConfig config(String path, String scale, String order) {
        boolean log = scale != null && choice("--preview-scale", scale, "linear", "log");
        boolean clustered = order != null && choice("--preview-order", order, "input", "clustered");
        if (path == null) {
            if (scale != null || order != null) {
                String option = scale != null ? "--preview-scale" : "--preview-order";
                throw new UserError(option + " styles the picture of --preview PATH.png: add --preview",
                        "option " + option);
            }
            return null;
        }
        return new PreviewConfig(path, log, clustered);
    }

    private static boolean choice(String option, String value, String no, String yes) {
        if (!no.equals(value) && !yes.equals(value)) {
            throw new UserError("Cannot set " + option + " to '" + value + "': must be " + no + " or " + yes,
                    "option " + option);
        }
        return yes.equals(value);
    }
}
