package allpairs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.kernel.Kernels;
import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * There is no default kernel: a run without --kernel exits 2 naming the kernels that fit the input,
 * and that list is checked against what each kernel really accepts (an --explain run per kernel).
 */
class NoKernelTest {
    @TempDir
    Path dir;

    @Test
    void raggedFastaListsTheSequenceKernels() throws IOException {
        Path fasta = Files.writeString(dir.resolve("reads.fa"), ">r1\nACGTACGT\n>r2\nACGTTT\n>r3\nACG\n");
        String advised = assertNoKernelAdvice(fasta, "3 FASTA records, symbol rows of unequal length");
        assertThat(advised).isEqualTo("levenshtein, nw, sw");
        assertThat(advised).isEqualTo(String.join(", ", acceptedByExplain(fasta)));
    }

    @Test
    void fastqListsTheSameKernelsAsFasta() throws IOException {
        Path fastq = Files.writeString(dir.resolve("reads.fq"), "@r1\nACGTACGT\n+\nIIIIIIII\n@r2\nACGTTT\n+r2\n!!!!!!\n");
        String advised = assertNoKernelAdvice(fastq, "2 FASTQ records, symbol rows of unequal length");
        assertThat(advised).isEqualTo("levenshtein, nw, sw");
        assertThat(advised).isEqualTo(String.join(", ", acceptedByExplain(fastq)));
    }

    @Test
    void anInt8MatrixListsEveryKernelThatReadsIt() {
        Path npy = Fixtures.input(16, 8);
        String advised = assertNoKernelAdvice(npy, "16 numeric rows of equal length 8");
        assertThat(advised).contains("seed").contains("dtw");
        assertThat(advised).isEqualTo(String.join(", ", acceptedByExplain(npy)));
    }

    @Test
    void aFileThatCannotBeReadSaysSoFirst() {
        Cli r = Cli.runWithoutSpark("--input", dir.resolve("missing.npy").toString(), "--output",
                dir.resolve("o.npy").toString());
        BadInputTest.assertUserError(r, "input file does not exist", "missing.npy");
    }

    @Test
    void aKernelInTheDefaultsFileIsTheUsersChoice() throws IOException {
        Path defaults = Files.writeString(dir.resolve("defaults.properties"), "kernel = seed\n");
        Path out = dir.resolve("m.npy");
        Cli r = Cli.run(TestSpark.conf(), defaults.toFile(), "--input", Fixtures.input(16, 8).toString(),
                "--output", out.toString(), "--progress=off");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("\"kernel\":\"seed\"");
        assertThat(Fixtures.float64(out)).containsExactly(Fixtures.float64(Fixtures.output(16, 8)));
    }

    /** Asserts the one-line refusal (nothing written) and returns its list of kernels. */
    private String assertNoKernelAdvice(Path input, String described) {
        Path out = dir.resolve("never.npy");
        Cli r = Cli.runWithoutSpark("--input", input.toString(), "--output", out.toString());
        BadInputTest.assertUserError(r, "no --kernel given; for this input (" + described + ") use one of: ",
                "option --kernel");
        assertThat(out).doesNotExist();
        String line = r.err.strip();
        return line.substring(line.indexOf("use one of: ") + "use one of: ".length(), line.lastIndexOf(", option"));
    }

    /** The kernels whose --explain run on this input exits 0: the independent answer. */
    private List<String> acceptedByExplain(Path input) {
        List<String> ok = new ArrayList<>();
        for (String kernel : Kernels.names()) {
            Cli r = Cli.runWithoutSpark("--input", input.toString(), "--output", dir.resolve("x.npy").toString(),
                    "--kernel", kernel, "--explain");
            if (r.exitCode == 0) {
                ok.add(kernel);
            }
        }
        return ok;
    }
}
