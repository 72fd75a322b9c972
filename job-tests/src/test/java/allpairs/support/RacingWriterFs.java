package allpairs.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system under the scheme {@code racing:}, where creating a file also makes another
 * writer's file appear at the local path {@link #APPEARS} names: a side file written there lets a
 * test's output appear while the job runs, just before its commit. Register it with {@link #SETTING}.
 */
public final class RacingWriterFs extends RawLocalFileSystem {
    public static final String SCHEME = "racing";
    public static final String SETTING = "spark.hadoop.fs." + SCHEME + ".impl";
    /** The Spark setting naming the local file that appears ("theirs"). */
    public static final String APPEARS = "spark.hadoop.test.racing.appears";
    private static final URI ROOT = URI.create(SCHEME + ":///");

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
        java.nio.file.Path theirs = java.nio.file.Path.of(getConf().get(APPEARS.substring("spark.hadoop.".length())));
        if (!Files.exists(theirs)) {
            Files.writeString(theirs, "theirs");
        }
        return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
    }
}
