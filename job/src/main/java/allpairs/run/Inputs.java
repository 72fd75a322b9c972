package allpairs.run;

import allpairs.UserError;
import allpairs.config.DenseLayout;
import allpairs.config.JobConfig;
import allpairs.config.KernelConfig;
import allpairs.config.OutputOptions;
import allpairs.io.InputFormat;
import allpairs.io.RowsInput;
import allpairs.kernel.Kernel;
import allpairs.kernel.ParamValues;
import allpairs.kernel.Rows;
import allpairs.plan.Planner;
import allpairs.spark.table.TableInput;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * The configured kernel and the rows of a job, read and checked on the driver: files before Spark
 * starts, tables (read through Spark SQL) once it has.
 *
 * @param params the values the kernel was configured with (part of a checkpoint's fingerprint)
 * @param reference the matrix columns (--against), or null for the square query × query matrix
 */
public record Inputs(Kernel<?> kernel, ParamValues params, Rows query, Rows reference) {
    /** Configures the kernel and reads --input (and --against), files only; bad input is a {@link UserError}. */
    public static Inputs read(JobConfig job, Configuration hadoop) {
        return read(job, hadoop, null);
    }

    /** As above, reading table inputs through {@code spark} (null when there are none). */
    public static Inputs read(JobConfig job, Configuration hadoop, SparkSession spark) {
        KernelConfig.Configured configured = job.kernel().configure(RowsInput.implied(job.kernel().name(),
                job.input().input(), job.input().against(), job.input().format(), hadoop));
        Kernel<?> kernel = configured.kernel();
        String against = job.input().against();
        Rows query = rows(job, job.input().input(), kernel, "--input", hadoop, spark);
        Rows reference = against == null ? null : rows(job, against, kernel, "--against", hadoop, spark);
        return checked(configured, query, reference, job.output().options(), job.input().input(), against);
    }

    /**
     * Rows read elsewhere (a caller's Datasets: {@link CallerRun}) checked as those of a file are, each
     * problem naming {@code queryName} or {@code referenceName}.
     */
    static Inputs checked(KernelConfig.Configured configured, Rows query, Rows reference, OutputOptions options,
                          String queryName, String referenceName) {
        Kernel<?> kernel = configured.kernel();
        Inputs inputs = new Inputs(kernel, configured.values(), query, reference);
        inputs.checkLengths(queryName, referenceName);
        kernel.checkRows(query, queryName);
        if (reference != null) {
            kernel.checkRows(reference, referenceName);
        }
        if (options.layout() == DenseLayout.CONDENSED && !kernel.symmetric()) {
            throw new UserError("--layout condensed needs a symmetric kernel; " + kernel.name() + " is not",
                    "option --layout");
        }
        IntegerOutput.check(options.dtype(), kernel, inputs.longestRow());
        return inputs;
    }

    private static Rows rows(JobConfig job, String location, Kernel<?> kernel, String option, Configuration hadoop,
                             SparkSession spark) {
        InputFormat format = job.input().format();
        if (InputFormat.isTable(location, format)) {
            if (spark == null) {
                throw new IllegalStateException("a table input is read once Spark has started");
            }
            return TableInput.read(spark, location, InputFormat.of(location, format), job.input().table(), kernel,
                    option);
        }
        return RowsInput.read(location, format, kernel.elementType(), kernel.name(), option, hadoop);
    }

    /** The longest row of either side. */
    public int longestRow() {
        return Planner.longestRow(query, reference);
    }

    /** Bytes of row data of both sides (what broadcasting them costs). */
    public long dataBytes() {
        return query.dataBytes() + (reference == null ? 0 : reference.dataBytes());
    }

    /** Kernels such as seed and mi need rows of one length, across --input and --against. */
    private void checkLengths(String queryFile, String referenceFile) {
        if (!kernel.needsEqualLengths()) {
            return;
        }
        int expected = query.length(0);
        for (int i = 0; i < query.rows(); i++) {
            if (query.length(i) != expected) {
                throw new UserError("row " + i + " has length " + query.length(i) + " but row 0 has length " + expected
                        + "; kernel " + kernel.name() + " needs rows of equal length", queryFile);
            }
        }
        for (int j = 0; reference != null && j < reference.rows(); j++) {
            if (reference.length(j) != expected) {
                throw new UserError("row " + j + " has length " + reference.length(j) + " but the input rows have"
                        + " length " + expected + "; kernel " + kernel.name() + " needs rows of equal length",
                        referenceFile);
            }
        }
    }
}
