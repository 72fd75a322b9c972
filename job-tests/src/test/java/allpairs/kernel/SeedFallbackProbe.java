package allpairs.kernel;

/**
 * Run by {@link SeedKernelFallbackTest} in a JVM without jdk.incubator.vector: prints which path the
 * default seed kernel takes there and one pair's value (its raw bits), rows given as arguments.
 */
public final class SeedFallbackProbe {
    private SeedFallbackProbe() {
    }

    public static void main(String[] args) {
        int n = args[0].length() / 2;
        byte[] data = new byte[2 * n];
        for (int k = 0; k < 2 * n; k++) {
            // one hex digit per byte, spread over -128..127
            data[k] = (byte) (Integer.parseInt(args[0].substring(k, k + 1), 16) * 17 - 128);
        }
        ByteRows rows = ByteRows.rectangular(2, n, data);
        SeedKernel kernel = new SeedKernel();
        double value = kernel.compute(rows, 0, rows, 1, kernel.newScratch(n));
        System.out.println("lanes=" + kernel.usesLanes() + " bits=" + Double.doubleToRawLongBits(value));
    }
}
