package allpairs.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Row ids next to the matrix: {@code <output>.ids.txt} (query rows, for .npy output) and
 * {@code <output>.ref_ids.txt} (reference rows of --against), one id per line in row order.
 */
public final class Sidecars {
    private Sidecars() {
    }

    public static Path ids(Path output) {
        return new Path(output.getParent(), output.getName() + ".ids.txt");
    }

    public static Path refIds(Path output) {
        return new Path(output.getParent(), output.getName() + ".ref_ids.txt");
    }

    /** The sidecar names of an output called {@code name}. */
    static List<String> names(String name) {
        return List.of(name + ".ids.txt", name + ".ref_ids.txt");
    }

    /**
     * Stages the ids of {@code sidecar} in {@code output}, so they move into place with the matrix at
     * commit (null ids: none staged, and a previous output's sidecar goes with it).
     */
    public static void stage(AtomicOutput output, Path sidecar, String[] ids) throws IOException {
        FileSystem fs = output.fileSystem();
        Path staged = output.stage(sidecar);
        fs.delete(staged, false);
        if (ids != null) {
            AtomicFile.write(fs, staged, text(ids));
        }
    }

    private static byte[] text(String[] ids) {
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            sb.append(id).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
