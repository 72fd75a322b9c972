package allpairs.config;

import allpairs.UserError;

/** The validated job description, by concern; the only place the rest of the job reads options from. */
public record JobConfig(InputConfig input, KernelConfig kernel, OutputConfig output, PlanConfig plan, RunConfig run) {
    public JobConfig {
        kernel = kernel == null ? new KernelConfig(null, null) : kernel;
        plan = plan == null ? PlanConfig.of(null, null) : plan;
        run = run == null ? RunConfig.quiet() : run;
        if (output.options().layout() == DenseLayout.CONDENSED && input.against() != null) {
            throw new UserError("--layout condensed writes a .npy of a square symmetric matrix: not with --against",
                    "option --layout");
        }
        if (output.preview() != null && output.preview().clustered() && input.against() != null) {
            throw new UserError("--preview-order clustered orders the rows of the input against itself: not with"
                    + " --against", "option --preview-order");
        }
    }

    /** The common case: a square matrix of one input with default kernel parameters, no progress lines. */
    public static JobConfig of(String input, String output, String kernel, Integer blockSize, Integer partitions) {
        return new JobConfig(new InputConfig(input, null, null), new KernelConfig(kernel, null), OutputConfig.at(output),
                PlanConfig.of(blockSize, partitions), null);
    }

    public JobConfig with(InputConfig other) {
        return new JobConfig(other, kernel, output, plan, run);
    }

    public JobConfig with(KernelConfig other) {
        return new JobConfig(input, other, output, plan, run);
    }

    public JobConfig with(OutputConfig other) {
        return new JobConfig(input, kernel, other, plan, run);
    }

    public JobConfig with(PlanConfig other) {
        return new JobConfig(input, kernel, output, other, run);
    }

    static void require(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new UserError("missing required option " + option, "command line");
        }
    }
}
