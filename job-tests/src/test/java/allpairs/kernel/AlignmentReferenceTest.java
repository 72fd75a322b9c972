package allpairs.kernel;

import static allpairs.kernel.KernelTestSupport.ragged;
import static allpairs.kernel.NeedlemanWunschKernelTest.allAlignments;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * nw and sw with substitution matrices against independent references: Biopython's
 * PairwiseAligner scores (tables made by src/test/scripts/make_alignment_references.py, rows of
 * 1-12, ~64, ~300 and >1000 symbols, and rows whose scores overflow 16 bits), and a brute force
 * over every alignment on short rows. Both entry points are checked: compute (the double DP) and
 * computeRow (the integer/SIMD path the tiles call).
 */
class AlignmentReferenceTest {
    /** One table: the kernel configured as the header says, its rows, and Biopython's score of each pair i <= j. */
    record Case(String file, Kernel<Object> kernel, byte[][] rows, double[][] scores) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String kernel : List.of("nw", "sw")) {
            for (String table : List.of("BLOSUM45", "BLOSUM50", "BLOSUM62", "BLOSUM80", "BLOSUM90", "PAM30", "PAM70",
                    "PAM250", "NUC.4.4", "match-mismatch", "saturation")) {
                cases.add(read(kernel + "-" + table + ".tsv"));
            }
        }
        return cases.stream();
    }

    @SuppressWarnings("unchecked")
    static Case read(String file) throws IOException {
        List<byte[]> rows = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        Kernel<Object> kernel = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                AlignmentReferenceTest.class.getResourceAsStream("/allpairs/align/" + file), ISO_8859_1))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t");
                if (line.startsWith("# kernel=")) {
                    String[] words = line.substring(2, line.indexOf("  (")).split(" ");
                    kernel = (Kernel<Object>) Kernels.configured(words[0].substring("kernel=".length()),
                            Arrays.asList(words).subList(1, words.length));
                } else if (f[0].equals("row")) {
                    rows.add(f[1].getBytes(ISO_8859_1));
                } else if (f[0].equals("score")) {
                    scores.add(new double[] {Integer.parseInt(f[1]), Integer.parseInt(f[2]), Double.parseDouble(f[3])});
                }
            }
        }
        double[][] table = new double[rows.size()][rows.size()];
        for (double[] s : scores) {
            table[(int) s[0]][(int) s[1]] = s[2];
        }
        assertThat(scores).hasSize(rows.size() * (rows.size() + 1) / 2);
        return new Case(file, kernel, rows.toArray(new byte[0][]), table);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDoubleDpMatchesBiopython(Case c) {
        ByteRows data = ragged(c.rows());
        Object scratch = c.kernel().newScratch(data.maxLength());
        for (int i = 0; i < c.rows().length; i++) {
            for (int j = i; j < c.rows().length; j++) {
                assertThat(c.kernel().compute(data, i, data, j, scratch)).as("%s (%d, %d)", c, i, j)
                        .isEqualTo(c.scores()[i][j]);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void computeRowMatchesBiopythonWhateverTheColumnRange(Case c) {
        ByteRows data = ragged(c.rows());
        int m = c.rows().length;
        Object scratch = c.kernel().newScratch(data.maxLength());
        double[] out = new double[m + 3];
        SplittableRandom rnd = new SplittableRandom(c.file().hashCode());
        for (int i = 0; i < m; i++) {
            // the whole upper row at once, then in random runs (groups of lanes form differently)
            c.kernel().computeRow(data, i, data, i, m, Double.NEGATIVE_INFINITY, scratch, out, 3);
            for (int j = i; j < m; j++) {
                assertThat(out[3 + j - i]).as("%s row %d col %d", c, i, j).isEqualTo(c.scores()[i][j]);
            }
            for (int from = 0; from < m; ) {
                int to = Math.min(m, from + 1 + rnd.nextInt(m));
                Arrays.fill(out, Double.NaN);
                c.kernel().computeRow(data, i, data, from, to, Double.NEGATIVE_INFINITY, scratch, out, 1);
                for (int j = from; j < to; j++) {
                    double expected = i <= j ? c.scores()[i][j] : c.scores()[j][i];
                    assertThat(out[1 + j - from]).as("%s row %d col %d in [%d, %d)", c, i, j, from, to).isEqualTo(expected);
                }
                from = to;
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void wideTileRowsMatchBiopythonInEveryLaneWidth(Case c) {
        // The rows repeated into tile rows of 70+ columns: sw fills 8-bit lanes (and hands overflowed
        // lanes to 16 bits, then 32), nw full groups of 16-bit lanes; the saturation rows overflow both.
        int r = c.rows().length;
        int repeat = (70 + r - 1) / r;
        byte[][] rows = new byte[repeat * r][];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = c.rows()[k % r];
        }
        ByteRows data = ragged(rows);
        Object scratch = c.kernel().newScratch(data.maxLength());
        double[] out = new double[rows.length];
        assertThat(IntAlignment.LANES_AVAILABLE).as("tests run with --add-modules jdk.incubator.vector").isTrue();
        for (int i = 0; i < r; i++) {
            c.kernel().computeRow(data, i, data, 0, rows.length, Double.NEGATIVE_INFINITY, scratch, out, 0);
            for (int j = 0; j < rows.length; j++) {
                int a = Math.min(i, j % r);
                int b = Math.max(i, j % r);
                assertThat(out[j]).as("%s row %d col %d", c, i, j).isEqualTo(c.scores()[a][b]);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manySymbolKernels")
    void alphabetsTooLargeForOneVectorTakeTheTableProfile(String kernel) {
        // Rows of 100 distinct bytes: the column codes do not fit a vector, so no rearranged profile
        // and no 8-bit lanes; the 16-bit lanes build the profile from the table. Rows of 4 bytes
        // between them take the rearranged profiles. The double DP is the reference.
        @SuppressWarnings("unchecked")
        Kernel<Object> k = (Kernel<Object>) Kernels.configured(kernel, List.of("match=3", "mismatch=-1"));
        SplittableRandom rnd = new SplittableRandom(7);
        byte[][] rows = new byte[72][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = new byte[1 + rnd.nextInt(150)];
            for (int p = 0; p < rows[r].length; p++) {
                rows[r][p] = (byte) (28 + rnd.nextInt(r % 2 == 0 ? 100 : 4));
            }
        }
        ByteRows data = ragged(rows);
        Object scratch = k.newScratch(data.maxLength());
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            k.computeRow(data, i, data, 0, rows.length, Double.NEGATIVE_INFINITY, scratch, out, 0);
            for (int j = 0; j < rows.length; j++) {
                assertThat(out[j]).as("%s row %d col %d", kernel, i, j).isEqualTo(k.compute(data, i, data, j, scratch));
            }
        }
    }

    static Stream<String> manySymbolKernels() {
        return Stream.of("sw", "nw");
    }

    /** Zero bytes per pair once warm, measured in a JVM of its own ({@link AlignmentAllocationProbe}). */
    @Test
    void computeRowDoesNotAllocateOnceWarm() throws Exception {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx512m", "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), AlignmentAllocationProbe.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        for (String kernel : List.of("sw", "nw")) {
            java.util.regex.Matcher line = java.util.regex.Pattern
                    .compile("(?m)^" + kernel + " pairs=(\\d+) bytes=(\\d+)$").matcher(out);
            assertThat(line.find()).as(out).isTrue();
            assertThat(Long.parseLong(line.group(2))).as("%s: bytes over %s pairs", kernel, line.group(1))
                    .isLessThan(Long.parseLong(line.group(1)));
        }
    }

    /** The score of one alignment (columns as in NeedlemanWunschKernelTest) under a matrix. */
    static double score(String columns, byte[] x, byte[] y, SubstitutionMatrix sub, double open, double extend) {
        double total = 0;
        int i = 0;
        int j = 0;
        for (int k = 0; k < columns.length(); k++) {
            char c = columns.charAt(k);
            boolean extending = k > 0 && columns.charAt(k - 1) == c;
            if (c == 'M') {
                total += sub.score(x[i++], y[j++]);
            } else {
                total += extending ? extend : open;
                if (c == 'X') {
                    i++;
                } else {
                    j++;
                }
            }
        }
        return total;
    }

    static double bruteForceGlobal(byte[] x, byte[] y, SubstitutionMatrix sub, double open, double extend) {
        double best = Double.NEGATIVE_INFINITY;
        for (String a : allAlignments(x.length, y.length)) {
            best = Math.max(best, score(a, x, y, sub, open, extend));
        }
        return best;
    }

    static double bruteForceLocal(byte[] x, byte[] y, SubstitutionMatrix sub, double open, double extend) {
        double best = 0;
        for (int xa = 0; xa < x.length; xa++) {
            for (int xb = xa + 1; xb <= x.length; xb++) {
                for (int ya = 0; ya < y.length; ya++) {
                    for (int yb = ya + 1; yb <= y.length; yb++) {
                        best = Math.max(best, bruteForceGlobal(Arrays.copyOfRange(x, xa, xb),
                                Arrays.copyOfRange(y, ya, yb), sub, open, extend));
                    }
                }
            }
        }
        return best;
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothEntryPointsMatchTheBruteForceOverAllAlignmentsOnShortRows() {
        SplittableRandom rnd = new SplittableRandom(14);
        String alphabet = "ARNDCWwxJ*";
        for (int trial = 0; trial < 12; trial++) {
            String name = List.of("BLOSUM62", "PAM30", "BLOSUM45").get(trial % 3);
            SubstitutionMatrix sub = MatrixParser.load(name);
            int open = -rnd.nextInt(0, 12);
            int extend = -rnd.nextInt(0, 5);
            byte[][] rows = new byte[6][];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = new byte[1 + rnd.nextInt(5)];
                for (int p = 0; p < rows[r].length; p++) {
                    rows[r][p] = (byte) alphabet.charAt(rnd.nextInt(alphabet.length()));
                }
            }
            ByteRows data = ragged(rows);
            for (String kernel : List.of("nw", "sw")) {
                Kernel<Object> k = (Kernel<Object>) Kernels.configured(kernel,
                        List.of("matrix=" + name, "gap-open=" + open, "gap-extend=" + extend));
                Object scratch = k.newScratch(data.maxLength());
                double[] out = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    k.computeRow(data, i, data, 0, rows.length, Double.NEGATIVE_INFINITY, scratch, out, 0);
                    for (int j = 0; j < rows.length; j++) {
                        double expected = kernel.equals("nw") ? bruteForceGlobal(rows[i], rows[j], sub, open, extend)
                                : bruteForceLocal(rows[i], rows[j], sub, open, extend);
                        String what = String.format("%s %s o=%d e=%d %s / %s", kernel, name, open, extend,
                                new String(rows[i], ISO_8859_1), new String(rows[j], ISO_8859_1));
                        assertThat(k.compute(data, i, data, j, scratch)).as(what).isEqualTo(expected);
                        assertThat(out[j]).as(what).isEqualTo(expected);
                    }
                }
            }
        }
    }
}
