package allpairs.config;

import allpairs.UserError;
import java.util.Locale;
import java.util.Set;

/**
 * An output name must not promise another format than the one written: {@code --output x.csv} would
 * otherwise be a Parquet directory named x.csv, and {@code --format parquet --output x.npy} a directory
 * that numpy cannot load.
 */
final class OutputName {
    /** Extensions of formats allpairs does not write, which a user would take for the output's format. */
    private static final Set<String> FOREIGN = Set.of("txt", "json", "jsonl", "ndjson", "npz", "png",
            "orc", "avro", "xlsx", "h5", "hdf5", "mat", "gz", "zip", "feather", "arrow");

    private OutputName() {
    }

    static void check(String path, OutputFormat format, boolean formatAsked) {
        String name = path.replaceAll("/+$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        OutputFormat named = OutputFormat.ofExtension(ext);
        if (named != null && named != format) {
            throw new UserError("--output " + path + " ends in ." + ext + " but --format is " + format.label()
                    + ": name it for the format it gets", "option --output");
        }
        if (named == null && FOREIGN.contains(ext)) {
            throw new UserError("--output " + path + " ends in ." + ext + ", a format allpairs does not write (it writes"
                    + " .npy, a Parquet directory, or CSV/TSV edge lists" + (formatAsked ? ", here " + format.label() : "")
                    + "): end it in ." + (format == OutputFormat.PARQUET ? "parquet" : format.label()), "option --output");
        }
    }
}
