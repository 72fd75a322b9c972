package allpairs.kernel;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in matrices against Biopython's tables, the NCBI parser's errors, symbol mapping. */
class SubstitutionMatrixTest {
    @TempDir
    Path dir;

    /** matrices.txt from make_alignment_references.py: NAME SYMBOLS, then K rows of scores. */
    static Map<String, List<String>> biopythonTables() throws IOException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SubstitutionMatrixTest.class.getResourceAsStream("/allpairs/align/matrices.txt"), ISO_8859_1))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] head = line.split(" ");
                List<String> block = new java.util.ArrayList<>(List.of(head[1]));
                for (int k = 0; k < head[1].length(); k++) {
                    block.add(r.readLine());
                }
                tables.put(head[0], block);
            }
        }
        return tables;
    }

    @Test
    void everyBuiltInMatrixHasBiopythonsValues() throws IOException {
        Map<String, List<String>> tables = biopythonTables();
        assertThat(tables.keySet()).containsExactlyInAnyOrderElementsOf(MatrixParser.NAMES);
        for (String name : MatrixParser.NAMES) {
            SubstitutionMatrix m = MatrixParser.load(name);
            String symbols = tables.get(name).get(0);
            assertThat(m.size()).as(name).isEqualTo(symbols.length());
            for (int a = 0; a < symbols.length(); a++) {
                String[] row = tables.get(name).get(a + 1).split(" ");
                for (int b = 0; b < symbols.length(); b++) {
                    assertThat(m.score((byte) symbols.charAt(a), (byte) symbols.charAt(b)))
                            .as("%s[%s][%s]", name, symbols.charAt(a), symbols.charAt(b))
                            .isEqualTo(Double.parseDouble(row[b]));
                }
            }
            assertThat(m.integral()).isTrue();
        }
    }

    @Test
    void namesAreCaseInsensitiveAndEdnafullIsNuc44() {
        assertThat(MatrixParser.load("blosum62").name()).isEqualTo("BLOSUM62");
        assertThat(MatrixParser.load("EDNAfull").name()).isEqualTo("NUC.4.4");
        assertThat(MatrixParser.load("nuc.4.4").score((byte) 'A', (byte) 'A')).isEqualTo(5.0);
    }

    @Test
    void lowerCaseScoresAsUpperCaseAndUnknownSymbolsAsTheWildcard() {
        SubstitutionMatrix b62 = MatrixParser.load("BLOSUM62");
        assertThat(b62.score((byte) 'w', (byte) 'W')).isEqualTo(11.0);
        assertThat(b62.wildcardSymbol()).isEqualTo('X');
        // J and U are not in BLOSUM62: they score as X
        assertThat(b62.score((byte) 'J', (byte) 'A')).isEqualTo(b62.score((byte) 'X', (byte) 'A'));
        assertThat(b62.score((byte) 'u', (byte) 'u')).isEqualTo(b62.score((byte) 'X', (byte) 'X'));
        SubstitutionMatrix nuc = MatrixParser.load("NUC.4.4");
        assertThat(nuc.wildcardSymbol()).isEqualTo('N');
        assertThat(nuc.score((byte) 'z', (byte) 'A')).isEqualTo(nuc.score((byte) 'N', (byte) 'A'));
    }

    @Test
    void withoutAWildcardAnUnknownSymbolNamesTheRow() throws IOException {
        Path f = write("ab.txt", "# two symbols\n   A  B\nA  1 -1\nB -1  2\n");
        SubstitutionMatrix m = MatrixParser.load(f.toString());
        assertThat(m.wildcardSymbol()).isEqualTo(-1);
        assertThat(m.score((byte) 'b', (byte) 'B')).isEqualTo(2.0);
        ByteRows rows = new ByteRows("ABBAabAC".getBytes(ISO_8859_1), new int[] {0, 3, 6, 8}, new String[] {"r0", "r1", "r2"});
        assertThatThrownBy(() -> m.checkRows(rows, "in.fasta")).isInstanceOf(UserError.class)
                .hasMessageContaining("row 2 (r2)").hasMessageContaining("'C'").hasMessageContaining("in.fasta");
        Kernel<?> sw = Kernels.configured("sw", List.of("matrix=" + f));
        assertThatThrownBy(() -> sw.checkRows(rows, "in.fasta")).isInstanceOf(UserError.class).hasMessageContaining("row 2");
        sw.checkRows(rows.slice(0, 2), "in.fasta");
    }

    /**
     * The job computes each pair once and mirrors it, so an asymmetric matrix (A to C scoring 4, C to A -4:
     * Biopython scores the pair of rows (C, A) and (A, C) differently) would give half the matrix wrong values.
     */
    @Test
    void anAsymmetricMatrixIsRefusedNamingTheFirstAsymmetricPair() throws IOException {
        Path f = write("asym.txt", "   A  C  G\nA  5  4  0\nC -4  5  1\nG  0  1  5\n");
        assertThatThrownBy(() -> MatrixParser.load(f.toString())).isInstanceOf(UserError.class)
                .hasMessageContaining("not symmetric").hasMessageContaining("A to C scores 4")
                .hasMessageContaining("C to A scores -4").hasMessageContaining(f.toString());
        assertThatThrownBy(() -> Kernels.configured("nw", List.of("matrix=" + f))).isInstanceOf(UserError.class);
        Path symmetric = write("sym.txt", "   A  C  G\nA  5 -4  0\nC -4  5  1\nG  0  1  5\n");
        assertThat(MatrixParser.load(symmetric.toString()).score((byte) 'C', (byte) 'A')).isEqualTo(-4.0);
    }

    @Test
    void matchOrMismatchWithAMatrixIsRefused() {
        for (String kernel : List.of("nw", "sw")) {
            assertThatThrownBy(() -> Kernels.configured(kernel, List.of("matrix=BLOSUM62", "match=2")))
                    .isInstanceOf(UserError.class).hasMessageContaining("match/mismatch").hasMessageContaining("matrix");
            assertThatThrownBy(() -> Kernels.configured(kernel, List.of("mismatch=-2", "matrix=PAM30")))
                    .isInstanceOf(UserError.class);
        }
    }

    @Test
    void anUnknownNameThatIsNoFileIsRefused() {
        assertThatThrownBy(() -> Kernels.configured("nw", List.of("matrix=BLOSUM99")))
                .isInstanceOf(UserError.class).hasMessageContaining("BLOSUM99").hasMessageContaining("BLOSUM62");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no header|# only a comment\\n|no header line",
        "header field too long|  A  BC\\nA 1 2\\n|line 1",
        "short row|   A  B\\nA  1 -1\\nB -1\\n|line 3",
        "not a number|   A  B\\nA  1 x\\nB -1 2\\n|line 2",
        "unknown row symbol|   A  B\\nA  1 -1\\nC -1 2\\n|line 3",
        "missing row|#\\n   A  B\\nA  1 -1\\n|line 3",
        "repeated row|   A  B\\nA  1 -1\\nA  1 -1\\n|line 3"})
    void malformedFilesNameTheFileAndLine(String name, String text, String where) throws IOException {
        Path f = write("bad.txt", text.replace("\\n", "\n"));
        assertThatThrownBy(() -> MatrixParser.load(f.toString())).isInstanceOf(UserError.class)
                .hasMessageContaining(f.toString()).hasMessageContaining(where);
    }

    @Test
    void aFileInNcbiFormatEqualsTheBuiltIn() throws IOException {
        Path f = dir.resolve("b62.txt");
        try (var in = SubstitutionMatrix.class.getResourceAsStream("/allpairs/matrices/BLOSUM62")) {
            Files.copy(in, f);
        }
        SubstitutionMatrix file = MatrixParser.load(f.toString());
        SubstitutionMatrix named = MatrixParser.load("BLOSUM62");
        for (int a = 0; a < named.size(); a++) {
            for (int b = 0; b < named.size(); b++) {
                assertThat(file.score(a, b)).isEqualTo(named.score(a, b));
            }
        }
        assertThat(file.name()).isEqualTo(f.toString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, ISO_8859_1);
    }
}
