package allpairs.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
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

    /** Writes the ids atomically, or removes a stale sidecar when there are none. */
    public static void replace(FileSystem fs, Path sidecar, String[] ids) throws IOException {
        if (ids == null) {
            if (fs.exists(sidecar)) {
                fs.delete(sidecar, false);
            }
            return;
        }
        AtomicOutput out = AtomicOutput.begin(fs, sidecar, true);
        boolean written = false;
        try {
            try (OutputStream os = fs.create(out.temp(), false);
                 Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
                for (String id : ids) {
                    w.write(id);
                    w.write('\n');
                }
            }
            out.commit();
            written = true;
        } finally {
            if (!written) {
                out.abort();
            }
        }
    }
}
