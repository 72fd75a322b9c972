package allpairs.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import allpairs.io.InputFormat;
import allpairs.io.RowsInput;
import allpairs.kernel.ByteRows;
import allpairs.kernel.ElementType;
import allpairs.support.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/**
 * The executors' read of the join's inputs (RowSplits) against the driver's reader (RowsInput): the
 * same rows in the same order, and the same error for bad input, whatever the split size (splits
 * of a few bytes put a boundary inside most lines).
 */
class RowSplitsTest {
    private static final long[] SPLITS = {1, 3, 7, 1 << 20};

    @TempDir
    Path dir;

    private final JavaSparkContext sc = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());

    @AfterEach
    void defaultSplits() {
        sc.hadoopConfiguration().unset(RowSplits.MAX_SPLIT);
    }

    @Test
    void textInSplitsOfAnySizeGivesTheDriversRows() throws IOException {
        byte[] text = bytes("\uFEFFACGT\r\nAC GT  \nA\n" + "G".repeat(40) + "\t\nTTAGGC\r\n\u00e9\u00e8\nCA");
        Path file = Files.write(dir.resolve("reads.txt"), text);
        for (long split : SPLITS) {
            assertSameAsDriver(file, InputFormat.TEXT, split);
        }
        Path endsWithNewline = Files.write(dir.resolve("nl.txt"), bytes("AC\nGT\n"));
        assertSameAsDriver(endsWithNewline, InputFormat.TEXT, 3);
    }

    @Test
    void fastaFastqAndGzipAreReadWholeOnTheExecutors() throws IOException {
        Path fasta = Files.write(dir.resolve("r.fa"), bytes(">a x\nACG\nTT\n\n>b\nGG A\n>c\nT\n"));
        // a quality line that starts with '@' and one with '+': the four-line frame decides
        Path fastq = Files.write(dir.resolve("r.fq"), bytes("@r1\nACGT\n+\n@III\n\n@r2\nGGA\n+r2\n+II\n"));
        Path gz = Files.write(dir.resolve("r.txt.gz"), gzip(bytes("ACGT\nGGA\nT\n")));
        // one split per file whatever the split size (gzip is not splittable; FASTA/FASTQ not yet)
        assertSameAsDriver(fasta, null, 3);
        assertSameAsDriver(fastq, null, 3);
        assertSameAsDriver(gz, InputFormat.TEXT, 3);
    }

    @Test
    void badInputFailsWithTheDriversError() throws IOException {
        Path empty = Files.write(dir.resolve("gap.txt"), bytes("ACGT\nGGA\nTTT\nCCAA\n  \nAC\n"));
        Path frame = Files.write(dir.resolve("bad.fq"), bytes("@r1\nACGT\n+\nIIII\n@r2\nGGA\nIII\n+\n"));
        Path nothing = Files.write(dir.resolve("none.txt"), new byte[0]);
        for (long split : new long[] {4, 1 << 20}) {
            sc.hadoopConfiguration().setLong(RowSplits.MAX_SPLIT, split);
            for (Path bad : List.of(empty, frame, nothing)) {
                String expected = driverError(bad);
                assertThatThrownBy(() -> RowSplits.read(sc, bad.toString(), null, ElementType.SYMBOL, "levenshtein"))
                        .as("%s in splits of %d bytes", bad.getFileName(), split)
                        .isInstanceOf(UserError.class).hasMessage(expected);
            }
        }
        assertThat(driverError(empty)).contains("empty line 5");
    }

    @Test
    void aCallersRddIsNumberedInItsOrder() {
        List<byte[]> rows = List.of(bytes("AC"), bytes("GGT"), bytes(""), bytes("T"));
        RowSource source = RowSource.of(sc.parallelize(rows, 3));
        assertThat(source.count()).isEqualTo(4);
        assertThat(source.maxLength()).isEqualTo(3);
        assertThat(source.bytes()).isEqualTo(6);
        assertThat(collected(source)).containsExactlyElementsOf(rows);
    }

    private void assertSameAsDriver(Path file, InputFormat format, long split) {
        sc.hadoopConfiguration().setLong(RowSplits.MAX_SPLIT, split);
        RowSource source = RowSplits.read(sc, file.toString(), format, ElementType.SYMBOL, "levenshtein");
        ByteRows driver = (ByteRows) RowsInput.read(file.toString(), format, ElementType.SYMBOL, "levenshtein",
                "--input", new Configuration());
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < driver.rows(); i++) {
            expected.add(Arrays.copyOfRange(driver.data(), driver.offset(i), driver.offset(i) + driver.length(i)));
        }
        String what = file.getFileName() + " in splits of " + split + " bytes";
        assertThat(collected(source)).as(what).containsExactlyElementsOf(expected);
        assertThat(source.count()).as(what).isEqualTo(driver.rows());
        assertThat(source.maxLength()).as(what).isEqualTo(driver.maxLength());
        assertThat(source.bytes()).as(what).isEqualTo(driver.dataBytes());
    }

    /** The rows by number, checking the numbers are 0..count-1. */
    private static List<byte[]> collected(RowSource source) {
        List<Tuple2<Long, byte[]>> all = new ArrayList<>(source.rows().collect());
        all.sort((a, b) -> Long.compare(a._1(), b._1()));
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i)._1()).isEqualTo(i);
            out.add(all.get(i)._2());
        }
        return out;
    }

    private static String driverError(Path file) {
        try {
            RowsInput.read(file.toString(), null, ElementType.SYMBOL, "levenshtein", "--input", new Configuration());
        } catch (UserError e) {
            return e.getMessage();
        }
        throw new AssertionError(file + " was read without error");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }
}
