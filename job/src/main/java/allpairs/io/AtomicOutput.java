package allpairs.io;

import allpairs.UserError;
import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's output, invisible until complete: the job writes it, and its sidecars, into a hidden
 * staging folder beside the output ({@code .NAME.allpairs-tmp-RUN}); {@link #commit} marks it as
 * written by allpairs and moves it into place ({@link OutputCommit}). The output's lock
 * ({@link OutputLock}) is held from {@link #begin} to commit or abort. See the README ("Running
 * from a scheduler") for what each file system guarantees.
 */
public final class AtomicOutput {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicOutput.class);
    static final String MARK = ".allpairs-";

    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final boolean overwrite;
    private final String runId = UUID.randomUUID().toString();
    private OutputLock lock;
    private boolean finished;
    private boolean commitForbidden;
    private volatile boolean committed;

    private AtomicOutput(FileSystem fs, Path target, boolean overwrite) {
        this.fs = fs;
        this.target = target;
        this.overwrite = overwrite;
        this.staging = sibling(target, "tmp", runId);
    }

    /**
     * Refuses, before any work, an output the run may not write: an existing one without
     * {@code overwrite}, one allpairs did not write, a sidecar name held by another file, or a folder
     * that is a file or that we may not write (the lock, staging folder and output all go there).
     */
    public static void checkTarget(FileSystem fs, Path target, boolean overwrite, String option) throws IOException {
        if (target.getName().isEmpty()) {
            throw new UserError("output path has no file name", option);
        }
        target = fs.makeQualified(target);
        WritablePlace.require(fs, target.getParent(), "the output " + target, option);
        OutputOwnership.check(fs, target, overwrite, false);
    }

    /**
     * Takes the output's lock (exit 2 if another run holds it), finishes or cleans up what killed
     * runs left, checks the target, and opens this run's staging folder.
     */
    public static AtomicOutput begin(FileSystem fs, Path target, boolean overwrite) throws IOException {
        AtomicOutput out = new AtomicOutput(fs, fs.makeQualified(target), overwrite);
        out.lock = OutputLock.acquire(fs, out.target, out.runId);
        try {
            OutputRecovery.recover(fs, out.target);
            checkTarget(fs, out.target, overwrite, out.target.toString());
            fs.mkdirs(out.staging);
        } catch (IOException | RuntimeException e) {
            out.lock.release();
            throw e;
        }
        return out;
    }

    /** Where the job writes the output (a file or a directory). */
    public Path temp() {
        return new Path(staging, target.getName());
    }

    public Path target() {
        return target;
    }

    public FileSystem fileSystem() {
        return fs;
    }

    /** Where to write {@code sidecar} (a name beside the output) so that it moves into place with it. */
    public Path stage(Path sidecar) {
        String name = sidecar.getName();
        if (!Sidecars.names(target.getName()).contains(name)) {
            throw new IllegalArgumentException(sidecar + " is not a sidecar of " + target);
        }
        return new Path(staging, name);
    }

    /**
     * Moves the staged output and its sidecars into place, replacing a previous allpairs output
     * (with {@code overwrite}). On failure nothing of this run is left and what was there stays.
     */
    public synchronized void commit() throws IOException {
        if (finished || commitForbidden) {
            throw new IOException("output " + target + " was aborted (interrupted run)");
        }
        finished = true;
        OutputCommit commit = new OutputCommit(fs, target, staging, sibling(target, "old", runId));
        try {
            OutputMarker fresh = OutputMarker.describe(fs, temp(), runId, stagedSidecars());
            fresh.write(fs, temp());
            OutputOwnership.check(fs, target, overwrite, true);
            commit.writeJournal(fresh);
            commit.finish();
            committed = true;
        } catch (IOException | RuntimeException e) {
            commit.undo();
            throw e;
        } finally {
            lock.release();
        }
    }

    private java.util.List<String> stagedSidecars() throws IOException {
        java.util.List<String> staged = new java.util.ArrayList<>();
        for (String name : Sidecars.names(target.getName())) {
            if (fs.exists(new Path(staging, name))) {
                staged.add(name);
            }
        }
        return staged;
    }

    /**
     * From now on {@link #commit} refuses (a signal came): a commit already under way finishes first, since
     * both hold this object's lock, so the output is either complete or never moves into place. The staging
     * folder stays until {@link #abort}: tasks may still be writing into it.
     */
    public synchronized void forbidCommit() {
        commitForbidden = true;
    }

    /** True once {@link #commit} has moved the output into place (a signal arriving later must not say otherwise). */
    public boolean committed() {
        return committed;
    }

    /** Deletes this run's staging folder and releases the lock; never throws (it runs on failure paths and signals). */
    public synchronized void abort() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            fs.delete(staging, true);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove temporary output {}: {}", staging, e.toString());
        } finally {
            lock.release();
        }
    }

    static Path sibling(Path target, String kind, String run) {
        return new Path(target.getParent(), "." + target.getName() + MARK + kind + "-" + run);
    }
}
