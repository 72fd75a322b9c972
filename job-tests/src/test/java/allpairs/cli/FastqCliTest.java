package allpairs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.BiopythonFiles;
import allpairs.support.BiopythonFiles.Parsed;
import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.SparkCliTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FASTQ end to end through the command line: the matrix against a brute-force edit distance of
 * the sequences Biopython read, the ids in the sidecars, and malformed files refused (exit 2, one
 * line naming the file and record, nothing written).
 */
class FastqCliTest extends SparkCliTest {

    /** Textbook dynamic programme, independent of the kernel's bit-parallel code. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static void assertDistances(double[] matrix, List<Parsed> rows, List<Parsed> cols) {
        assertThat(matrix).hasSize(rows.size() * cols.size());
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                assertThat(matrix[i * cols.size() + j]).as("(%d, %d)", i, j)
                        .isEqualTo(editDistance(rows.get(i).sequence(), cols.get(j).sequence()));
            }
        }
    }

    private static List<String> ids(List<Parsed> parsed) {
        return parsed.stream().map(Parsed::id).toList();
    }

    @Test
    void levenshteinOnAFastqMatchesTheBruteForceDistances() throws IOException {
        Path out = dir.resolve("d.npy");
        Cli r = run("--input", BiopythonFiles.file("reads.fq").toString(), "--output", out.toString(),
                "--kernel", "levenshtein", "--block-size", "16");
        assertThat(r.exitCode).as(r.toString()).isZero();
        List<Parsed> reads = BiopythonFiles.expected("reads.fq");
        assertDistances(Fixtures.float64(out), reads, reads);
        assertThat(Files.readAllLines(dir.resolve("d.npy.ids.txt"), StandardCharsets.UTF_8)).isEqualTo(ids(reads));
    }

    @Test
    void againstAGzippedFastq() throws IOException {
        Path out = dir.resolve("q.npy");
        Cli r = run("--input", BiopythonFiles.file("messy.fq").toString(), "--against",
                BiopythonFiles.file("reads.fastq.gz").toString(), "--output", out.toString(), "--kernel", "levenshtein");
        assertThat(r.exitCode).as(r.toString()).isZero();
        List<Parsed> query = BiopythonFiles.expected("messy.fq");
        List<Parsed> reference = BiopythonFiles.expected("reads.fastq.gz");
        assertDistances(Fixtures.float64(out), query, reference);
        assertThat(Files.readAllLines(dir.resolve("q.npy.ids.txt"), StandardCharsets.UTF_8)).isEqualTo(ids(query));
        assertThat(Files.readAllLines(dir.resolve("q.npy.ref_ids.txt"), StandardCharsets.UTF_8))
                .isEqualTo(ids(reference));
    }

    @Test
    void malformedFastqIsOneLineNamingTheFileAndRecordAndNothingIsWritten() {
        String good = BiopythonFiles.file("reads.fq").toString();
        for (String[] c : BiopythonFiles.malformed()) {
            String bad = BiopythonFiles.file(c[0]).toString();
            for (String[] inputs : new String[][] {{"--input", bad}, {"--input", good, "--against", bad}}) {
                Path out = dir.resolve("out.npy");
                Cli r = Cli.runWithoutSpark(concat(inputs, "--output", out.toString(), "--kernel", "levenshtein"));
                BadInputTest.assertUserError(r, "FASTQ record " + c[1] + " ", bad);
                assertThat(dir.toFile().list()).as(r.toString()).isEmpty();
            }
        }
    }

    @Test
    void anIdThatIsNotUtf8IsRefusedNamingTheRecord() throws IOException {
        byte[] fastq = "@r1\nAC\n+\nII\n@r\u00ff\nAC\n+\nII\n".getBytes(StandardCharsets.ISO_8859_1);
        Path in = Files.write(dir.resolve("in.fq"), fastq);
        Cli r = Cli.runWithoutSpark("--input", in.toString(), "--output", dir.resolve("o.npy").toString(),
                "--kernel", "levenshtein");
        BadInputTest.assertUserError(r, "FASTQ id of record 2 at line 5 is not valid UTF-8", in.toString());
        assertThat(dir.toFile().list()).containsExactly("in.fq");
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
