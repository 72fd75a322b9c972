package allpairs.table;

import static allpairs.cli.BadInputTest.assertUserError;
import static allpairs.table.TableInputTest.table;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.SparkCliTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed tables (written by pyarrow and pandas, see make_tables.py) and wrong columns: exit 2,
 * one line naming the table, the row (and id) and the column, nothing written. The values are
 * checked in Java on the executors, not by SQL casts, so Spark 3.5 and Spark 4 (ANSI) say the same.
 */
class TableBadInputTest extends SparkCliTest {
    static Stream<Arguments> badTables() {
        String[] ids = {"--id-column", "id"};
        return Stream.of(
            Arguments.of("bad_null_value.parquet", "levenshtein", ids, "row 1 (id 'b'): column 'seq' is null"),
            Arguments.of("bad_null.csv", "levenshtein", ids, "row 1 (id 'b'): column 'seq' is null"),
            Arguments.of("bad_empty_id.parquet", "levenshtein", ids, "row 1: id column 'id' is empty"),
            Arguments.of("bad_null_id.parquet", "levenshtein", ids, "row 2: id column 'id' is null"),
            Arguments.of("bad_duplicate_id.parquet", "levenshtein", ids,
                    "row 3: id 'b' of column 'id' is a duplicate (row 1 has it)"),
            Arguments.of("bad_out_of_range.parquet", "mi", ids,
                    "row 1 (id 'b'): column 'v' has the value 300 at position 1, out of range 0..255 for kernel mi"),
            Arguments.of("bad_out_of_range.parquet", "levenshtein", ids,
                    "row 1 (id 'b'): column 'v' has the value 300 at position 1, out of range 0..255"),
            Arguments.of("bad_null_element.parquet", "dtw", ids, "row 0 (id 'a'): column 'v' has a null at position 1"),
            Arguments.of("bad_number_after_nan.parquet", "dtw", ids,
                    "row 1 (id 'b'): column 'v' has the number 5.0 at position 2 after a NaN at position 1"),
            Arguments.of("bad_number_after_nan.parquet", "seed", ids, "holds arrays of floating-point numbers but"
                    + " kernel seed needs integers"),
            Arguments.of("bad_wrong_type.parquet", "levenshtein", new String[] {"--value-column", "v"},
                    "column 'v' is of type bigint"),
            Arguments.of("seqs.parquet", "dtw", ids, "column 'seq' holds strings (symbol rows) but kernel dtw needs"
                    + " numbers"),
            Arguments.of("seqs.parquet", "levenshtein", new String[] {"--value-column", "sequence"},
                    "no column 'sequence' in the table (columns: id, seq, len)"),
            Arguments.of("seqs.parquet", "levenshtein", new String[] {"--id-column", "key"}, "no column 'key'"),
            Arguments.of("series.parquet", "dtw", new String[] {"--id-column", "v"},
                    "id column 'v' is of type array<double>"),
            Arguments.of("seqs.parquet", "levenshtein", new String[0],
                    "2 columns (id, seq) of string, binary or array-of-numbers type; name the values with --value-column"),
            Arguments.of("bad_two_candidates.parquet", "levenshtein", ids, "2 columns (seq, other)"),
            Arguments.of("bad_empty.parquet", "levenshtein", ids, "the table has no rows"),
            Arguments.of("bad_fraction.parquet", "seed", ids,
                    "row 0 (id 'a'): column 'v' has the value 2.50 at position 1, not an integer (kernel seed needs INT8)"),
            Arguments.of("seqs_bytes.parquet", "mi", new String[] {"--id-column", "id", "--value-column", "sym"},
                    "(id 's22'): column 'sym' has the value -61 at position 3, out of range 0..255 for kernel mi"),
            Arguments.of("seqs.parquet", "seed", new String[] {"--value-column", "seq", "--id-column", "id"},
                    "(id 's22'): column 'seq' has the value 195 at position 3, out of range -128..127 for kernel seed"),
            Arguments.of("seqs_parts", "levenshtein", new String[] {"--input-format", "parquet"},
                    "3 columns (id, seq, grp)"),
            Arguments.of("seqs_parts", "levenshtein", new String[] {"--id-column", "id"},
                    "cannot tell the input format from the file name"),
            Arguments.of("seqs_parts", "levenshtein", new String[0],
                    "input is a directory, not a file (a table directory, such as a partitioned Parquet dataset,"
                            + " needs --input-format"));
    }

