package allpairs.run;

import allpairs.UserError;
import allpairs.config.InputConfig;
import allpairs.config.JobConfig;
import allpairs.config.OutputConfig;
import allpairs.config.PreviewConfig;
import allpairs.io.AtomicFile;
import allpairs.io.AtomicOutput;
import allpairs.io.HadoopFs;
import allpairs.io.InputFormat;
import allpairs.io.PathClashes;
import allpairs.io.WritablePlace;
import allpairs.kernel.Kernels;
import allpairs.kernel.Param;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Every path a run writes, checked before any work: the paths must not land on one another
 * ({@link PathClashes}), and each must be a place the run can write (the output, the checkpoint,
 * --summary-json, --preview). A problem is one line and exit 2, nothing written.
 */
final class Targets {
    private Targets() {
    }

    static void check(JobConfig job, Configuration hadoop) throws IOException {
        OutputConfig out = job.output();
        String checkpoint = job.run().checkpoint();
        PreviewConfig preview = out.preview();
        PathClashes.refuse(hadoop, out.path(), List.of(new PathClashes.Place("--checkpoint", checkpoint),
                new PathClashes.Place("--summary-json", out.summaryJson()),
                new PathClashes.Place("--preview", preview == null ? null : preview.path()),
                new PathClashes.Place("--preview-order", preview == null ? null : preview.orderPath())),
                inputs(job, hadoop));
        Path target = new Path(out.path());
        AtomicOutput.checkTarget(HadoopFs.of(target, hadoop), target, out.overwrite(), "option --output");
        checkpoint(checkpoint, hadoop);
        AtomicFile.checkTarget(out.summaryJson(), hadoop, "--summary-json");
        AtomicFile.checkTarget(preview == null ? null : preview.path(), hadoop, "--preview");
        AtomicFile.checkTarget(preview == null ? null : preview.orderPath(), hadoop, "--preview-order");
    }

    /**
     * The inputs that are paths (a catalog table is not), and the existing files that text kernel
     * parameters name (sw's matrix=FILE; a built-in matrix name is no file).
     */
    private static List<PathClashes.Place> inputs(JobConfig job, Configuration hadoop) throws IOException {
        InputConfig in = job.input();
        List<PathClashes.Place> places = new ArrayList<>();
        if (!in.input().startsWith(InputFormat.TABLE_PREFIX)) {
            places.add(new PathClashes.Place("--input", in.input()));
        }
        if (in.against() != null && !in.against().startsWith(InputFormat.TABLE_PREFIX)) {
            places.add(new PathClashes.Place("--against", in.against()));
        }
        for (String setting : job.kernel().params()) {
            int eq = setting.indexOf('=');
            String value = eq < 0 ? "" : setting.substring(eq + 1);
            if (isTextParam(job.kernel().name(), setting.substring(0, Math.max(eq, 0))) && isFile(value, hadoop)) {
                places.add(new PathClashes.Place("--kernel-param " + setting.substring(0, eq), value));
            }
        }
        return places;
    }

    private static boolean isTextParam(String kernel, String name) {
        return kernel != null && Kernels.names().contains(kernel) && Kernels.byName(kernel).params().stream()
                .anyMatch(p -> p.name().equals(name) && p.type() == Param.Type.STRING);
    }

    private static boolean isFile(String location, Configuration hadoop) throws IOException {
        if (location.isEmpty()) {
            return false;
        }
        try {
            Path p = new Path(location);
            return WritablePlace.status(HadoopFs.of(p, hadoop), p) != null;
        } catch (IllegalArgumentException notAPath) { // the parameter's own check names it
            return false;
        }
    }

    /** The checkpoint's lock is taken in it before its store looks at it: a file there must be refused first. */
    private static void checkpoint(String location, Configuration hadoop) throws IOException {
        if (location == null) {
            return;
        }
        Path dir = new Path(location);
        FileSystem fs = HadoopFs.of(dir, hadoop);
        dir = fs.makeQualified(dir);
        FileStatus st = WritablePlace.status(fs, dir);
        if (st != null && !st.isDirectory()) {
            throw new UserError("the checkpoint is a file, not a directory", dir.toString());
        }
        WritablePlace.require(fs, dir, "the checkpoint " + dir, "option --checkpoint");
    }
}
