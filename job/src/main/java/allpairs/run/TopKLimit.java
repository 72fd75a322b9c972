package allpairs.run;

import allpairs.config.JobConfig;
import allpairs.config.OutputConfig;
import allpairs.config.OutputOptions;

/**
 * {@code --top-k K} above the column count asks for every partner a row has: K becomes the
 * column count before anything is sized by it (a K-slot heap per row would otherwise be
 * allocated for K alone), and the summary says so.
 */
final class TopKLimit {
    private TopKLimit() {
    }

    /** The job with K at most {@code columns}; the same job when there is no top-k or it fits. */
    static JobConfig clamp(JobConfig job, int columns) {
        OutputOptions o = job.output().options();
        if (o.topK() == null || o.topK() <= columns) {
            return job;
        }
        OutputOptions clamped = clamp(o, columns);
        OutputConfig out = job.output();
        return job.with(new OutputConfig(out.path(), out.format(), out.overwrite(), clamped, out.summaryJson(),
                out.preview()));
    }

    /** The options with K at most {@code columns}. */
    static OutputOptions clamp(OutputOptions o, int columns) {
        return o.topK() == null || o.topK() <= columns ? o : new OutputOptions(o.dtype(), o.layout(), o.keep(),
                columns, o.includeSelf(), o.bothDirections());
    }
}
