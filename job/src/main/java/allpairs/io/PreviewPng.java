package allpairs.io;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.GrayPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.statistics.SimpleHistogramBin;
import org.jfree.data.statistics.SimpleHistogramDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * The preview picture: a heat map of a downsampled matrix (square cells, greys whose brightness
 * rises with the value, a colour bar, axes in matrix rows and columns) with a histogram of the
 * values beside it, drawn headless with JFreeChart into one PNG.
 */
public final class PreviewPng {
    /** The heat map's longer side at most, and its shorter side at least where the shape allows. */
    public static final int MAX_SIDE = 1000;
    public static final int MIN_SIDE = 400;
    /** The whole PNG at most, each direction. */
    public static final int MAX_PNG = 2400;
    /** The PNG text entry that says where the heat map's cells are. */
    public static final String HEATMAP_KEY = "allpairs.heatmap";
    private static final String PNG_METADATA = "javax_imageio_png_1.0";
    private static final int HISTOGRAM_WIDTH = 480;
    private static final int HISTOGRAM_BINS = 40;

    private PreviewPng() {
    }

    /**
     * What to draw.
     *
     * @param cells row-major per-cell values (gridRows × gridCols); NaN draws nothing
     * @param cellSize matrix rows (and columns) per cell
     * @param low the colour scale's bottom (black), @param high its top (white)
     * @param histogramLow where the first bar starts; every bar is {@code histogramWidth} wide
     * @param reordered the cells are not in matrix order (the axes say so)
     * @param text more PNG text entries (key → value), for whoever reads the picture back
     */
    public record Picture(String title, String subtitle, String valueLabel, int m, int k, int cellSize,
                          int gridRows, int gridCols, double[] cells, double low, double high,
                          double histogramLow, double histogramWidth, long[] histogram, String histogramLabel,
                          boolean reordered, Map<String, String> text) {
    }

    /** Pixels per cell: the short side reaches MIN_SIDE unless the long side would pass MAX_SIDE. */
    static int pixelsPerCell(int gridRows, int gridCols) {
        int grow = (MIN_SIDE + Math.min(gridRows, gridCols) - 1) / Math.min(gridRows, gridCols);
        return Math.max(1, Math.min(grow, MAX_SIDE / Math.max(gridRows, gridCols)));
    }

    public static byte[] render(Picture p) throws IOException {
        System.setProperty("java.awt.headless", "true");
        double perIndex = (double) pixelsPerCell(p.gridRows(), p.gridCols()) / p.cellSize();
        int dataW = (int) Math.round(p.k() * perIndex);
        int dataH = (int) Math.round(p.m() * perIndex);
        JFreeChart heat = heatMap(p);
        int[] size = fitDataArea(heat, dataW, dataH);
        int width = size[0] + HISTOGRAM_WIDTH;
        int height = size[1];
        if (width > MAX_PNG || height > MAX_PNG) {
            throw new IllegalStateException("preview of " + width + " x " + height + " px");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            ChartRenderingInfo info = new ChartRenderingInfo();
            heat.draw(g, new Rectangle2D.Double(0, 0, size[0], height), info);
            histogram(p).draw(g, new Rectangle2D.Double(size[0], 0, HISTOGRAM_WIDTH, height));
            Map<String, String> text = new LinkedHashMap<>(p.text());
            Rectangle2D area = info.getPlotInfo().getDataArea();
            text.put(HEATMAP_KEY, String.format(java.util.Locale.ROOT, "%d %d %d %d", Math.round(area.getX()),
                    Math.round(area.getY()), Math.round(area.getWidth()), Math.round(area.getHeight())));
            return png(image, text);
        } finally {
            g.dispose();
        }
    }

