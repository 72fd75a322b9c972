package allpairs.io;

import allpairs.UserError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Refuses, before any work, paths of one run that would land on each other: a side file
 * (--summary-json, --preview) or the checkpoint on the output, a name the output owns beside it
 * (sidecars, marker, lock, temporaries), inside the output or holding it; and those paths on one
 * another; and any of the places written (the output included) on an input, inside one or holding one,
 * which a run would overwrite or, with --overwrite, delete. Paths are compared qualified (scheme, authority, absolute, {@code ..} resolved), never as
 * strings; symbolic links are not followed.
 */
public final class PathClashes {
    /** A path given by an option (null location: not given). */
    public record Place(String option, String location) {
    }

    private record Qualified(String option, Path path) {
    }

    private PathClashes() {
    }

    /**
     * @param others the other places, in the order they are named in a message (the later one is named)
     * @param inputs the places read (paths only: a catalog table is no path)
     */
    public static void refuse(Configuration hadoop, String output, List<Place> others, List<Place> inputs)
            throws IOException {
        refuseInputs(hadoop, output, others, inputs);
        Path target = qualify(output, hadoop);
        List<Qualified> seen = new ArrayList<>();
        for (Place place : others) {
            if (place.location() == null) {
                continue;
            }
            Qualified q = new Qualified(place.option(), qualify(place.location(), hadoop));
            againstOutput(q, target);
            for (Qualified earlier : seen) {
                String relation = relation(q.path(), earlier.path());
                if (relation != null) {
                    throw clash(q, relation, earlier.option(), earlier.path());
                }
            }
            seen.add(q);
        }
    }

    /** A place written that is an input, lies inside one or would hold one. */
    private static void refuseInputs(Configuration hadoop, String output, List<Place> others, List<Place> inputs)
            throws IOException {
        List<Place> written = new ArrayList<>();
        written.add(new Place("--output", output));
        written.addAll(others);
        for (Place in : inputs) {
            if (in.location() == null) {
                continue;
            }
            Path read = qualify(in.location(), hadoop);
            for (Place w : written) {
                if (w.location() == null) {
                    continue;
                }
                Qualified q = new Qualified(w.option(), qualify(w.location(), hadoop));
                String relation = relation(q.path(), read);
                if (relation != null) {
                    throw clash(q, relation, in.option(), read);
                }
            }
        }
    }

    /** The output and the names it owns beside it; any of them at or above {@code q}, or the output below it. */
    private static void againstOutput(Qualified q, Path target) {
        String name = target.getName();
        List<String> beside = OutputOwnership.besideNames(name);
        String temporaries = "." + name + AtomicOutput.MARK; // the lock, staging and set-aside folders
        for (Path a = q.path(); a != null; a = a.getParent()) {
            String relation = a.equals(q.path()) ? "is the same path as" : "lies inside";
            if (a.equals(target)) {
                throw clash(q, relation, "the output", target);
            }
            if (target.getParent() != null && target.getParent().equals(a.getParent())) {
                if (beside.contains(a.getName())) {
                    throw clash(q, relation, a.getName().equals(OutputMarker.beside(name)) ? "the output's marker"
                            : "the output's sidecar", a);
                }
                if (a.getName().startsWith(temporaries)) {
                    throw clash(q, relation, "the output's lock or temporary files", a);
                }
            }
        }
        if (isAncestor(q.path(), target)) {
            throw clash(q, "would hold", "the output", target);
        }
    }

    /** How {@code a} stands to {@code b}: the same path, inside it, holding it, or null (apart). */
    private static String relation(Path a, Path b) {
        if (a.equals(b)) {
            return "is the same path as";
        }
        if (isAncestor(b, a)) {
            return "lies inside";
        }
        return isAncestor(a, b) ? "would hold" : null;
    }

    /** Whether {@code dir} is a strict ancestor of {@code p}. */
    private static boolean isAncestor(Path dir, Path p) {
        for (Path a = p.getParent(); a != null; a = a.getParent()) {
            if (a.equals(dir)) {
                return true;
            }
        }
        return false;
    }

    private static UserError clash(Qualified q, String relation, String what, Path where) {
        String at = where.equals(q.path()) ? "" : " (" + where + ")";
        return new UserError(q.option() + " " + q.path() + " " + relation + " " + what + at
                + "; give each its own place", "option " + q.option());
    }

    private static Path qualify(String location, Configuration hadoop) throws IOException {
        Path path = new Path(location);
        return HadoopFs.of(path, hadoop).makeQualified(path);
    }
}
