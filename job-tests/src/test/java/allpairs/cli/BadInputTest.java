package allpairs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.NpyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input: exit 2, one line "allpairs: error: <what>, <where>" naming the file or option,
 * no stack trace, nothing at the output path. Runs without a Spark master, so it also proves the
 * check happens on the driver before Spark starts.
 */
public class BadInputTest {
    @TempDir
    Path dir;

    static Stream<Arguments> badFiles() {
        String f8 = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }";
        return Stream.of(
            Arguments.of("text file", "hello, this is not numpy\n".getBytes(StandardCharsets.UTF_8), "magic"),
            Arguments.of("empty file", new byte[0], "magic"),
            Arguments.of("wrong magic", replace(NpyFiles.v1(NpyFiles.int8Dict("(2, 2)"), new byte[4]), 1, (byte) 'X'), "magic"),
            Arguments.of("unknown version", replace(NpyFiles.v1(NpyFiles.int8Dict("(2, 2)"), new byte[4]), 6, (byte) 4), "version"),
            Arguments.of("truncated header", java.util.Arrays.copyOf(NpyFiles.v1(NpyFiles.int8Dict("(2, 2)"), new byte[4]), 40), "truncated"),
            Arguments.of("header is a list", NpyFiles.v1("['|i1', False, (2, 2)]", new byte[4]), "not a dict"),
            Arguments.of("header not a literal", NpyFiles.v1("{'descr': '|i1', 'fortran_order': False, 'shape': (2, 2)", new byte[4]), "literal"),
            Arguments.of("extra key", NpyFiles.v1("{'descr': '|i1', 'fortran_order': False, 'shape': (2, 2), 'x': 1}", new byte[4]), "exactly the keys"),
            Arguments.of("missing key", NpyFiles.v1("{'descr': '|i1', 'shape': (2, 2)}", new byte[4]), "exactly the keys"),
            Arguments.of("fortran_order not a bool", NpyFiles.v1("{'descr': '|i1', 'fortran_order': 0, 'shape': (2, 2)}", new byte[4]), "fortran_order"),
            Arguments.of("shape a list", NpyFiles.v1("{'descr': '|i1', 'fortran_order': False, 'shape': [2, 2]}", new byte[4]), "tuple"),
            Arguments.of("shape negative", NpyFiles.v1(NpyFiles.int8Dict("(-2, 2)"), new byte[4]), "non-negative"),
            Arguments.of("shape of strings", NpyFiles.v1(NpyFiles.int8Dict("('2', 2)"), new byte[4]), "non-negative integers"),
            Arguments.of("shape overflows", NpyFiles.v1(NpyFiles.int8Dict("(4611686018427387904, 4)"), new byte[4]), "overflow"),
            Arguments.of("shape beyond 64 bits", NpyFiles.v1(NpyFiles.int8Dict("(99999999999999999999999, 4)"), new byte[4]), "non-negative integers"),
            Arguments.of("shape larger than data", NpyFiles.v1(NpyFiles.int8Dict("(1000000000, 1000000)"), new byte[4]), "truncated"),
            Arguments.of("truncated data", NpyFiles.v1(NpyFiles.int8Dict("(2, 3)"), new byte[5]), "truncated"),
            Arguments.of("trailing data", NpyFiles.v1(NpyFiles.int8Dict("(2, 3)"), new byte[7]), "trailing"),
            Arguments.of("float64 dtype", NpyFiles.v1(f8, new byte[32]), "'<f8'"),
            Arguments.of("int16 value out of int8 range", NpyFiles.v1("{'descr': '<i2', 'fortran_order': False, 'shape': (2, 2), }",
                    new byte[] {0, 0, 0, 0, 0, 0, 44, 1}), "value 300 at row 1, column 1 is out of range -128..127"),
            Arguments.of("uint8 value out of int8 range", NpyFiles.v1("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 2), }",
                    new byte[] {0, (byte) 200, 0, 0}), "value 200 at row 0, column 1"),
            Arguments.of("float16 dtype", NpyFiles.v1("{'descr': '<f2', 'fortran_order': False, 'shape': (2, 2), }", new byte[8]), "'<f2'"),
            Arguments.of("complex dtype", NpyFiles.v1("{'descr': '<c16', 'fortran_order': False, 'shape': (1, 1), }", new byte[16]), "'<c16'"),
            Arguments.of("string dtype", NpyFiles.v1("{'descr': '<U3', 'fortran_order': False, 'shape': (1, 1), }", new byte[12]), "'<U3'"),
            Arguments.of("bool dtype", NpyFiles.v1("{'descr': '|b1', 'fortran_order': False, 'shape': (2, 2), }", new byte[4]), "'|b1'"),
            Arguments.of("object dtype (pickle)", NpyFiles.v1("{'descr': '|O', 'fortran_order': False, 'shape': (2, 2), }",
                    "\u0080\u0004cos\nsystem\n".getBytes(StandardCharsets.ISO_8859_1)), "'|O'"),
            Arguments.of("structured dtype", NpyFiles.v1("{'descr': [('a', '|i1')], 'fortran_order': False, 'shape': (2, 2), }", new byte[4]), "structured"),
            Arguments.of("1-D array", NpyFiles.v1(NpyFiles.int8Dict("(4,)"), new byte[4]), "2-D"),
            Arguments.of("3-D array", NpyFiles.v1(NpyFiles.int8Dict("(1, 2, 2)"), new byte[4]), "2-D"),
            Arguments.of("0-D array", NpyFiles.v1(NpyFiles.int8Dict("()"), new byte[1]), "2-D"),
            Arguments.of("m = 0", NpyFiles.v1(NpyFiles.int8Dict("(0, 4)"), new byte[0]), "empty"),
            Arguments.of("n = 0", NpyFiles.v1(NpyFiles.int8Dict("(4, 0)"), new byte[0]), "empty"),
            // Issue 16: was a StackOverflowError (exit 1, a thousand lines of stack trace).
            Arguments.of("shape nested 5,000 deep", NpyFiles.v1(NpyFiles.int8Dict("(".repeat(5000) + ")".repeat(5000)),
                    new byte[4]), "nested deeper than 32"),
            Arguments.of("descr nested 100,000 deep", NpyFiles.build(2, "{'descr': " + "[".repeat(100_000)
                    + "]".repeat(100_000) + ", 'fortran_order': False, 'shape': (2, 2), }", new byte[4]), "nested deeper"),
            Arguments.of("a dimension of 100,000 digits", NpyFiles.build(2, NpyFiles.int8Dict("(" + "9".repeat(100_000)
                    + ", 2)"), new byte[4]), "more than 100 digits"));
    }

    private static byte[] replace(byte[] b, int at, byte value) {
        b[at] = value;
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void refusesBadInputFile(String name, byte[] content, String expectedWords) throws IOException {
        Path input = NpyFiles.write(dir.resolve("input.npy"), content);
        Path output = dir.resolve("out.npy");
        Cli r = Cli.runWithoutSpark("--kernel", "seed", "--input", input.toString(), "--output", output.toString());
        assertUserError(r, expectedWords, input.toString());
        assertThat(output).doesNotExist();
        assertThat(dir.toFile().list()).containsExactly("input.npy");
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
            Arguments.of("missing input", new String[] {"--input", "@DIR@/nope.npy", "--output", "@DIR@/o.npy"}, "does not exist", "nope.npy"),
            Arguments.of("input is a directory", new String[] {"--input", "@DIR@", "--output", "@DIR@/o.npy"}, "directory", "@DIR@"),
            Arguments.of("no --input", new String[] {"--output", "@DIR@/o.npy"}, "missing required option --input", "command line"),
            Arguments.of("no --output", new String[] {"--input", "@OK@"}, "missing required option --output", "command line"),
            Arguments.of("unknown kernel", new String[] {"--input", "@OK@", "--output", "@DIR@/o.npy", "--kernel", "nope"}, "unknown kernel 'nope'", "--kernel"),
            Arguments.of("unknown option", new String[] {"--input", "@OK@", "--output", "@DIR@/o.npy", "--frobnicate"}, "unknown option", "--frobnicate"),
            Arguments.of("block size 0", new String[] {"--input", "@OK@", "--output", "@DIR@/o.npy", "--block-size", "0"}, "must be an integer >= 1", "--block-size"),
            Arguments.of("block size negative", new String[] {"--input", "@OK@", "--output", "@DIR@/o.npy", "--block-size", "-3"}, "must be an integer >= 1", "--block-size"),
            Arguments.of("block size not a number", new String[] {"--input", "@OK@", "--output", "@DIR@/o.npy", "--block-size", "abc"}, "abc", "--block-size"),
            Arguments.of("partitions 0", new String[] {"--input", "@OK@", "--output", "@DIR@/o.npy", "--partitions", "0"}, "must be an integer >= 1", "--partitions"),
            // issue 25: the message offered 0 as an example of what --memory-budget takes
            Arguments.of("memory budget 0", new String[] {"--input", "@OK@", "--output", "@DIR@/o.npy", "--memory-budget", "0"}, "'0': expected a size above 0, such as 512m or 2g", "--memory-budget"),
            Arguments.of("broadcast limit negative", new String[] {"--input", "@OK@", "--output", "@DIR@/o.npy", "--broadcast-limit", "-1"}, "'-1': expected a size such as 0, 512m or 2g", "--broadcast-limit"),
            Arguments.of("unknown format", new String[] {"--input", "@OK@", "--output", "@DIR@/o.npy", "--format", "xlsx"}, "unknown format 'xlsx'", "--format"),
            // issue 28: --output x.csv silently wrote a Parquet directory named x.csv; now CSV is for edge lists only
            Arguments.of("output named .csv, dense", new String[] {"--kernel", "seed", "--input", "@OK@", "--output", "@DIR@/x.csv"}, "--format csv writes edge lists (--keep or --top-k)", "--output"),
            Arguments.of("format tsv, dense", new String[] {"--kernel", "seed", "--input", "@OK@", "--output", "@DIR@/x", "--format", "tsv"}, "--format tsv writes edge lists", "--format"),
            Arguments.of("output .tsv, format csv", new String[] {"--kernel", "seed", "--input", "@OK@", "--output", "@DIR@/x.tsv", "--format", "csv", "--top-k", "2"}, "ends in .tsv but --format is csv", "--output"),
            Arguments.of("output .csv, format parquet", new String[] {"--kernel", "seed", "--input", "@OK@", "--output", "@DIR@/x.csv", "--format", "parquet", "--top-k", "2"}, "ends in .csv but --format is parquet", "--output"),
            Arguments.of("output .npy, format csv", new String[] {"--kernel", "seed", "--input", "@OK@", "--output", "@DIR@/x.npy", "--format", "csv", "--top-k", "2"}, "ends in .npy but --format is csv", "--output"),
            Arguments.of("output named .json, Parquet asked", new String[] {"--kernel", "seed", "--input", "@OK@", "--output", "@DIR@/x.json", "--format", "parquet"}, "here parquet", "--output"),
            Arguments.of("output .npy, format parquet", new String[] {"--kernel", "seed", "--input", "@OK@", "--output", "@DIR@/x.npy", "--format", "parquet"}, "ends in .npy but --format is parquet", "--output"),
            Arguments.of("output .parquet, format npy", new String[] {"--kernel", "seed", "--input", "@OK@", "--output", "@DIR@/x.parquet", "--format", "npy"}, "ends in .parquet but --format is npy", "--output"),
            Arguments.of("output exists", new String[] {"--kernel", "seed", "--input", "@OK@", "--output", "@OUT@"}, "already exists", "seed_out_16x8.npy"),
            // the input named as the output: refused as such before "already exists" (with --overwrite it would go)
            Arguments.of("output is the input", new String[] {"--kernel", "seed", "--input", "@OK@", "--output", "@OK@", "--overwrite"}, "is the same path as --input", "--output"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void refusesBadOption(String name, String[] template, String expectedWords, String where) {
        String ok = Fixtures.input(16, 8).toString();
        String[] args = java.util.Arrays.stream(template)
                .map(a -> a.replace("@DIR@", dir.toString()).replace("@OK@", ok)
                        .replace("@OUT@", Fixtures.output(16, 8).toString())).toArray(String[]::new);
        Cli r = Cli.runWithoutSpark(args);
        assertUserError(r, expectedWords, where.replace("@DIR@", dir.toString()));
        assertThat(dir.resolve("o.npy")).doesNotExist();
    }

    public static void assertUserError(Cli r, String expectedWords, String where) {
        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        assertThat(r.out).as(r.toString()).isEmpty();
        assertThat(r.err.lines()).as(r.toString()).hasSize(1);
        String line = r.err.strip();
        assertThat(line).startsWith("allpairs: error: ").containsIgnoringCase(expectedWords).contains(where);
        assertThat(line).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