    /** The PNG, with text entries: where the heat map's cells are ({@value #HEATMAP_KEY}: "x y width height") and more. */
    private static byte[] png(BufferedImage image, Map<String, String> entries) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode text = new IIOMetadataNode("tEXt");
        entries.forEach((key, value) -> {
            IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
            entry.setAttribute("keyword", key);
            entry.setAttribute("value", value);
            text.appendChild(entry);
        });
        IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
        root.appendChild(text);
        meta.mergeTree(PNG_METADATA, root);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(new IIOImage(image, null, meta));
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The chart size whose data area is exactly dataW × dataH (square cells): axis spaces are fixed,
     * so the area moves one for one with the chart; measured by drawing off screen.
     */
    static int[] fitDataArea(JFreeChart chart, int dataW, int dataH) {
        int w = dataW + 300;
        int h = dataH + 150;
        for (int attempt = 0; attempt < 4; attempt++) {
            Rectangle2D area = dataArea(chart, w, h);
            int dw = dataW - (int) Math.round(area.getWidth());
            int dh = dataH - (int) Math.round(area.getHeight());
            if (dw == 0 && dh == 0) {
                break;
            }
            w += dw;
            h += dh;
        }
        return new int[] {w, h};
    }

    /** Where the plot's cells land in a chart of w × h pixels. */
    public static Rectangle2D dataArea(JFreeChart chart, int w, int h) {
        BufferedImage scratch = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, w, h), info);
        } finally {
            g.dispose();
        }
        return info.getPlotInfo().getDataArea();
    }

    static JFreeChart heatMap(Picture p) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("values", cellSeries(p));
        NumberAxis columns = new NumberAxis(p.reordered() ? "columns, clustered order (.order.json)" : "column j");
        columns.setRange(0, p.k());
        NumberAxis rows = new NumberAxis(p.reordered() ? "rows, clustered order (.order.json)" : "row i");
        rows.setRange(0, p.m());
        rows.setInverted(true); // row 0 at the top, as the matrix is read
        double low = p.low();
        double high = p.high() > low ? p.high() : low + 1; // a flat matrix still gets a scale
        GrayPaintScale scale = new GrayPaintScale(low, high);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(p.cellSize());
        renderer.setBlockHeight(p.cellSize());
        renderer.setBlockAnchor(RectangleAnchor.BOTTOM_LEFT);
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, columns, rows, renderer);
        plot.setBackgroundPaint(new Color(0xcc, 0xdd, 0xff)); // cells without values
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setFixedDomainAxisSpace(space(0, 50));
        plot.setFixedRangeAxisSpace(space(80, 0));
        JFreeChart chart = new JFreeChart(p.title(), new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, false);
        chart.addSubtitle(new TextTitle(p.subtitle()));
        NumberAxis barAxis = new NumberAxis(p.valueLabel());
        barAxis.setRange(low, high);
        PaintScaleLegend bar = new PaintScaleLegend(scale, barAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setStripWidth(18);
        bar.setMargin(30, 12, 60, 8);
        chart.addSubtitle(bar);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static AxisSpace space(double left, double bottom) {
        AxisSpace s = new AxisSpace();
        s.setLeft(left);
        s.setBottom(bottom);
        return s;
    }

    private static double[][] cellSeries(Picture p) {
        int n = 0;
        for (double v : p.cells()) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        double[][] xyz = new double[3][n];
        int at = 0;
        for (int r = 0; r < p.gridRows(); r++) {
            for (int c = 0; c < p.gridCols(); c++) {
                double v = p.cells()[r * p.gridCols() + c];
                if (!Double.isNaN(v)) {
                    xyz[0][at] = (double) c * p.cellSize();
                    xyz[1][at] = (double) r * p.cellSize();
                    xyz[2][at++] = v;
                }
            }
        }
        return xyz;
    }

    static JFreeChart histogram(Picture p) {
        SimpleHistogramDataset data = new SimpleHistogramDataset("values");
        data.setAdjustForBinSize(false);
        long[] counts = p.histogram();
        for (int b = 0; b < counts.length; b++) {
            double lo = p.histogramLow() + b * p.histogramWidth();
            SimpleHistogramBin bin = new SimpleHistogramBin(lo, lo + p.histogramWidth(), true, false);
            bin.setItemCount((int) Math.min(Integer.MAX_VALUE, counts[b]));
            data.addBin(bin);
        }
        JFreeChart chart = ChartFactory.createHistogram("Histogram", p.histogramLabel(), "count", data,
                PlotOrientation.VERTICAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        ((XYPlot) chart.getPlot()).getRenderer().setSeriesPaint(0, new Color(0x44, 0x44, 0x44));
        return chart;
    }

    /** Histogram bins the picture asks for. */
    public static int histogramBins() {
        return HISTOGRAM_BINS;
    }
}
