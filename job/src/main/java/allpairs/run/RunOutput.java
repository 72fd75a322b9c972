package allpairs.run;

import allpairs.config.DenseLayout;
import allpairs.config.JobConfig;
import allpairs.config.OutputFormat;
import allpairs.config.OutputOptions;
import allpairs.compute.TileEmitter;
import allpairs.io.AtomicOutput;
import allpairs.io.Sidecars;
import allpairs.join.ThresholdJoin;
import allpairs.kernel.KernelKind;
import allpairs.kernel.VectorSupport;
import allpairs.plan.Plan;
import allpairs.plan.RowsStrategy;
import allpairs.spark.Pipeline;
import allpairs.spark.PreviewAccumulator;
import allpairs.spark.sink.EdgeNpySink;
import allpairs.spark.sink.EdgeTableSink;
import allpairs.spark.sink.NpySink;
import allpairs.spark.sink.ParquetSink;
import allpairs.spark.sink.Sink;
import java.io.IOException;
import java.util.Locale;
import org.apache.hadoop.fs.Path;

/** The output side of a run: what a finished tile becomes, where it is written, the commit, and the result. */
final class RunOutput {
    private RunOutput() {
    }

    static TileEmitter emitter(OutputOptions options, Inputs in, Plan plan) {
        return TileEmitter.of(options, plan.symmetric(), in.reference() == null,
                in.kernel().kind() == KernelKind.DISTANCE);
    }

    static Sink sink(JobConfig job, Inputs in, AtomicOutput output, PreviewAccumulator edgePreview) {
        OutputOptions options = job.output().options();
        boolean npy = job.output().format() == OutputFormat.NPY;
        boolean ascending = in.kernel().kind() == KernelKind.DISTANCE;
        if (options.sparse()) {
            return npy ? new EdgeNpySink(output.fileSystem(), output.temp(), options.dtype(), options.topK(), ascending,
                    edgePreview)
                    : new EdgeTableSink(output.temp().toString(), job.output().format(), options.dtype(), options.topK(), ascending, in.query().ids(),
                            in.reference() != null ? in.reference().ids() : in.query().ids(), edgePreview);
        }
        return npy ? new NpySink(output.fileSystem(), output.temp(), options.dtype(),
                options.layout() == DenseLayout.CONDENSED)
                : new ParquetSink(output.temp().toString(), options.dtype(), in.query().ids());
    }

    /** The ids sidecars are staged beside the matrix and move into place with it, in one commit. */
    static void commit(JobConfig job, Inputs in, AtomicOutput output) throws IOException {
        Path target = output.target();
        Sidecars.stage(output, Sidecars.ids(target), job.output().format() == OutputFormat.NPY ? in.query().ids() : null);
        Sidecars.stage(output, Sidecars.refIds(target), in.reference() != null ? in.reference().ids() : null);
        TestPause.at("commit");
        SignalGuard.checkNotInterrupted();
        output.commit();
    }

    static RunResult result(JobConfig job, Inputs in, Plan plan, double seconds, AtomicOutput output,
                                    Pipeline.Measured measured, int reused, RowsStrategy rows, Integer topKAsked,
                                    ThresholdJoin.Result joined) {
        OutputOptions options = job.output().options();
        String layout = options.sparse() ? "edges" : options.layout().name().toLowerCase(Locale.ROOT);
        return new RunResult(in.kernel().name(), plan.m(), plan.k(), in.longestRow(), plan, seconds,
                output.target().toString(), job.output().format().label(), measured.scratchCreated(),
                measured.pairsComputed(), measured.taskSecondsMax(), measured.taskSecondsMean(),
                measured.computeSeconds(), reused, rows.label(),
                options.dtype().label(), layout, measured.edges(), options.topK(), topKAsked,
                ProcessClock.secondsSinceStart(), VectorSupport.label(measured.scratchCreated(), measured.scalarTasks()),
                joined != null ? joined.counts() : null, measured.pruned());
    }
}
