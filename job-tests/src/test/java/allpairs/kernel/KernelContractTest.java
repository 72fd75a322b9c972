package allpairs.kernel;

import static allpairs.kernel.KernelTestSupport.assertComputeDoesNotAllocate;
import static allpairs.kernel.KernelTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.WeightedDifferenceKernel;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every registered kernel promises, checked once for all of them: its declared metadata, a
 * value that survives Java serialization bit for bit, {@link Kernel#computeRow} equal to
 * {@link Kernel#compute} pair by pair when unbounded, and no allocation per pair.
 */
class KernelContractTest {
    /** The metadata each kernel declares: class, element type, kind, symmetric, equal lengths, parameters. */
    record Declared(Class<?> type, ElementType elements, KernelKind kind, boolean symmetric, boolean equalLengths,
                    List<String> params) {
    }

    static final Map<String, Declared> DECLARED = Map.of(
            "seed", new Declared(SeedKernel.class, ElementType.INT8, KernelKind.SCORE, true, true, List.of()),
            "levenshtein", new Declared(LevenshteinKernel.class, ElementType.SYMBOL, KernelKind.DISTANCE, true, false,
                    List.of()),
            "nw", new Declared(NeedlemanWunschKernel.class, ElementType.SYMBOL, KernelKind.SCORE, true, false,
                    List.of("match", "mismatch", "matrix", "gap-open", "gap-extend")),
            "sw", new Declared(SmithWatermanKernel.class, ElementType.SYMBOL, KernelKind.SCORE, true, false,
                    List.of("match", "mismatch", "matrix", "gap-open", "gap-extend")),
            "dtw", new Declared(DtwKernel.class, ElementType.DOUBLE, KernelKind.DISTANCE, true, false,
                    List.of("window", "channels")),
            "mi", new Declared(MutualInfoKernel.class, ElementType.UINT8, KernelKind.SCORE, true, true, List.of()),
            WeightedDifferenceKernel.NAME, new Declared(WeightedDifferenceKernel.class, ElementType.DOUBLE,
                    KernelKind.SCORE, false, false, List.of("weight", "skip")));

    static Stream<String> kernels() {
        return Kernels.names().stream();
    }

    @Test
    void everyRegisteredKernelIsDeclaredHere() {
        assertThat(Kernels.names()).containsExactlyInAnyOrderElementsOf(DECLARED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void declaresItsMetadata(String name) {
        Kernel<?> kernel = Kernels.byName(name);
        Declared d = DECLARED.get(name);
        assertThat(kernel).isInstanceOf(d.type());
        assertThat(kernel.name()).isEqualTo(name);
        assertThat(kernel.elementType()).isEqualTo(d.elements());
        assertThat(kernel.kind()).isEqualTo(d.kind());
        assertThat(kernel.symmetric()).isEqualTo(d.symmetric());
        assertThat(kernel.needsEqualLengths()).isEqualTo(d.equalLengths());
        assertThat(kernel.params()).extracting(Param::name).containsExactlyElementsOf(d.params());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void survivesJavaSerializationBitForBit(String name) {
        Kernel<?> kernel = Kernels.configured(name, List.of());
        Rows rows = rows(kernel, 7);
        double[] before = allPairs(kernel, rows);
        assertThat(allPairs(roundTrip(kernel), rows)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void computeRowEqualsComputePairByPairWhenUnbounded(String name) {
        assertRowsEqualPairs(Kernels.configured(name, List.of()), rows(Kernels.byName(name), 9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void computeDoesNotAllocate(String name) {
        Kernel<?> kernel = Kernels.configured(name, List.of());
        assertComputeDoesNotAllocate(kernel, rows(kernel, 8), 100);
    }

    private static <S> void assertRowsEqualPairs(Kernel<S> kernel, Rows rows) {
        S scratch = kernel.newScratch(rows.maxLength());
        int m = rows.rows();
        double[] row = new double[m];
        for (int i = 0; i < m; i++) {
            kernel.computeRow(rows, i, rows, 0, m, kernel.kind().unbounded(), scratch, row, 0);
            for (int j = 0; j < m; j++) {
                assertThat(Double.doubleToRawLongBits(row[j])).as("%s (%d, %d)", kernel.name(), i, j)
                        .isEqualTo(Double.doubleToRawLongBits(kernel.compute(rows, i, rows, j, scratch)));
            }
        }
    }

    private static <S> double[] allPairs(Kernel<S> kernel, Rows rows) {
        S scratch = kernel.newScratch(rows.maxLength());
        int m = rows.rows();
        double[] values = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                values[i * m + j] = kernel.compute(rows, i, rows, j, scratch);
            }
        }
        return values;
    }

    /** Random rows of the kernel's element type: ragged unless it needs equal lengths. */
    static Rows rows(Kernel<?> kernel, int m) {
        SplittableRandom rnd = new SplittableRandom(kernel.name().hashCode());
        int[] lengths = new int[m];
        for (int i = 0; i < m; i++) {
            lengths[i] = kernel.needsEqualLengths() ? 24 : 1 + rnd.nextInt(30);
        }
        if (kernel.elementType() == ElementType.DOUBLE) {
            double[][] rows = new double[m][];
            for (int i = 0; i < m; i++) {
                rows[i] = rnd.doubles(lengths[i], -5, 5).toArray();
            }
            return KernelTestSupport.ragged(rows);
        }
        byte[][] rows = new byte[m][];
        for (int i = 0; i < m; i++) {
            rows[i] = new byte[lengths[i]];
            for (int e = 0; e < lengths[i]; e++) {
                // symbols from a small alphabet so alignments have matches; other types any byte
                rows[i][e] = (byte) (kernel.elementType() == ElementType.SYMBOL ? "ACGT".charAt(rnd.nextInt(4))
                        : rnd.nextInt(256));
            }
        }
        return KernelTestSupport.ragged(rows);
    }
}
