package allpairs.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Fixtures;
import allpairs.support.SeedReference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class SeedKernelTest {
    static final java.util.List<int[]> SHAPES = Fixtures.SHAPES;

    private static ByteRows rowsOf(byte[][] rows) {
        int n = rows[0].length;
        byte[] flat = new byte[rows.length * n];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * n, n);
        }
        return ByteRows.rectangular(rows.length, n, flat);
    }

    @ParameterizedTest
    @FieldSource("SHAPES")
    void matchesEveryGoldenFixtureBitForBit(int[] shape) {
        int m = shape[0];
        int n = shape[1];
        ByteRows rows = rowsOf(Fixtures.int8Rows(Fixtures.input(m, n), m, n));
        double[] golden = Fixtures.float64(Fixtures.output(m, n));
        SeedKernel kernel = new SeedKernel();
        SeedKernel.Scratch scratch = kernel.newScratch(n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double v = kernel.compute(rows, Math.min(i, j), rows, Math.max(i, j), scratch);
                assertThat(Double.doubleToRawLongBits(v))
                        .as("pair (%d, %d)", i, j)
                        .isEqualTo(Double.doubleToRawLongBits(golden[i * m + j]));
            }
        }
    }

    @Test
    void matchesTheLiteralDefinitionOnRandomRowsIncludingExtremes() {
        SplittableRandom rnd = new SplittableRandom(7);
        SeedKernel kernel = new SeedKernel();
        for (int n : new int[] {1, 2, 5, 17, 40, 64}) {
            byte[][] rows = new byte[6][n];
            for (byte[] r : rows) {
                rnd.nextBytes(r);
            }
            java.util.Arrays.fill(rows[4], (byte) -128);
            java.util.Arrays.fill(rows[5], (byte) 127);
            ByteRows data = rowsOf(rows);
            SeedKernel.Scratch scratch = kernel.newScratch(n); // reused across pairs, as on executors
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < rows.length; j++) {
                    double expected = SeedReference.pair(rows[i], rows[j]);
                    assertThat(Double.doubleToRawLongBits(kernel.compute(data, i, data, j, scratch)))
                            .isEqualTo(Double.doubleToRawLongBits(expected));
                }
            }
        }
    }

    @Test
    void isSymmetricBitForBit() {
        SplittableRandom rnd = new SplittableRandom(3);
        byte[][] rows = new byte[10][33];
        for (byte[] r : rows) {
            rnd.nextBytes(r);
        }
        ByteRows data = rowsOf(rows);
        SeedKernel kernel = new SeedKernel();
        SeedKernel.Scratch s = kernel.newScratch(33);
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                assertThat(Double.doubleToRawLongBits(kernel.compute(data, i, data, j, s)))
                        .isEqualTo(Double.doubleToRawLongBits(kernel.compute(data, j, data, i, s)));
            }
        }
    }
}
