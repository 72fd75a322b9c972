package allpairs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --kernel-param matrix=NAME|PATH through the CLI: the refusals (exit 2, one line, nothing written). */
class MatrixOptionsTest {
    @TempDir
    Path dir;

    private Path fasta() throws IOException {
        return Files.writeString(dir.resolve("in.fasta"), ">a\nMKTAYIAK\n>b\nmktayiak\n>c\nWWC\n");
    }

    private Cli run(String... params) throws IOException {
        String[] args = new String[6 + 2 * params.length];
        String[] base = {"--input", fasta().toString(), "--output", dir.resolve("o.npy").toString(), "--kernel", "sw"};
        System.arraycopy(base, 0, args, 0, base.length);
        for (int p = 0; p < params.length; p++) {
            args[base.length + 2 * p] = "--kernel-param";
            args[base.length + 2 * p + 1] = params[p];
        }
        return Cli.runWithoutSpark(args);
    }

    @Test
    void matchOrMismatchWithAMatrixIsRefused() throws IOException {
        BadInputTest.assertUserError(run("matrix=BLOSUM62", "match=3"), "match/mismatch", "--kernel-param matrix");
        assertThat(dir.resolve("o.npy")).doesNotExist();
    }

    @Test
    void anUnknownMatrixNameIsRefused() throws IOException {
        BadInputTest.assertUserError(run("matrix=BLOSUM63"), "neither a matrix name", "--kernel-param matrix");
    }

    @Test
    void aMalformedMatrixFileNamesTheFileAndLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.mat"), "# comment\n   A  R\nA  4 -1\nR -1 five\n");
        BadInputTest.assertUserError(run("matrix=" + bad), "'five'", bad + " line 4");
        assertThat(dir.resolve("o.npy")).doesNotExist();
    }

    @Test
    void aSymbolAMatrixWithoutWildcardCannotScoreIsRefusedBeforeAnyWork() throws IOException {
        Path dna = Files.writeString(dir.resolve("dna.mat"), "   A  C  G  T\nA  5 -4 -4 -4\nC -4  5 -4 -4\n"
                + "G -4 -4  5 -4\nT -4 -4 -4  5\n");
        Path in = Files.writeString(dir.resolve("dna.fasta"), ">r0\nACGT\n>r1\nACGUT\n");
        Cli r = Cli.runWithoutSpark("--input", in.toString(), "--output", dir.resolve("o.npy").toString(), "--kernel",
                "sw", "--kernel-param", "matrix=" + dna);
        BadInputTest.assertUserError(r, "row 1 (r1) has symbol", in.toString());
        assertThat(r.err).contains("'U'").contains("position 3");
        assertThat(dir.resolve("o.npy")).doesNotExist();
    }
}
