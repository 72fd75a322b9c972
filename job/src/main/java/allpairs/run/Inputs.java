package allpairs.run;

import allpairs.UserError;
import allpairs.config.DenseLayout;
import allpairs.config.JobConfig;
import allpairs.config.KernelConfig;
import allpairs.io.RowsInput;
import allpairs.kernel.Kernel;
import allpairs.kernel.ParamValues;
import allpairs.kernel.Rows;
import allpairs.plan.Planner;
import org.apache.hadoop.conf.Configuration;

/**
 * The configured kernel and the rows of a job, read and checked on the driver before Spark starts.
 *
 * @param params the values the kernel was configured with (part of a checkpoint's fingerprint)
 * @param reference the matrix columns (--against), or null for the square query × query matrix
 */
public record Inputs(Kernel<?> kernel, ParamValues params, Rows query, Rows reference) {
    /** Configures the kernel and reads --input (and --against); bad input is a {@link UserError}. */
    public static Inputs read(JobConfig job, Configuration hadoop) {
        KernelConfig.Configured configured = job.kernel().configure(RowsInput.implied(job.kernel().name(),
                job.input().input(), job.input().against(), job.input().format(), hadoop));
        Kernel<?> kernel = configured.kernel();
        String against = job.input().against();
        Rows query = RowsInput.read(job.input().input(), job.input().format(), kernel.elementType(), kernel.name(),
                "--input", hadoop);
        Rows reference = against == null ? null
                : RowsInput.read(against, job.input().format(), kernel.elementType(), kernel.name(), "--against", hadoop);
        Inputs inputs = new Inputs(kernel, configured.values(), query, reference);
        inputs.checkLengths(job.input().input(), against);
        kernel.checkRows(query, job.input().input());
        if (reference != null) {
            kernel.checkRows(reference, against);
        }
        if (job.output().options().layout() == DenseLayout.CONDENSED && !kernel.symmetric()) {
            throw new UserError("--layout condensed needs a symmetric kernel; " + kernel.name() + " is not",
                    "option --layout");
        }
        return inputs;
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
