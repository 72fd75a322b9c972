package allpairs.support;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system under the scheme {@code fulldisk:}, on which every file creation fails as on a
 * full disk, while the checks before the run (the directory exists and is writable) pass: a write
 * that fails only once the job has run. Register it with {@link #SETTING}.
 */
public final class FullDiskFs extends RawLocalFileSystem {
    public static final String SCHEME = "fulldisk";
    /** The Spark setting that makes {@code fulldisk:} paths resolve here. */
    public static final String SETTING = "spark.hadoop.fs." + SCHEME + ".impl";
    private static final URI ROOT = URI.create(SCHEME + ":///");

    /** {@code path} (a local absolute path) on this file system. */
    public static String uri(java.nio.file.Path path) {
        return SCHEME + "://" + path.toAbsolutePath();
    }

    @Override
    public URI getUri() {
        return ROOT;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                     Progressable progress) throws IOException {
        throw new IOException("No space left on device: " + f);
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                     short replication, long blockSize, Progressable progress) throws IOException {
        throw new IOException("No space left on device: " + f);
    }
}
