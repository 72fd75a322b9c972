package allpairs.config;

import java.util.Locale;

/**
 * --preview PATH.png and how it is drawn.
 *
 * @param path where the PNG goes
 * @param log colours by log10 of the cells (--preview-scale log)
 * @param clustered rows (and columns) in a seriated order (--preview-order clustered), written to {@link #orderPath}
 */
public record PreviewConfig(String path, boolean log, boolean clustered) {
    /** The plain picture: linear colours, rows in input order. */
    public static PreviewConfig at(String path) {
        return path == null ? null : new PreviewConfig(path, false, false);
    }

    /** The side file with the picture's row order, beside the PNG ({@code x.png} → {@code x.order.json}); null when none. */
    public String orderPath() {
        if (!clustered) {
            return null;
        }
        boolean png = path.toLowerCase(Locale.ROOT).endsWith(".png");
        return (png ? path.substring(0, path.length() - 4) : path) + ".order.json";
    }
}
