package allpairs.io;

import allpairs.UserError;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a staged output into place. The staging folder ({@code .NAME.allpairs-tmp-RUN}) holds the
 * new output and its sidecars under their final names; once its journal ({@value #JOURNAL}) is
 * written the staged output is complete, and from then on any run may finish the commit: move the
 * previous output's items aside ({@code .NAME.allpairs-old-RUN}), the staged items into place
 * (marker last), then delete both folders. Every step can be redone from what is on disk, so a kill
 * anywhere leaves a complete output, old or new, that the next run rolls forward to.
 */
final class OutputCommit {
    private static final Logger LOG = LoggerFactory.getLogger(OutputCommit.class);
    static final String JOURNAL = "_allpairs-commit.json";
    /** Test hook: a kill after this many moves (the test catches the Error as the end of the process). */
    static volatile int killAfterMoves = Integer.MAX_VALUE;

    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final Path aside;
    private final Deque<Path[]> done = new ArrayDeque<>();

    OutputCommit(FileSystem fs, Path target, Path staging, Path aside) {
        this.fs = fs;
        this.target = target;
        this.staging = staging;
        this.aside = aside;
    }

    static Path journal(Path staging) {
        return new Path(staging, JOURNAL);
    }

    /** Marks the staged output complete: the journal appears in one rename. */
    void writeJournal(OutputMarker fresh) throws IOException {
        Path part = new Path(staging, JOURNAL + ".part");
        fs.delete(part, false);
        fresh.writeTo(fs, part);
        FsMoves.move(fs, part, journal(staging));
    }

    /**
     * Finishes the commit from whatever state it is in. Throws {@link UserError} when a name it
     * must fill holds a file allpairs did not write; what it moved is then still recorded for {@link #undo}.
     */
    void finish() throws IOException {
        String name = target.getName();
        OutputMarker fresh = OutputMarker.parse(fs, journal(staging));
        if (fresh == null) {
            throw new IOException("no commit journal in " + staging);
        }
        List<String> incoming = fresh.items(name);
        OutputMarker old = previous(fresh.run());
        Set<String> outgoing = new LinkedHashSet<>(old == null ? List.of() : old.items(name));
        Set<String> names = new LinkedHashSet<>(outgoing);
        names.addAll(incoming);
        for (String item : names) {
            Path at = new Path(target.getParent(), item);
            boolean placed = incoming.contains(item) && !fs.exists(new Path(staging, item));
            if (placed || !fs.exists(at)) {
                continue;
            }
            if (!outgoing.contains(item)) {
                throw new UserError("a file allpairs did not write appeared where the output goes", at.toString());
            }
            fs.mkdirs(aside);
            move(at, new Path(aside, item));
        }
        for (String item : incoming) {
            Path staged = new Path(staging, item);
            if (fs.exists(staged)) {
                move(staged, new Path(target.getParent(), item));
            }
        }
        fs.delete(aside, true);
        fs.delete(staging, true);
    }

    /** Puts back what {@link #finish} moved (newest first) and removes the staging folder. */
    void undo() {
        try {
            while (!done.isEmpty()) {
                Path[] m = done.peek();
                FsMoves.move(fs, m[1], m[0]);
                done.pop();
            }
            fs.delete(aside, true);
            fs.delete(staging, true);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not undo the failed commit of {} ({}); the next run on it finishes it", target,
                    e.toString());
        }
    }

    /** The previous output's marker: still in place, or already moved aside. */
    private OutputMarker previous(String freshRun) throws IOException {
        OutputMarker inPlace = OutputMarker.read(fs, target);
        if (inPlace != null && !inPlace.run().equals(freshRun)) {
            return inPlace;
        }
        return fs.exists(aside) ? OutputMarker.read(fs, new Path(aside, target.getName())) : null;
    }

    private void move(Path from, Path to) throws IOException {
        if (killAfterMoves-- <= 0) {
            throw new SimulatedKill();
        }
        FsMoves.move(fs, from, to);
        done.push(new Path[] {from, to});
    }

    /** Thrown by the test hook; an Error, so no cleanup of ours catches it. */
    static final class SimulatedKill extends Error {
        private static final long serialVersionUID = 1L;
    }
}
