package allpairs.io;

import static allpairs.io.InputsTest.sequences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import allpairs.kernel.ElementType;
import allpairs.kernel.Rows;
import allpairs.support.BiopythonFiles;
import allpairs.support.BiopythonFiles.Parsed;
import allpairs.support.MiniHdfs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FASTQ and FASTA read as Biopython reads them: files written by Biopython or by hand (CRLF,
 * trailing whitespace, repeated titles, blank lines), and Biopython's parse of each kept next to
 * them (src/test/resources/biopython/make_sequences.py).
 */
class BiopythonInputsTest {
    @TempDir
    Path dir;

    private static Rows read(String location, InputFormat format) {
        return RowsInput.read(location, format, ElementType.SYMBOL, "k", "--input", new Configuration());
    }

    private static void assertSameAsBiopython(Rows rows, String name) {
        List<Parsed> expected = BiopythonFiles.expected(name);
        assertThat(rows.ids()).as(name).containsExactlyElementsOf(expected.stream().map(Parsed::id).toList());
        assertThat(sequences(rows)).as(name).containsExactlyElementsOf(expected.stream().map(Parsed::sequence).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"reads.fq", "reads.fastq.gz", "messy.fq", "proteins.fa", "messy.fa"})
    void readsWhatBiopythonReads(String name) {
        assertSameAsBiopython(read(BiopythonFiles.file(name).toString(), null), name);
    }

    @Test
    void theFormatOptionAndAByteOrderMark() throws IOException {
        byte[] fastq = Files.readAllBytes(BiopythonFiles.file("reads.fq"));
        Path unnamed = Files.write(dir.resolve("reads.dat"), fastq);
        assertSameAsBiopython(read(unnamed.toString(), InputFormat.FASTQ), "reads.fq");
        assertThatThrownBy(() -> read(unnamed.toString(), null)).isInstanceOf(UserError.class)
                .hasMessageContaining(".fq/.fastq[.gz]").hasMessageContaining("npy|npz|text|fasta|fastq");
        byte[] withBom = new byte[fastq.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(fastq, 0, withBom, 3, fastq.length);
        assertSameAsBiopython(read(Files.write(dir.resolve("bom.fastq"), withBom).toString(), null), "reads.fq");
    }

    @Test
    void readsThroughHdfs() throws IOException {
        try (FileSystem fs = MiniHdfs.fileSystem()) {
            org.apache.hadoop.fs.Path p = fs.makeQualified(new org.apache.hadoop.fs.Path("/fastq/reads.fastq.gz"));
            try (OutputStream os = fs.create(p, true)) {
                os.write(Files.readAllBytes(BiopythonFiles.file("reads.fastq.gz")));
            }
            assertSameAsBiopython(read(p.toString(), null), "reads.fastq.gz");
        }
    }

    @Test
    void refusesMalformedFastqNamingTheRecord() {
        List<String[]> cases = BiopythonFiles.malformed();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(10);
        for (String[] c : cases) {
            Path file = BiopythonFiles.file(c[0]);
            assertThatThrownBy(() -> read(file.toString(), null)).as(c[0] + " (" + c[2] + ")")
                    .isInstanceOf(UserError.class).hasMessageStartingWith("FASTQ record " + c[1] + " ")
                    .hasMessageEndingWith(file.toString());
        }
    }
}
