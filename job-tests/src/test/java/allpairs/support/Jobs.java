package allpairs.support;

import allpairs.config.JobConfig;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import allpairs.kernel.Rows;
import allpairs.run.Inputs;
import allpairs.run.Run;
import allpairs.run.RunResult;
import java.io.IOException;

/** Runs a job on the shared test session with rows a test has read itself. */
public final class Jobs {
    private Jobs() {
    }

    public static RunResult run(JobConfig job, Kernel<?> kernel, Rows query, Rows reference) throws IOException {
        Inputs in = new Inputs(kernel, Kernels.parse(kernel, job.kernel().params()), query, reference);
        return Run.on(TestSpark.session(), job, in, System.err);
    }
}
