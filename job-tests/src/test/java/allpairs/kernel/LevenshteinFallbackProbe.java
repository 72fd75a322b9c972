package allpairs.kernel;

/**
 * Run by {@link LevenshteinLanesTest} in a JVM without jdk.incubator.vector: prints whether the
 * levenshtein lanes are available there and the distances of row 0 against every row (rows given as
 * arguments, one string of symbols each).
 */
public final class LevenshteinFallbackProbe {
    private LevenshteinFallbackProbe() {
    }

    public static void main(String[] args) {
        byte[][] rows = new byte[args.length][];
        for (int r = 0; r < args.length; r++) {
            rows[r] = args[r].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        ByteRows data = KernelTestSupport.ragged(rows);
        LevenshteinKernel kernel = new LevenshteinKernel();
        double[] out = new double[rows.length];
        kernel.computeRow(data, 0, data, 0, rows.length, Double.POSITIVE_INFINITY, kernel.newScratch(data.maxLength()),
                out, 0);
        StringBuilder line = new StringBuilder("lanes=" + MyersLanes.AVAILABLE + " distances=");
        for (double d : out) {
            line.append((int) d).append(',');
        }
        System.out.println(line);
    }
}
