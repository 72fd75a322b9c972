package allpairs.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import allpairs.kernel.ByteRows;
import allpairs.kernel.DoubleRows;
import allpairs.kernel.ElementType;
import allpairs.kernel.Rows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs of every kind: NumPy-written .npy of each dtype/order (src/test/resources/numpy), text, FASTA. */
class InputsTest {
    static final long[] SIGNED = {-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6};
    static final long[] UNSIGNED = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    static final List<String> DTYPES = List.of("i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "f4", "f8");

    @TempDir
    Path dir;

    static Path numpy(String name) {
        return allpairs.support.Fixtures.numpy(name);
    }

    static Rows read(Path p, ElementType type) {
        return RowsInput.read(p.toString(), null, type, "k", "--input", new Configuration());
    }

    static Rows read(Path p, InputFormat format, ElementType type) {
        return RowsInput.read(p.toString(), format, type, "k", "--input", new Configuration());
    }

    static List<String> numpyFiles(String dtype) {
        boolean single = dtype.endsWith("1");
        return single ? List.of("m3x4_" + dtype + "_le_c.npy", "m3x4_" + dtype + "_le_f.npy")
                : List.of("m3x4_" + dtype + "_le_c.npy", "m3x4_" + dtype + "_le_f.npy",
                        "m3x4_" + dtype + "_be_c.npy", "m3x4_" + dtype + "_be_f.npy");
    }

    @Test
    void readsEveryNumericDtypeByteOrderAndMemoryOrderAsDoubles() {
        for (String dtype : DTYPES) {
            long[] expected = dtype.startsWith("u") ? UNSIGNED : SIGNED;
            for (String file : numpyFiles(dtype)) {
                DoubleRows rows = (DoubleRows) read(numpy(file), ElementType.DOUBLE);
                assertThat(rows.rows()).as(file).isEqualTo(3);
                assertThat(rows.maxLength()).isEqualTo(4);
                for (int e = 0; e < 12; e++) {
                    assertThat(rows.get(e / 4, e % 4)).as(file + " element " + e).isEqualTo((double) expected[e]);
                }
            }
        }
    }

    @Test
    void convertsIntegersToBytesAndRefusesWhatDoesNotFit() {
        for (String dtype : DTYPES) {
            if (dtype.startsWith("f")) {
                for (String file : numpyFiles(dtype)) {
                    for (ElementType t : new ElementType[] {ElementType.INT8, ElementType.UINT8, ElementType.SYMBOL}) {
                        assertThatThrownBy(() -> read(numpy(file), t)).isInstanceOf(UserError.class)
                                .hasMessageContaining("dtype '").hasMessageContaining("not supported by kernel k");
                    }
                }
                continue;
            }
            boolean signed = dtype.startsWith("i");
            long[] expected = signed ? SIGNED : UNSIGNED;
            for (String file : numpyFiles(dtype)) {
                ByteRows int8 = (ByteRows) read(numpy(file), ElementType.INT8);
                for (int e = 0; e < 12; e++) {
                    assertThat((long) int8.get(e / 4, e % 4)).as(file).isEqualTo(expected[e]);
                }
                if (signed && !dtype.equals("i1")) {
                    // -5 at (0, 0) does not fit 0..255
                    assertThatThrownBy(() -> read(numpy(file), ElementType.UINT8)).isInstanceOf(UserError.class)
                            .hasMessageContaining("value -5 at row 0, column 0 is out of range 0..255");
                    assertThatThrownBy(() -> read(numpy(file), ElementType.SYMBOL)).isInstanceOf(UserError.class)
                            .hasMessageContaining("value -5 at row 0, column 0");
                } else if (dtype.equals("i1")) {
                    // i1 symbols are taken by bit pattern
                    ByteRows sym = (ByteRows) read(numpy(file), ElementType.SYMBOL);
                    assertThat(sym.get(0, 0)).isEqualTo((byte) -5);
                } else {
                    ByteRows u = (ByteRows) read(numpy(file), ElementType.UINT8);
                    for (int e = 0; e < 12; e++) {
                        assertThat(u.get(e / 4, e % 4) & 0xFF).isEqualTo((int) expected[e]);
                    }
                }
            }
        }
    }

    @Test
    void refusesNonFiniteValuesNamingRowAndColumn() {
        assertThatThrownBy(() -> read(numpy("m2x3_f8_nan.npy"), ElementType.DOUBLE)).isInstanceOf(UserError.class)
                .hasMessageContaining("value NaN at row 0, column 2 is not finite");
        assertThatThrownBy(() -> read(numpy("m2x3_f8_inf.npy"), ElementType.DOUBLE)).isInstanceOf(UserError.class)
                .hasMessageContaining("value -Infinity at row 1, column 1 is not finite");
    }

    @Test
    void refusesUnsupportedDtypesByDescr() {
        for (String file : new String[] {"m2x2_bool.npy", "m2x2_f2.npy", "m2x2_c16.npy", "m2x2_U3.npy", "m2x2_object.npy"}) {
            for (ElementType t : ElementType.values()) {
                assertThatThrownBy(() -> read(numpy(file), t)).as(file).isInstanceOf(UserError.class)
                        .hasMessageContaining("is not supported").hasMessageEndingWith(numpy(file).toString());
            }
        }
    }

    @Test
    void wideIntegersConvertExactlyOrAreRefused() {
        assertThat(((DoubleRows) read(numpy("m2x2_i8_big.npy"), ElementType.DOUBLE)).get(1, 1)).isEqualTo(0x1p40);
        assertThatThrownBy(() -> read(numpy("m2x2_i8_big.npy"), ElementType.INT8)).isInstanceOf(UserError.class)
                .hasMessageContaining("value 1099511627776 at row 1, column 1");
        assertThat(((DoubleRows) read(numpy("m2x2_u8_huge.npy"), ElementType.DOUBLE)).get(1, 1)).isEqualTo(0x1p64);
        assertThatThrownBy(() -> read(numpy("m2x2_u8_huge.npy"), ElementType.UINT8)).isInstanceOf(UserError.class)
                .hasMessageContaining("value 18446744073709551615 at row 1, column 1");
    }

    @Test
    void asciiLettersInU1AndI1AreSequences() {
        for (String f : new String[] {"words_u1.npy", "words_i1.npy"}) {
            ByteRows rows = (ByteRows) read(numpy(f), ElementType.SYMBOL);
            assertThat(new String(rows.data(), rows.offset(1), rows.length(1), StandardCharsets.US_ASCII)).isEqualTo("sittin");
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.ISO_8859_1));
    }

