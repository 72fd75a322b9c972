package allpairs.run;

import allpairs.compute.BlockGrid;
import allpairs.compute.BlockSums;
import allpairs.compute.ValueHistogram;
import allpairs.config.JobConfig;
import allpairs.io.PreviewPng;
import allpairs.plan.Plan;
import allpairs.spark.PreviewAccumulator;
import java.io.IOException;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** --preview: the accumulator the tasks fill, and the PNG drawn from it (written by {@link SideFiles}). */
final class Preview {
    private Preview() {
    }

    /** The tasks' accumulator for this run, or null without --preview. */
    static PreviewAccumulator start(SparkSession spark, JobConfig job, Plan plan) {
        if (job.output().preview() == null) {
            return null;
        }
        return PreviewAccumulator.register(spark.sparkContext(), new BlockGrid(plan.m(), plan.k(),
                PreviewPng.MAX_SIDE));
    }

    /** The PNG drawn from the accumulated blocks. */
    static byte[] png(PreviewAccumulator preview, JobConfig job, Inputs in) throws IOException {
        return PreviewPng.render(picture(preview.value(), job, in));
    }

    static PreviewPng.Picture picture(BlockSums sums, JobConfig job, Inputs in) {
        boolean edges = job.output().options().sparse();
        BlockGrid grid = sums.grid();
        double[] cells = edges ? sums.density() : sums.means();
        double low = Double.POSITIVE_INFINITY; // the colour scale: the blocks' range, not the values'
        double high = Double.NEGATIVE_INFINITY;
        for (double v : cells) {
            if (!Double.isNaN(v)) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        if (low > high) { // no blocks at all (an empty edge list)
            low = 0;
            high = 1;
        }
        if (edges) { // density is a fraction: keep 0 black whatever the densest block holds
            low = 0;
            high = Math.max(high, 1e-9);
        }
        ValueHistogram values = sums.histogram();
        ValueHistogram.Display bars = values.display(PreviewPng.histogramBins());
        String input = new Path(job.input().input()).getName()
                + (job.input().against() != null ? " vs " + new Path(job.input().against()).getName() : "");
        String subtitle = String.format(Locale.ROOT, "%d x %d, %s per block of %d x %d%s", grid.m(), grid.k(),
                edges ? "edge density" : "mean", grid.cellSize(), grid.cellSize(),
                edges ? ", " + values.count() + " edges" : "");
        return new PreviewPng.Picture(in.kernel().name() + " on " + input, subtitle,
                edges ? "edges / entries" : "mean value", grid.m(), grid.k(), grid.cellSize(), grid.rows(),
                grid.cols(), cells, low, high, bars.low(), bars.width(), bars.counts(), edges ? "edge value" : "value");
    }
}
