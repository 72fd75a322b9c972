package allpairs.run;

import allpairs.compute.BlockGrid;
import allpairs.compute.BlockSums;
import allpairs.compute.PreviewCells;
import allpairs.compute.ValueHistogram;
import allpairs.config.DenseLayout;
import allpairs.config.JobConfig;
import allpairs.config.OutputOptions;
import allpairs.config.PreviewConfig;
import allpairs.io.PreviewPng;
import allpairs.kernel.KernelKind;
import allpairs.plan.Plan;
import allpairs.spark.PreviewAccumulator;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** --preview: the accumulator the tasks fill, and the PNG (and row order) drawn from it (written by {@link SideFiles}). */
final class Preview {
    /** The PNG text entry with the number of values the histogram counts. */
    static final String HISTOGRAM_KEY = "allpairs.histogram";
    /** The PNG text entry with the colour scale: "black white linear|log". */
    static final String SCALE_KEY = "allpairs.scale";

    private Preview() {
    }

    /** The PNG, and the order side file's bytes (null unless the rows were reordered). */
    record Drawing(byte[] png, byte[] order) {
    }

    /** The tasks' accumulator for this run, or null without --preview. */
    static PreviewAccumulator start(SparkSession spark, JobConfig job, Plan plan) {
        if (job.output().preview() == null) {
            return null;
        }
        return PreviewAccumulator.register(spark.sparkContext(), new BlockGrid(plan.m(), plan.k(),
                PreviewPng.MAX_SIDE), rules(job));
    }

    /**
     * What the tasks count: the cells leave out the diagonal of the input against itself (self-scores),
     * and the histogram counts what the output holds (condensed: the upper triangle without the diagonal).
     */
    static BlockSums.Rules rules(JobConfig job) {
        return new BlockSums.Rules(job.input().against() == null,
                job.output().options().layout() == DenseLayout.CONDENSED);
    }

    static Drawing draw(PreviewAccumulator preview, JobConfig job, Inputs in) throws IOException {
        BlockSums sums = preview.value();
        PreviewCells cells = cells(sums, job, in.kernel().kind());
        byte[] png = PreviewPng.render(picture(sums, cells, job, title(job, in)));
        return new Drawing(png, cells.reordered() ? orderJson(sums.grid(), cells.order()) : null);
    }

    static PreviewCells cells(BlockSums sums, JobConfig job, KernelKind kind) {
        PreviewConfig style = job.output().preview();
        OutputOptions o = job.output().options();
        int closer = 0;
        if (style.clustered()) {
            boolean smallerCloser = kind == KernelKind.DISTANCE;
            // An edge list's density counts close pairs, unless --keep asked for the far ones.
            boolean densityOfClose = o.topK() != null || o.keep() == null || o.keep().below() == smallerCloser;
            closer = o.sparse() ? (densityOfClose ? -1 : 1) : (smallerCloser ? 1 : -1);
        }
        return PreviewCells.of(sums, o.sparse(), style.log(), closer);
    }

    static PreviewPng.Picture picture(BlockSums sums, PreviewCells cells, JobConfig job, String title) {
        boolean edges = job.output().options().sparse();
        boolean skipDiagonal = rules(job).skipDiagonal();
        BlockGrid grid = sums.grid();
        ValueHistogram values = sums.histogram();
        ValueHistogram.Display bars = values.display(PreviewPng.histogramBins());
        String subtitle = String.format(Locale.ROOT, "%d x %d, %s per block of %d x %d%s%s; colours: 1st-99th"
                + " percentile%s", grid.m(), grid.k(), edges ? "edge density" : "mean", grid.cellSize(),
                grid.cellSize(), skipDiagonal ? " (diagonal left out)" : "",
                edges ? ", " + values.count() + " edges" : "", cells.scale().log() ? ", log10" : "");
        String label = (cells.scale().log() ? "log10 " : "") + (edges ? "edges / entries" : "mean value");
        Map<String, String> text = new LinkedHashMap<>();
        text.put(HISTOGRAM_KEY, Long.toString(values.count() + values.notFinite()));
        text.put(SCALE_KEY, String.format(Locale.ROOT, "%s %s %s", cells.scale().low(), cells.scale().high(),
                cells.scale().log() ? "log" : "linear"));
        return new PreviewPng.Picture(title, subtitle, label, grid.m(), grid.k(), grid.cellSize(), grid.rows(),
                grid.cols(), cells.cells(), cells.scale().low(), cells.scale().high(), bars.low(), bars.width(),
                bars.counts(), edges ? "edge value" : "value", cells.reordered(), text);
    }

    private static String title(JobConfig job, Inputs in) {
        return in.kernel().name() + " on " + new Path(job.input().input()).getName()
                + (job.input().against() != null ? " vs " + new Path(job.input().against()).getName() : "");
    }

    /**
     * The side file: picture block p shows matrix rows (and columns) [blocks[p] × cell_size,
     * min(rows, (blocks[p] + 1) × cell_size)); with cell_size 1, blocks is the rows' order.
     */
    static byte[] orderJson(BlockGrid grid, int[] order) throws JsonProcessingException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("order", "clustered");
        json.put("rows", grid.m());
        json.put("cell_size", grid.cellSize());
        json.put("blocks", order);
        return (Summary.JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
