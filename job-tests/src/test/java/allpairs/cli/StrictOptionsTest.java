package allpairs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16: numbers only in the documented syntax, no value silently rounded to 0 or infinity, a
 * setting given twice with two values refused, a clean --help, suggestions for typos. Runs without
 * Spark: --explain shows an accepted command line.
 */
class StrictOptionsTest {
    @TempDir
    Path dir;

    private Cli run(String... extra) {
        List<String> args = new ArrayList<>(List.of("--input", Fixtures.input(16, 8).toString(),
                "--output", dir.resolve("o.npy").toString()));
        args.addAll(List.of(extra));
        if (!args.contains("--kernel")) {
            args.addAll(List.of("--kernel", "seed"));
        }
        return Cli.runWithoutSpark(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Java's double suffix|nw|match=1d|'1d': not a finite number",
        "hex float|nw|match=0x1p3|'0x1p3': not a finite number",
        "Infinity|nw|match=Infinity|not a finite number",
        "NaN|nw|match=NaN|not a finite number",
        "underflow to 0|nw|match=1e-400|too close to 0",
        "subnormal|nw|match=1e-310|too close to 0",
        "overflow|nw|match=1e400|too large for a double",
        "int beyond 32 bits|dtw|window=99999999999|out of an int's range",
        "int with a plus and a suffix|dtw|window=+3L|not an integer",
        "hex int|dtw|window=0x10|not an integer",
        "repeated key, two values|nw|match=2,match=3|match given twice ('2' and '3')",
        "a matrix path with a NUL (found by the fuzzer)|nw|matrix=BLO\u0000SUM|neither a matrix name"})
    void refusesKernelParameterOutsideTheSyntax(String name, String kernel, String settings, String words) {
        List<String> args = new ArrayList<>(List.of("--kernel", kernel));
        for (String s : settings.split(",")) {
            args.addAll(List.of("--kernel-param", s));
        }
        BadInputTest.assertUserError(run(args.toArray(String[]::new)), words, "--kernel-param");
    }

    @Test
    void acceptsTheDocumentedSyntaxAndARepeatedIdenticalSetting() {
        for (String[] ok : new String[][] {
            {"--kernel", "nw", "--kernel-param", "match=2", "--kernel-param", "match=2"},
            {"--kernel", "nw", "--kernel-param", "match=.5", "--kernel-param", "gap-open=-1.5e0"},
            {"--kernel", "dtw", "--kernel-param", "window=+7"},
            {"--top-k", "010", "--progress-interval", "2.5e-1"}}) {
            Cli r = run(append(ok, "--explain"));
            assertThat(r.exitCode).as(r.toString()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "top-k in Java syntax|--top-k|1d|'1d' is not an integer",
        "block size in hex|--block-size|0x10|'0x10' is not an integer",
        "partitions beyond an int|--partitions|4294967296|out of an int's range",
        "progress interval hex float|--progress-interval|0x1p3|not a finite number",
        "progress interval underflow|--progress-interval|1e-400|too close to 0",
        "keep threshold with a suffix|--keep|below=1d|'1d' is not a finite number",
        "keep threshold infinite|--keep|above=-Infinity|not a finite number",
        "keep threshold inf, refused like Infinity|--keep|below=inf|'inf' is not a finite number",
        "keep threshold Infinity|--keep|below=Infinity|'Infinity' is not a finite number"})
    void refusesOptionValuesOutsideTheSyntax(String name, String option, String value, String words) {
        BadInputTest.assertUserError(run(option, value), words, option);
    }

    @Test
    void anOptionGivenTwiceWithTwoValuesIsRefusedWithOneValueCountsOnce() {
        BadInputTest.assertUserError(run("--top-k", "3", "--top-k=4"), "--top-k given twice ('3' and '4')", "--top-k");
        BadInputTest.assertUserError(run("--block-size", "4", "--partitions", "2", "--block-size", "5"),
                "given twice", "--block-size");
        Cli same = run("--top-k", "3", "--explain", "--top-k=3", "--explain");
        assertThat(same.exitCode).as(same.toString()).isZero();
        assertThat(same.out).contains("\"m\":16");
    }

    @Test
    void helpPrintsNoPicocliWarning() {
        Cli r = Cli.runWithoutSpark("--help");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.err).as(r.toString()).isEmpty();
        assertThat(r.out).doesNotContain("picocli WARN").doesNotContain("Could not format").contains("60% of");
    }

    @Test
    void aMistypedOptionOrSubcommandGetsASuggestion() {
        BadInputTest.assertUserError(run("--kernal", "seed"), "did you mean --kernel", "--kernal");
        Cli sub = Cli.runWithoutSpark("kernel");
        BadInputTest.assertUserError(sub, "did you mean kernels", "'kernel'");
    }

    private static String[] append(String[] args, String last) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(last);
        return all.toArray(String[]::new);
    }
}