    @Test
    void aMissingTableIsNamed() {
        Path missing = dir.resolve("nope.parquet");
        Cli r = run("--input", missing.toString(), "--output", dir.resolve("o.npy").toString(), "--kernel",
                "levenshtein");
        assertUserError(r, "cannot read the parquet input", missing.toString());
        Cli t = run("--input", "table:default.allpairs_nope", "--output", dir.resolve("o.npy").toString(), "--kernel",
                "levenshtein");
        assertUserError(t, "cannot read the catalog table", "table:default.allpairs_nope");
        assertThat(dir.toFile().list()).isEmpty();
    }

    /**
     * Issue 25: Spark's permissive CSV mode dropped a row's extra field without a word (and its column
     * pruning hid the surplus when the run read only some columns): refused, naming the row.
     */
    @Test
    void aCsvRowWithAFieldMoreOrLessThanTheHeaderIsRefused(@TempDir Path tables) throws IOException {
        String[][] cases = {
            {"id,seq\nr0,AC\nr1,ACGT,EXTRA\nr2,GT\n", "--id-column id --value-column seq", "r1,ACGT,EXTRA"},
            {"id,seq\nr0,AC\nr1,ACGT,EXTRA\nr2,GT\n", "--value-column seq", "r1,ACGT,EXTRA"},
            {"id,seq,len\nr0,AC,2\nr1,ACGT,4,EXTRA\n", "--id-column id --value-column seq", "r1,ACGT,4,EXTRA"},
            {"id,seq,len\nr0,AC,2\nr1,ACGT\n", "--id-column id --value-column seq", "r1,ACGT"}};
        for (int k = 0; k < cases.length; k++) {
            Path csv = Files.writeString(tables.resolve("t" + k + ".csv"), cases[k][0]);
            String[] args = Stream.concat(Stream.of("--input", csv.toString(), "--output", dir.resolve("o.npy").toString(),
                    "--kernel", "levenshtein"), Arrays.stream(cases[k][1].split(" "))).toArray(String[]::new);
            Cli r = run(args);
            boolean ids = cases[k][1].contains("--id-column");
            assertUserError(r, "row 1" + (ids ? " (id 'r1')" : "") + ": the CSV row has more or fewer fields than"
                    + " the header: '" + cases[k][2] + "'", csv.toString());
            assertThat(dir.toFile().list()).isEmpty();
        }
    }

    @Test
    void tableOptionsNeedATable() {
        Path npy = allpairs.support.Fixtures.input(16, 8);
        Cli r = Cli.runWithoutSpark("--input", npy.toString(), "--output", dir.resolve("o.npy").toString(), "--kernel",
                "seed", "--id-column", "id");
        assertUserError(r, "--id-column, --value-column and --order-by-id apply to table inputs", "option --id-column");
        Cli o = Cli.runWithoutSpark("--input", table("seqs.parquet").toString(), "--output",
                dir.resolve("o.npy").toString(), "--kernel", "levenshtein", "--order-by-id");
        assertUserError(o, "--order-by-id needs --id-column", "option --order-by-id");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} {3}")
    @MethodSource("badTables")
    void refusesNamingRowAndColumn(String file, String kernel, String[] extra, String expected) {
        Path output = dir.resolve("out.npy");
        String location = table(file).toString();
        String[] args = Stream.concat(Stream.of("--input", location, "--output", output.toString(), "--kernel", kernel),
                Arrays.stream(extra)).toArray(String[]::new);
        Cli r = run(args);
        assertUserError(r, expected, location);
        assertThat(dir.toFile().list()).isEmpty();
    }
}
