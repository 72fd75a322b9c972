package allpairs.run;

import allpairs.config.JobConfig;
import allpairs.io.AtomicFile;
import allpairs.io.HadoopFs;
import allpairs.spark.PreviewAccumulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * --preview (and its row order) and --summary-json, written before the output's commit: a side file that cannot be
 * written fails the run while the output path is still untouched (that is what exit 1 promises), and
 * if the commit then fails, the side files this run wrote are removed again.
 */
final class SideFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SideFiles.class);

    private final Configuration hadoop;
    private final List<Path> written = new ArrayList<>();

    SideFiles(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /** Writes the preview (if asked) and the summary of {@code result} (if asked), each whole. */
    void write(JobConfig job, Inputs in, PreviewAccumulator preview, RunResult result) throws IOException {
        if (preview != null) {
            Preview.Drawing drawn = Preview.draw(preview, job, in);
            write(job.output().preview().path(), drawn.png());
            if (drawn.order() != null) {
                write(job.output().preview().orderPath(), drawn.order());
            }
        }
        if (job.output().summaryJson() != null) {
            write(job.output().summaryJson(), (Summary.json(result) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Removes what {@link #write} wrote; never throws (the run's own failure is what it reports). */
    void removeWritten() {
        for (Path p : written) {
            try {
                HadoopFs.of(p, hadoop).delete(p, false);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not remove {} after the failed commit: {}", p, e.toString());
            }
        }
    }

    private void write(String location, byte[] content) throws IOException {
        Path path = new Path(location);
        FileSystem fs = HadoopFs.of(path, hadoop);
        path = fs.makeQualified(path);
        AtomicFile.write(fs, path, content);
        written.add(path);
    }
}
