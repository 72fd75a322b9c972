package allpairs.kernel;

import java.util.List;

/**
 * Run by {@link DtwLanesTest} in a JVM without jdk.incubator.vector: prints whether the dtw lanes are
 * available there and the bits of row 0's distances (window 4) against every row of {@link #rows}.
 */
public final class DtwFallbackProbe {
    private DtwFallbackProbe() {
    }

    /** 40 random walks of 30 steps. */
    static double[][] rows() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(17);
        double[][] rows = new double[40][30];
        for (double[] row : rows) {
            double v = 0;
            for (int k = 0; k < row.length; k++) {
                v += rnd.nextDouble(-1, 1);
                row[k] = v;
            }
        }
        return rows;
    }

    public static void main(String[] args) {
        double[][] rows = rows();
        DoubleRows data = KernelTestSupport.ragged(rows);
        DtwKernel dtw = new DtwKernel();
        Kernel<DtwKernel.Scratch> kernel = dtw.configure(Kernels.parse(dtw, List.of("window=4")));
        double[] out = new double[rows.length];
        kernel.computeRow(data, 0, data, 0, rows.length, Double.POSITIVE_INFINITY,
                kernel.newScratch(data.maxLength()), out, 0);
        StringBuilder line = new StringBuilder("lanes=" + DtwLanes.AVAILABLE + " distances=");
        for (double d : out) {
            line.append(Double.doubleToRawLongBits(d)).append(',');
        }
        System.out.println(line);
    }
}
