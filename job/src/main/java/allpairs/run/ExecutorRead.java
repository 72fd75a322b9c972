package allpairs.run;

import allpairs.config.JobConfig;
import allpairs.config.KernelConfig;
import allpairs.io.HadoopFs;
import allpairs.io.InputFormat;
import allpairs.join.RowSplits;
import allpairs.join.SourcedRows;
import allpairs.join.ThresholdJoin;
import allpairs.kernel.Kernel;
import allpairs.kernel.Rows;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The join path's inputs, read by the executors (docs/join.md, "On Spark"): where a run can take the
 * join, its text files are not read on the driver before Spark starts; the executors count and check
 * them in splits ({@link RowSplits}), and the driver keeps only what it needs to plan (rows, the
 * longest, bytes). When the counts show the join does not apply after all ({@code auto} below its
 * size), the driver reads the files as for any run.
 */
final class ExecutorRead {
    private ExecutorRead() {
    }

    /**
     * True when the rows may wait for the executors: text files only (they carry no ids), a kernel
     * with a filter for the --keep threshold, no --checkpoint, the join not off, and under {@code auto}
     * files large enough to reach its size (each row takes at least two bytes).
     */
    static boolean applies(JobConfig job, Map<String, String> spark, Configuration hadoop) throws IOException {
        if (job.input().anyTable() || !text(job.input().input(), job) || (job.input().against() != null
                && !text(job.input().against(), job))) {
            return false;
        }
        long most = maxRows(job.input().input(), hadoop);
        long other = job.input().against() == null ? 0 : maxRows(job.input().against(), hadoop);
        if (most < 0 || other < 0) {
            return false; // missing, or a directory: the driver's reader names the problem
        }
        Kernel<?> kernel = job.kernel().configure(Map.of()).kernel();
        return joins(job, kernel, most, job.input().against() == null ? -1 : other, spark);
    }

    /** The inputs of a run {@link #applies} chose: the executors' rows, or the driver's when the join is not taken. */
    static Inputs read(JobConfig job, Configuration hadoop, SparkSession session, Map<String, String> spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(session.sparkContext());
        KernelConfig.Configured configured = job.kernel().configure(Map.of());
        Kernel<?> kernel = configured.kernel();
        Rows query = side(sc, job, job.input().input(), kernel);
        Rows reference = job.input().against() == null ? null : side(sc, job, job.input().against(), kernel);
        if (!joins(job, kernel, query.rows(), reference == null ? -1 : reference.rows(), spark)) {
            return Inputs.read(job, hadoop, session);
        }
        IntegerOutput.check(job.output().options().dtype(), kernel,
                Math.max(query.maxLength(), reference == null ? 0 : reference.maxLength()));
        return new Inputs(kernel, configured.values(), query, reference);
    }

    /** Whether the run takes the join for {@code m} rows (against {@code k}, or -1 for the square matrix). */
    private static boolean joins(JobConfig job, Kernel<?> kernel, long m, long k, Map<String, String> spark) {
        long pairs = k < 0 ? m * (m + 1) / 2 : m * k;
        return ThresholdJoin.filter(kernel, k >= 0, job.output().options(), job.run().checkpoint(), true, pairs,
                spark) != null;
    }

    private static Rows side(JavaSparkContext sc, JobConfig job, String location, Kernel<?> kernel) {
        return new SourcedRows(RowSplits.read(sc, location, job.input().format(), kernel.elementType(),
                kernel.name()));
    }

    private static boolean text(String location, JobConfig job) {
        try {
            return InputFormat.of(location, job.input().format()) == InputFormat.TEXT;
        } catch (RuntimeException e) {
            return false; // the driver's reader names the problem
        }
    }

    /** At most this many rows fit the file (a row is at least one symbol and a line end); -1: not a file. */
    private static long maxRows(String location, Configuration hadoop) throws IOException {
        Path path = new Path(location);
        try {
            org.apache.hadoop.fs.FileStatus status = HadoopFs.of(path, hadoop).getFileStatus(path);
            return status.isFile() ? status.getLen() / 2 + 1 : -1;
        } catch (java.io.FileNotFoundException e) {
            return -1;
        }
    }
}
