package allpairs.io;

import static allpairs.io.InputsTest.sequences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import allpairs.kernel.ElementType;
import allpairs.kernel.Rows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "clean FASTA and text": bytes a user does not see are not symbols. Trailing whitespace
 * (as Biopython strips it), a UTF-8 byte order mark, and ids that are not UTF-8 (once decoded to
 * U+FFFD and then reported as duplicates).
 */
class CleanSequenceInputTest {
    private static final String BOM = "\u00ef\u00bb\u00bf"; // EF BB BF, written as ISO-8859-1

    @TempDir
    Path dir;

    private Path write(String name, String latin1) throws IOException {
        return Files.write(dir.resolve(name), latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Rows read(Path p) {
        return RowsInput.read(p.toString(), null, ElementType.SYMBOL, "k", "--input", new Configuration());
    }

    @Test
    void trailingSpacesTabsAndCarriageReturnsAreNotSymbols() throws IOException {
        assertThat(sequences(read(write("a.txt", "ACGT \t\r\nac\t\nG T  \n\tx\r \n")))).containsExactly("ACGT", "ac", "G T", "\tx");
        Rows fasta = read(write("b.fa", ">s1 desc \r\nACGT  \r\nAC\t\n>s2\t\r\nG G\r\n"));
        assertThat(sequences(fasta)).containsExactly("ACGTAC", "GG");
        assertThat(fasta.ids()).containsExactly("s1", "s2");
    }

    @Test
    void aLineOfWhitespaceIsBlank() throws IOException {
        assertThatThrownBy(() -> read(write("a.txt", "AC\n \t\nGT\n"))).isInstanceOf(UserError.class)
                .hasMessageContaining("empty line 2");
        assertThat(sequences(read(write("b.fa", ">s1\nAC\n  \r\n>s2\nGT\n")))).containsExactly("AC", "GT");
        assertThatThrownBy(() -> read(write("c.fa", ">s1\n \t\n>s2\nGT\n"))).isInstanceOf(UserError.class)
                .hasMessageContaining("empty FASTA record 's1'");
    }

    @Test
    void aByteOrderMarkAtTheStartIsSkipped() throws IOException {
        assertThat(sequences(read(write("a.txt", BOM + "ACGT\nTT\n")))).containsExactly("ACGT", "TT");
        Rows fasta = read(write("b.fa", BOM + ">s1\nACGT\n"));
        assertThat(sequences(fasta)).containsExactly("ACGT");
        assertThat(fasta.ids()).containsExactly("s1");
        // only at the start of the file: later it is three bytes like any others
        assertThat(sequences(read(write("c.txt", "AC\n" + BOM + "GT\n")))).containsExactly("AC", BOM + "GT");
    }

    @Test
    void idsThatAreNotUtf8AreRefusedNamingTheRecord() throws IOException {
        Path bad = write("a.fa", ">ok\nAC\n>\u00ff1 x\nAC\n>\u00fe1\nGT\n");
        assertThatThrownBy(() -> read(bad)).isInstanceOf(UserError.class)
                .hasMessageContaining("FASTA id of record 2 at line 3 is not valid UTF-8")
                .hasMessageEndingWith(bad.toString());
        Rows utf8 = read(Files.write(dir.resolve("b.fa"), ">s\u00e9q\nAC\n>s\u00e9r\nGT\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(utf8.ids()).containsExactly("s\u00e9q", "s\u00e9r");
    }
}
