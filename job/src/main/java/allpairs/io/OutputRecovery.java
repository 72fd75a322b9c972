package allpairs.io;

import allpairs.UserError;
import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a killed run left beside an output, cleaned up by the next run while it holds the lock. A
 * complete staged output (its journal written) is committed; an incomplete one is deleted; a
 * previous output moved aside goes back into place unless a complete allpairs output is there. The
 * only complete copy of an output is never deleted.
 */
final class OutputRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(OutputRecovery.class);

    private OutputRecovery() {
    }

    static void recover(FileSystem fs, Path target) throws IOException {
        Path parent = target.getParent();
        if (parent == null || !fs.exists(parent)) {
            return;
        }
        String prefix = "." + target.getName() + AtomicOutput.MARK;
        for (FileStatus st : fs.listStatus(parent)) {
            String n = st.getPath().getName();
            if (n.startsWith(prefix + "tmp-") && fs.exists(OutputCommit.journal(st.getPath()))) {
                rollForward(fs, target, st.getPath(), n.substring((prefix + "tmp-").length()));
            }
        }
        for (FileStatus st : fs.listStatus(parent)) {
            String n = st.getPath().getName();
            if (n.startsWith(prefix + "tmp-")) {
                LOG.info("removing the incomplete temporary {} of a run that was killed", st.getPath());
                fs.delete(st.getPath(), true);
            } else if (n.startsWith(prefix + "old-")) {
                restore(fs, target, st);
            }
        }
    }

    private static void rollForward(FileSystem fs, Path target, Path staging, String run) throws IOException {
        LOG.info("finishing the commit of {} that a killed run left in {}", target, staging);
        try {
            new OutputCommit(fs, target, staging, AtomicOutput.sibling(target, "old", run)).finish();
        } catch (UserError e) {
            throw new UserError("a killed run left a complete output in " + staging + " but cannot put it in place ("
                    + e.getMessage() + "); move that file away, or the output out of " + staging, target.toString());
        }
    }

    /** A previous output moved aside by a commit that never finished: back into place, or dropped if replaced. */
    private static void restore(FileSystem fs, Path target, FileStatus aside) throws IOException {
        Path inside = new Path(aside.getPath(), target.getName());
        boolean layout = aside.isDirectory() && fs.exists(inside);
        if (layout) {
            for (FileStatus item : fs.listStatus(aside.getPath())) {
                Path home = new Path(target.getParent(), item.getPath().getName());
                if (!fs.exists(home)) {
                    FsMoves.move(fs, item.getPath(), home);
                }
            }
        } else if (!fs.exists(target)) {
            FsMoves.move(fs, aside.getPath(), target); // release 0.1 moved the output itself aside
        }
        if (!fs.exists(aside.getPath())) {
            LOG.info("put the previous output {} back in place from {}", target, aside.getPath());
        } else if (fs.listStatus(aside.getPath()).length == 0 || OutputMarker.read(fs, target) != null) {
            fs.delete(aside.getPath(), true);
        } else {
            LOG.warn("kept {}: it may hold the only complete copy of the output {}", aside.getPath(), target);
        }
    }
}
