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

/** FASTQ cases the Biopython files do not cover: ids, blank lines, element types, empty input. */
class FastqInputTest {
    @TempDir
    Path dir;

    private Rows read(String content, ElementType type) throws IOException {
        Path p = Files.write(dir.resolve("in.fq"), content.getBytes(StandardCharsets.ISO_8859_1));
        return RowsInput.read(p.toString(), null, type, "k", "--input", new Configuration());
    }

    @Test
    void blankLinesBetweenAndAfterRecordsAreSkipped() throws IOException {
        Rows rows = read("\n@a\nAC\n+\nII\n\n \n@b x\nG\n+b x\n~\n\n", ElementType.SYMBOL);
        assertThat(sequences(rows)).containsExactly("AC", "G");
        assertThat(rows.ids()).containsExactly("a", "b");
    }

    @Test
    void idsAreCheckedAsFastaIds() {
        assertThatThrownBy(() -> read("@a\nAC\n+\nII\n@a again\nGT\n+\nII\n", ElementType.SYMBOL))
                .isInstanceOf(UserError.class).hasMessageContaining("duplicate FASTQ id 'a' at line 5 (record 2; first at line 1)");
        assertThatThrownBy(() -> read("@a\nAC\n+\nII\n@ nameless\nGT\n+\nII\n", ElementType.SYMBOL))
                .isInstanceOf(UserError.class).hasMessageContaining("FASTQ header without an id at line 5 (record 2)");
    }

    @Test
    void anEmptySequenceOrFileIsRefused() {
        assertThatThrownBy(() -> read("@a\n\n+\n\n", ElementType.SYMBOL)).isInstanceOf(UserError.class)
                .hasMessageContaining("FASTQ record 1 (header at line 1): empty sequence at line 2");
        assertThatThrownBy(() -> read("\n\n", ElementType.SYMBOL)).isInstanceOf(UserError.class)
                .hasMessageContaining("no rows");
    }

    @Test
    void bytesAreConvertedAndCheckedForTheKernelsElementType() throws IOException {
        assertThat(sequences(read("@a\nAC\n+\nII\n", ElementType.INT8))).containsExactly("AC");
        assertThatThrownBy(() -> read("@a\nA\u00e9\n+\nII\n", ElementType.INT8)).isInstanceOf(UserError.class)
                .hasMessageContaining("value 233 at row 0, column 1");
        assertThatThrownBy(() -> read("@a\nAC\n+\nII\n", ElementType.DOUBLE)).isInstanceOf(UserError.class)
                .hasMessageContaining("text, FASTA and FASTQ inputs hold byte sequences");
    }
}