    private Path gzip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content.getBytes(StandardCharsets.ISO_8859_1));
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    static List<String> sequences(Rows rows) {
        ByteRows b = (ByteRows) rows;
        String[] out = new String[b.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new String(b.data(), b.offset(i), b.length(i), StandardCharsets.ISO_8859_1);
        }
        return Arrays.asList(out);
    }

    @Test
    void readsTextLinesAsTheyAre() throws IOException {
        String text = "ACGT\r\nac\nG\u00e9G\n";
        assertThat(sequences(read(write("a.txt", text), ElementType.SYMBOL))).containsExactly("ACGT", "ac", "G\u00e9G");
        assertThat(sequences(read(write("b.txt", "x\nyz"), ElementType.SYMBOL))).containsExactly("x", "yz");
        assertThat(sequences(read(gzip("c.txt.gz", text), ElementType.SYMBOL))).containsExactly("ACGT", "ac", "G\u00e9G");
        assertThat(read(write("d.txt", text), ElementType.SYMBOL).ids()).isNull();
        assertThat(sequences(read(write("e.dat", "abc\n"), InputFormat.TEXT, ElementType.UINT8))).containsExactly("abc");
    }

    @Test
    void refusesBadText() throws IOException {
        assertThatThrownBy(() -> read(write("a.txt", "AC\n\nGT\n"), ElementType.SYMBOL))
                .isInstanceOf(UserError.class).hasMessageContaining("empty line 2");
        assertThatThrownBy(() -> read(write("b.txt", ""), ElementType.SYMBOL))
                .isInstanceOf(UserError.class).hasMessageContaining("no rows");
        assertThatThrownBy(() -> read(write("c.txt", "AC\n"), ElementType.DOUBLE))
                .isInstanceOf(UserError.class).hasMessageContaining("needs numbers");
        assertThatThrownBy(() -> read(write("d.txt", "AC\nG\u00e9\n"), ElementType.INT8))
                .isInstanceOf(UserError.class).hasMessageContaining("value 233 at row 1, column 1");
        byte[] gz = Files.readAllBytes(gzip("e.txt.gz", "ACGT\n".repeat(1000)));
        Path truncated = Files.write(dir.resolve("f.txt.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> read(truncated, ElementType.SYMBOL))
                .isInstanceOf(UserError.class).hasMessageContaining("corrupt or truncated")
                .hasMessageEndingWith(truncated.toString());
        assertThatThrownBy(() -> read(write("g.tsv", "AC\n"), ElementType.SYMBOL))
                .isInstanceOf(UserError.class).hasMessageContaining("--input-format");
    }

    @Test
    void readsFastaWithIdsAndWrappedSequences() throws IOException {
        String fasta = ">seq1 first one\nACGT\nAC\n\n>seq2\r\nGG\n>seq3\tthird\nT\n";
        for (Path p : new Path[] {write("a.fa", fasta), write("b.fasta", fasta), write("c.fna", fasta),
            gzip("d.fa.gz", fasta)}) {
            Rows rows = read(p, ElementType.SYMBOL);
            assertThat(sequences(rows)).containsExactly("ACGTAC", "GG", "T");
            assertThat(rows.ids()).containsExactly("seq1", "seq2", "seq3");
            assertThat(rows.maxLength()).isEqualTo(6);
        }
    }

    @Test
    void refusesMalformedFastaWithTheLineNumber() throws IOException {
        assertThatThrownBy(() -> read(write("a.fa", "ACGT\n>s\nAC\n"), ElementType.SYMBOL)).isInstanceOf(UserError.class)
                .hasMessageContaining("sequence before the first '>' header at line 1");
        assertThatThrownBy(() -> read(write("b.fa", ">s1\n>s2\nAC\n"), ElementType.SYMBOL)).isInstanceOf(UserError.class)
                .hasMessageContaining("empty FASTA record 's1' (header at line 1");
        assertThatThrownBy(() -> read(write("c.fa", ">s1\nAC\n>s2\n"), ElementType.SYMBOL)).isInstanceOf(UserError.class)
                .hasMessageContaining("empty FASTA record 's2' (header at line 3");
        assertThatThrownBy(() -> read(write("d.fa", ">s1\nAC\n>s1 again\nGT\n"), ElementType.SYMBOL))
                .isInstanceOf(UserError.class).hasMessageContaining("duplicate FASTA id 's1' at line 3 (record 2; first at line 1)");
        assertThatThrownBy(() -> read(write("e.fa", "> nameless\nAC\n"), ElementType.SYMBOL))
                .isInstanceOf(UserError.class).hasMessageContaining("without an id at line 1");
        assertThatThrownBy(() -> read(write("f.fa", ""), ElementType.SYMBOL))
                .isInstanceOf(UserError.class).hasMessageContaining("no rows");
    }
}
