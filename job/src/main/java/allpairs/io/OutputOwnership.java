package allpairs.io;

import allpairs.UserError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Which names beside an output a run may fill: the output itself (if absent, or with --overwrite a
 * previous allpairs output, every file of it listed by its marker) and the sidecar and marker names
 * (if absent or belonging to that previous output). Anything else is the user's: exit 2 naming it.
 */
final class OutputOwnership {
    private OutputOwnership() {
    }

    /** @param atCommit whether the job already ran (then an output that is there now appeared meanwhile) */
    static void check(FileSystem fs, Path target, boolean overwrite, boolean atCommit) throws IOException {
        String name = target.getName();
        OutputMarker old = OutputMarker.read(fs, target);
        if (fs.exists(target)) {
            if (!overwrite) {
                throw new UserError(atCommit ? "output appeared while the job ran (use --overwrite to replace it)"
                        : "output already exists (use --overwrite to replace it)", target.toString());
            }
            if (old == null) {
                throw new UserError("output was not written by allpairs (no " + OutputMarker.INSIDE + " inside or "
                        + OutputMarker.beside(name) + " beside it), and --overwrite replaces only allpairs outputs;"
                        + " move it away or choose another --output", target.toString());
            }
            Path foreign = old.foreign(fs, target);
            if (foreign != null) {
                throw new UserError("output holds a file allpairs did not write, and --overwrite replaces only"
                        + " allpairs outputs; move it away or choose another --output", foreign.toString());
            }
        }
        List<String> owned = old == null ? List.of() : old.items(name);
        for (String side : besideNames(name)) {
            Path p = new Path(target.getParent(), side);
            if (!owned.contains(side) && fs.exists(p)) {
                throw new UserError("a file allpairs did not write is where the output's "
                        + (side.equals(OutputMarker.beside(name)) ? "marker" : "sidecar") + " goes; move it away"
                        + " or choose another --output", p.toString());
            }
        }
    }

    /** Every name beside the output that a run may write. */
    static List<String> besideNames(String name) {
        List<String> names = new ArrayList<>(Sidecars.names(name));
        names.add(OutputMarker.beside(name));
        return names;
    }
}
