package allpairs.io;

import allpairs.UserError;
import java.io.File;
import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock file that one run at a time holds, with the output lock's primitives: an OS lock on the
 * local file system ({@link LocalLock}), exclusive creation elsewhere ({@link CreateLock}: exclusive
 * on HDFS, not on S3A). The checkpoint directory's owner takes one.
 */
public final class ExclusiveLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExclusiveLock.class);

    private final Path path;
    private final OutputLock.Held held;

    private ExclusiveLock(Path path, OutputLock.Held held) {
        this.path = path;
        this.held = held;
    }

    /**
     * Takes the lock at {@code location}, or throws a {@link UserError} naming {@code where} and the
     * holder: "{@code what} (lock held by HOST PID RUN; ...)".
     */
    public static ExclusiveLock take(String location, String what, String where, Configuration conf)
            throws IOException {
        Path lock = new Path(location);
        FileSystem fs = HadoopFs.of(lock, conf);
        lock = fs.makeQualified(lock);
        String owner = OutputLock.host() + " " + ProcessHandle.current().pid() + " " + UUID.randomUUID();
        File local = HadoopFs.localFile(fs, lock);
        OutputLock.Held held = local != null ? LocalLock.take(local.toPath(), owner) : CreateLock.take(fs, lock, owner);
        if (held == null) {
            String holder = OutputLock.read(fs, lock);
            String hint = local != null ? "it is released when that process ends"
                    : "if that run is dead (check the host), delete " + lock;
            throw new UserError(what + " (lock held by " + (holder == null || holder.isEmpty() ? "a run starting now"
                    : holder) + "; " + hint + ")", where);
        }
        return new ExclusiveLock(lock, held);
    }

    /** Releases the lock; a failure is logged, never thrown (the run's result stands). */
    @Override
    public void close() {
        try {
            held.release();
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove the lock {}: {}", path, e.toString());
        }
    }
}
