package allpairs.cli;

import static allpairs.cli.BadInputTest.assertUserError;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.NpyFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed series for dtw: exit 2, one line naming the file and the row (or array), nothing
 * written. Runs without a Spark master, so every check happens on the driver before Spark starts.
 */
class DtwBadInputTest {
    @TempDir
    Path dir;

    static final double NAN = Double.NaN;

    static byte[] f8(String shape, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return NpyFiles.v1("{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }", b.array());
    }

    /** An .npz as numpy writes it: a zip of NAME.npy entries (any names given here). */
    static byte[] npz(Object... nameThenContent) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int k = 0; k < nameThenContent.length; k += 2) {
                zip.putNextEntry(new ZipEntry((String) nameThenContent[k]));
                zip.write((byte[]) nameThenContent[k + 1]);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Stream<Arguments> badSeries() {
        byte[] ok = f8("(3,)", 1, 2, 3);
        byte[] archive = npz("a.npy", ok, "b.npy", f8("(2,)", 4, 5));
        return Stream.of(
            Arguments.of("a number after the NaN padding", "in.npy", f8("(2, 3)", 1, 2, 3, 4, NAN, 5), new String[0],
                    "row 1 has the number 5.0 at column 2 after a NaN at column 1"),
            Arguments.of("a row of NaN only", "in.npy", f8("(2, 2)", NAN, NAN, 1, 2), new String[0],
                    "row 0 is all NaN"),
            Arguments.of("infinity is not padding", "in.npy", f8("(2, 2)", 1, Double.POSITIVE_INFINITY, 1, 2),
                    new String[0], "value Infinity at row 0, column 1 is not finite"),
            Arguments.of("a step partly NaN", "in.npy", f8("(1, 3, 2)", 1, 2, 3, NAN, NAN, NAN), new String[0],
                    "row 0: step 1 is partly NaN"),
            Arguments.of("a NaN step before a number", "in.npy", f8("(1, 3, 2)", 1, 2, NAN, NAN, 5, 6), new String[0],
                    "row 0 has the number 5.0 at step 2, channel 0 after a NaN at step 1, channel 0"),
            Arguments.of("a row not a whole number of steps", "in.npy", f8("(2, 4)", 1, 2, 3, 4, 1, 2, 3, NAN),
                    new String[] {"--kernel-param", "channels=2"}, "row 1 has 3 values, not a multiple of channels=2"),
            Arguments.of("channels contradict a 3-D input", "in.npy", f8("(1, 2, 3)", 1, 2, 3, 4, 5, 6),
                    new String[] {"--kernel-param", "channels=2"}, "channels=2 contradicts the input, which has 3"),
            Arguments.of("a 4-D array", "in.npy", f8("(1, 1, 1, 1)", 1), new String[0], "or a 3-D array"),
            Arguments.of("npz: an entry that is not .npy", "in.npz", npz("a.npy", ok, "notes.txt", new byte[3]),
                    new String[0], "archive entry 'notes.txt' is not a .npy array"),
            Arguments.of("npz: a 3-D array", "in.npz", npz("a.npy", ok, "b.npy", f8("(1, 1, 1)", 1)), new String[0],
                    "expected a 1-D array (one series) or a 2-D array"),
            Arguments.of("npz: an empty array", "in.npz", npz("a.npy", f8("(0,)")), new String[0], "empty array"),
            Arguments.of("npz: NaN in a series", "in.npz", npz("a.npy", ok, "b.npy", f8("(2,)", 1, NAN)),
                    new String[0], "value NaN at row 1, column 1 is not finite"),
            Arguments.of("npz: channels differ", "in.npz", npz("a.npy", f8("(1, 2)", 1, 2), "b.npy", f8("(1, 3)", 1, 2, 3)),
                    new String[0], "has 3 channels per step but the first array has 2"),
            Arguments.of("npz: a directory entry", "in.npz", npz("a.npy", ok, "sub/", new byte[0]), new String[0],
                    "archive entry 'sub/' is not a .npy array"),
            Arguments.of("npz: no arrays", "in.npz", npz(), new String[0], "holds no arrays"),
            // issue 25: such a name gave the ids sidecar a line too many, so every later row got another's id
            Arguments.of("npz: an array name with a line feed", "in.npz", npz("a.npy", ok, "b\nc.npy", ok),
                    new String[0], "array name 'b\\nc' holds a line break"),
            Arguments.of("npz: an array name with a carriage return", "in.npz", npz("b\rc.npy", ok, "a.npy", ok),
                    new String[0], "array name 'b\\rc' holds a line break"),
            Arguments.of("npz: truncated", "in.npz", Arrays.copyOf(archive, archive.length / 2), new String[0],
                    "truncated"),
            Arguments.of("npz: not a zip", "in.npz", ok, new String[0], "holds no arrays"),
            // found by the npzFile fuzz target: java.util.zip throws IllegalArgumentException for these
            Arguments.of("npz: an entry name not UTF-8", "in.npz", patched(archive, "a.npy", (byte) 0xC3),
                    new String[0], "not valid UTF-8"),
            Arguments.of("npz: an entry's CRC wrong", "in.npz", patched(archive, "PK\u0007\u0008", (byte) 0x5A),
                    new String[0], "corrupt or truncated data"));
    }

    /**
     * The archive with one byte replaced: the first byte of an entry name's first occurrence (its
     * local header), or for the data descriptor's signature (PK 7 8) the first byte of the CRC after it.
     */
    private static byte[] patched(byte[] archive, String at, byte with) {
        byte[] copy = archive.clone();
        int offset = new String(copy, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(at);
        copy[at.startsWith("PK") ? offset + 4 : offset] = with;
        return copy;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSeries")
    void refusesMalformedSeries(String name, String file, byte[] content, String[] extra, String expected) {
        Path input = NpyFiles.write(dir.resolve(file), content);
        Path output = dir.resolve("out.npy");
        String[] args = Stream.concat(Stream.of("--input", input.toString(), "--output", output.toString(),
                "--kernel", "dtw"), Arrays.stream(extra)).toArray(String[]::new);
        Cli r = Cli.runWithoutSpark(args);
        assertUserError(r, expected, expected.startsWith("channels=2 contradicts") ? "--kernel-param" : input.toString());
        assertThat(output).doesNotExist();
        assertThat(dir.toFile().list()).containsExactly(file);
    }

    @org.junit.jupiter.api.Test
    void aDuplicateArrayNameIsRefused() {
        byte[] ok = f8("(2,)", 1, 2);
        // A zip writer refuses a duplicate name: write "b.npy" and rename it in the bytes.
        byte[] zip = npz("a.npy", ok, "b.npy", ok);
        String text = new String(zip, java.nio.charset.StandardCharsets.ISO_8859_1).replace("b.npy", "a.npy");
        Path input = NpyFiles.write(dir.resolve("dup.npz"), text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Cli r = Cli.runWithoutSpark("--input", input.toString(), "--output", dir.resolve("o.npy").toString(),
                "--kernel", "dtw");
        assertUserError(r, "array 'a' appears twice", input.toString());
    }

    @org.junit.jupiter.api.Test
    void againstWithOtherChannelsIsRefused() {
        Path q = NpyFiles.write(dir.resolve("q.npy"), f8("(1, 2, 3)", 1, 2, 3, 4, 5, 6));
        Path ref = NpyFiles.write(dir.resolve("r.npy"), f8("(1, 3, 2)", 1, 2, 3, 4, 5, 6));
        Cli r = Cli.runWithoutSpark("--input", q.toString(), "--against", ref.toString(), "--output",
                dir.resolve("o.npy").toString(), "--kernel", "dtw");
        assertUserError(r, "--against has 2 channels per step but --input has 3", ref.toString());
    }
}
