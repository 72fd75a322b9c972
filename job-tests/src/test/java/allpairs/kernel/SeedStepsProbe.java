package allpairs.kernel;

import java.util.SplittableRandom;

/**
 * Run by {@link SeedWorkTest} in a JVM started with {@code -Dallpairs.seed.countSteps=true}: for each
 * n given, one pair on each path; prints the path, n, the inner steps counted and the value's raw bits.
 */
public final class SeedStepsProbe {
    private SeedStepsProbe() {
    }

    /** The pair of rows for n (the test rebuilds them for its reference). */
    static ByteRows rows(int n) {
        byte[] data = new byte[2 * n];
        new SplittableRandom(n).nextBytes(data);
        return ByteRows.rectangular(2, n, data);
    }

    public static void main(String[] args) {
        System.out.println("counting=" + SeedSteps.COUNTING);
        for (SeedKernel.Path path : new SeedKernel.Path[] {SeedKernel.Path.VECTOR, SeedKernel.Path.SCALAR}) {
            SeedKernel kernel = SeedKernel.on(path);
            for (String arg : args) {
                int n = Integer.parseInt(arg);
                ByteRows rows = rows(n);
                SeedKernel.Scratch scratch = kernel.newScratch(n);
                SeedSteps.take();
                double value = kernel.compute(rows, 0, rows, 1, scratch);
                long steps = SeedSteps.take();
                System.out.println(path + " n=" + n + " steps=" + steps + " bits=" + Double.doubleToRawLongBits(value));
            }
        }
    }
}
