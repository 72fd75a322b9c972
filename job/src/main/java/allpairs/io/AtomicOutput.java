package allpairs.io;

import allpairs.UserError;
import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes go to a hidden sibling ({@code .NAME.allpairs-tmp-RUN}) and are renamed onto the output
 * path only on success, so a reader never sees a partial result. Rename is atomic on local file
 * systems and HDFS; on S3A readers should wait for {@code _SUCCESS}.
 */
public final class AtomicOutput {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicOutput.class);
    static final String MARK = ".allpairs-";

    private final FileSystem fs;
    private final Path target;
    private final Path temp;
    private final boolean overwrite;
    private final String runId = UUID.randomUUID().toString();
    private OutputLock lock;
    private boolean finished;

    private AtomicOutput(FileSystem fs, Path target, boolean overwrite) {
        this.fs = fs;
        this.target = target;
        this.overwrite = overwrite;
        this.temp = sibling("tmp");
    }

    /** Refuses an existing output unless {@code overwrite}; nothing is touched. */
    public static void checkTarget(FileSystem fs, Path target, boolean overwrite, String option) throws IOException {
        if (!overwrite && fs.exists(target)) {
            throw new UserError("output already exists (use --overwrite to replace it)", target.toString());
        }
        if (target.getName().isEmpty()) {
            throw new UserError("output path has no file name", option);
        }
    }

    /**
     * Takes the output's lock (exit 2 if another run holds it), checks the target, removes
     * temporaries a killed run left behind, and names this run's temporary.
     */
    public static AtomicOutput begin(FileSystem fs, Path target, boolean overwrite) throws IOException {
        AtomicOutput out = new AtomicOutput(fs, target, overwrite);
        out.lock = OutputLock.acquire(fs, target, out.runId);
        try {
            checkTarget(fs, target, overwrite, target.toString());
            out.removeStale();
        } catch (IOException | RuntimeException e) {
            out.lock.release();
            throw e;
        }
        return out;
    }

    public Path temp() {
        return temp;
    }

    public Path target() {
        return target;
    }

    public FileSystem fileSystem() {
        return fs;
    }

    /** Moves the finished temporary onto the output path (old output first moved aside, then deleted). */
    public synchronized void commit() throws IOException {
        if (finished) {
            throw new IOException("output " + target + " was aborted (interrupted run)");
        }
        finished = true;
        try {
            moveIntoPlace();
        } finally {
            lock.release();
        }
    }

    private void moveIntoPlace() throws IOException {
        Path aside = null;
        if (fs.exists(target)) {
            if (!overwrite) {
                throw new UserError("output appeared while the job ran (use --overwrite to replace it)", target.toString());
            }
            aside = sibling("old");
            if (!fs.rename(target, aside)) {
                throw new IOException("cannot move the old output " + target + " aside to " + aside);
            }
        }
        if (!fs.rename(temp, target)) {
            if (aside != null) {
                fs.rename(aside, target);
            }
            throw new IOException("cannot rename " + temp + " to " + target);
        }
        if (aside != null) {
            fs.delete(aside, true);
        }
    }

    /** Deletes this run's temporary and releases the lock; never throws (it runs on failure paths and signals). */
    public synchronized void abort() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            fs.delete(temp, true);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove temporary output {}: {}", temp, e.toString());
        } finally {
            lock.release();
        }
    }

    private void removeStale() throws IOException {
        Path parent = target.getParent();
        if (parent == null || !fs.exists(parent)) {
            return;
        }
        String prefix = "." + target.getName() + MARK;
        Path lockPath = OutputLock.pathFor(target);
        for (FileStatus st : fs.listStatus(parent)) {
            // We hold the lock, so every other temporary of this output is a dead run's.
            if (st.getPath().getName().startsWith(prefix) && !st.getPath().getName().equals(lockPath.getName())) {
                LOG.info("removing stale temporary {} left by an earlier run", st.getPath());
                fs.delete(st.getPath(), true);
            }
        }
    }

    private Path sibling(String kind) {
        return new Path(target.getParent(), "." + target.getName() + MARK + kind + "-" + runId);
    }
}
