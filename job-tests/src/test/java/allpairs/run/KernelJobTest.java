package allpairs.run;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.io.InputFormat;
import allpairs.io.RowsInput;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import allpairs.kernel.Rows;
import allpairs.config.InputConfig;
import allpairs.config.JobConfig;
import allpairs.config.KernelConfig;
import allpairs.config.OutputConfig;
import allpairs.support.Jobs;
import allpairs.config.OutputFormat;
import allpairs.support.Fixtures;
import allpairs.support.NpyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kernel through the full Spark job, on ragged FASTA / text and on .npy inputs: the matrix
 * equals the kernel evaluated pair by pair with its own scratch (kernels themselves are checked
 * against independent references in their unit tests), and scratch is created once per partition.
 */
class KernelJobTest {
    @TempDir
    Path dir;

    private Path fasta(String name, int records, int maxLen, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < records; r++) {
            sb.append(">r").append(r).append(" random record\n");
            int len = 1 + rnd.nextInt(maxLen);
            for (int p = 0; p < len; p++) {
                sb.append("ACGT".charAt(rnd.nextInt(4)));
                if (p % 7 == 6) {
                    sb.append('\n'); // wrapped
                }
            }
            sb.append('\n');
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    private Path npy(String name, String descr, int m, int n, int itemSize, long seed, int bound) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ByteBuffer data = ByteBuffer.allocate(m * n * itemSize).order(ByteOrder.LITTLE_ENDIAN);
        for (int e = 0; e < m * n; e++) {
            if (itemSize == 8) {
                data.putDouble(rnd.nextDouble() * 10 - 5);
            } else {
                data.put((byte) rnd.nextInt(bound));
            }
        }
        return NpyFiles.write(dir.resolve(name), NpyFiles.v1("{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
                + m + ", " + n + "), }", data.array()));
    }

    private Path input(String kernel) throws IOException {
        switch (kernel) {
            case "seed": return Fixtures.input(33, 21);
            case "dtw": return npy("series.npy", "<f8", 21, 17, 8, 3, 0);
            case "mi": return npy("labels.npy", "|u1", 19, 40, 1, 4, 6);
            case "test-weighted-difference": return npy("w.npy", "<f8", 13, 5, 8, 9, 0);
            default: return fasta("seqs.fa", 23, 30, 5);
        }
    }

    static double[] readMatrix(Path npy) {
        return Fixtures.float64(npy);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"seed", "levenshtein", "nw", "sw", "dtw", "mi", "test-weighted-difference"})
    void everyKernelRunsThroughTheFullJob(String name) throws IOException {
        Kernel<?> kernel = Kernels.configured(name, List.of());
        Path in = input(name);
        Rows rows = RowsInput.read(in.toString(), null, kernel.elementType(), name, "--input", new Configuration());
        Path out = dir.resolve(name + ".npy");
        RunResult result = Jobs.run(JobConfig.of(in.toString(), out.toString(), name, 4, 3), kernel, rows, null);
        int m = rows.rows();
        double[] matrix = readMatrix(out);
        assertThat(matrix).hasSize(m * m);
        assertThat(result.scratchCreated()).isEqualTo(result.plan().partitions()).isEqualTo(3);
        assertThat(result.n()).isEqualTo(rows.maxLength());
        assertThat(result.pairsComputed()).isEqualTo(kernel.symmetric() ? (long) m * (m + 1) / 2 : (long) m * m);
        assertEqualsPairByPair(kernel, rows, rows, matrix, kernel.symmetric());
    }

    @Test
    void againstComputesTheRectangularQueryByReferenceMatrixWithIds() throws IOException {
        Kernel<?> kernel = Kernels.configured("nw", List.of("gap-open=-3", "mismatch=-2"));
        Path query = fasta("q.fa", 9, 25, 11);
        Path reference = fasta("r.fasta", 14, 25, 12);
        Configuration conf = new Configuration();
        Rows q = RowsInput.read(query.toString(), null, kernel.elementType(), "nw", "--input", conf);
        Rows r = RowsInput.read(reference.toString(), null, kernel.elementType(), "nw", "--against", conf);
        Path out = dir.resolve("qr.npy");
        JobConfig spec = JobConfig.of(query.toString(), out.toString(), "nw", 4, 5)
                .with(new InputConfig(query.toString(), reference.toString(), null))
                .with(new KernelConfig("nw", List.of("gap-open=-3", "mismatch=-2")));
        RunResult result = Jobs.run(spec, kernel, q, r);
        assertThat(result.m()).isEqualTo(9);
        assertThat(result.k()).isEqualTo(14);
        assertThat(result.pairsComputed()).isEqualTo(9 * 14);
        byte[] file = Files.readAllBytes(out);
        assertThat(new String(file, 0, 128, StandardCharsets.ISO_8859_1)).contains("'shape': (9, 14)");
        assertEqualsPairByPair(kernel, q, r, readMatrix(out), false);
        assertThat(Files.readAllLines(dir.resolve("qr.npy.ids.txt"))).containsExactly(q.ids());
        assertThat(Files.readAllLines(dir.resolve("qr.npy.ref_ids.txt"))).containsExactly(r.ids());
    }

    @Test
    void raggedTextThroughParquetAndNpyGiveTheSameValues() throws IOException {
        Path text = Files.writeString(dir.resolve("words.txt"), "kitten\nsitting\nk\nmitten\nsitting\nflaw\nlawn\n");
        Kernel<?> kernel = Kernels.configured("levenshtein", List.of());
        Rows rows = RowsInput.read(text.toString(), InputFormat.TEXT, kernel.elementType(), "levenshtein", "--input",
                new Configuration());
        Path npy = dir.resolve("lev.npy");
        Jobs.run(JobConfig.of(text.toString(), npy.toString(), "levenshtein", 2, 2), kernel, rows, null);
        double[] m = readMatrix(npy);
        assertThat(m[0 * 7 + 1]).isEqualTo(3.0); // kitten / sitting
        assertThat(m[5 * 7 + 6]).isEqualTo(2.0); // flaw / lawn
        assertThat(m[1 * 7 + 4]).isEqualTo(0.0);
        assertThat(dir.resolve("lev.npy.ids.txt")).doesNotExist();
        Path parquet = dir.resolve("lev");
        JobConfig spec = JobConfig.of(text.toString(), parquet.toString(), "levenshtein", 3, 2)
                .with(new OutputConfig(parquet.toString(), OutputFormat.PARQUET, false, null, null));
        Jobs.run(spec, kernel, rows, null);
        assertThat(parquet.resolve("_SUCCESS")).exists();
    }

    private static void assertEqualsPairByPair(Kernel<?> kernel, Rows rows, Rows cols, double[] matrix, boolean mirror) {
        assertPairs(kernel, rows, cols, matrix, mirror);
    }

    private static <S> void assertPairs(Kernel<S> kernel, Rows rows, Rows cols, double[] matrix, boolean mirror) {
        S scratch = kernel.newScratch(Math.max(rows.maxLength(), cols.maxLength()));
        int k = cols.rows();
        for (int i = 0; i < rows.rows(); i++) {
            for (int j = 0; j < k; j++) {
                double expected = mirror ? kernel.compute(rows, Math.min(i, j), rows, Math.max(i, j), scratch)
                        : kernel.compute(rows, i, cols, j, scratch);
                assertThat(Double.doubleToRawLongBits(matrix[i * k + j])).as("%s (%d, %d)", kernel.name(), i, j)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }
}
