package allpairs.io;

import allpairs.UserError;
import allpairs.kernel.ByteRows;
import allpairs.kernel.ElementType;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Executor side of reading an input in splits ({@link InputSplit}): a first pass counts each split's
 * rows and finds its first problem, a second emits the rows. Text lines go through
 * {@link TextInput}'s own line rule; a whole file through {@link RowsInput}, the driver's reader.
 */
public final class SplitReader {
    private SplitReader() {
    }

    /**
     * What the first pass finds in a split.
     *
     * @param emptyLine the split's first empty line (1 = its first line), or 0
     * @param error the message of a whole file's first problem, or null
     */
    public record Census(long rows, int maxLength, long bytes, long emptyLine, String error) implements Serializable {
    }

    /** The first pass over one split; {@code hadoop} is the job's {@code spark.hadoop.*} settings. */
    public static Census census(InputSplit split, ElementType type, String kernel, Map<String, String> hadoop) {
        if (split.whole()) {
            try {
                ByteRows rows = whole(split, type, kernel, hadoop);
                return new Census(rows.rows(), rows.maxLength(), rows.dataBytes(), 0, null);
            } catch (UserError e) {
                return new Census(0, 0, 0, 0, e.getMessage());
            }
        }
        long count = 0;
        int longest = 0;
        long bytes = 0;
        for (byte[] row : lines(split, hadoop, true)) {
            count++;
            if (row.length == 0) {
                return new Census(count, longest, bytes, count, null);
            }
            longest = Math.max(longest, row.length);
            bytes += row.length;
        }
        return new Census(count, longest, bytes, 0, null);
    }

    /** The split's rows in input order (after a first pass found no problem). */
    public static List<byte[]> rows(InputSplit split, ElementType type, String kernel, Map<String, String> hadoop) {
        if (!split.whole()) {
            return lines(split, hadoop, false);
        }
        ByteRows rows = whole(split, type, kernel, hadoop);
        List<byte[]> out = new ArrayList<>(rows.rows());
        for (int i = 0; i < rows.rows(); i++) {
            out.add(Arrays.copyOfRange(rows.data(), rows.offset(i), rows.offset(i) + rows.length(i)));
        }
        return out;
    }

    /** The error a census reported, as the driver's reader throws it (message and exit code). */
    public static UserError error(String message, String location) {
        String where = ", " + location;
        return new UserError(message.endsWith(where) ? message.substring(0, message.length() - where.length())
                : message, location);
    }

    /** The error of the first empty line of a text input, {@code line} counted from the file's start. */
    public static UserError emptyLine(long line, String location) {
        return TextInput.emptyLine(line, location);
    }

    private static ByteRows whole(InputSplit split, ElementType type, String kernel, Map<String, String> hadoop) {
        return (ByteRows) RowsInput.read(split.location(), split.format(), type, kernel, "--input",
                HadoopFs.configuration(hadoop));
    }

    /** The lines a text split owns, trimmed as {@link TextInput} trims them; stops at the first empty one if asked. */
    private static List<byte[]> lines(InputSplit split, Map<String, String> hadoop, boolean stopAtEmpty) {
        Configuration conf = HadoopFs.configuration(hadoop);
        List<byte[]> out = new ArrayList<>();
        try (InputSplit.Opened opened = split.open(HadoopFs.of(new Path(split.location()), conf))) {
            // line numbers from 2 past a file's start: only the file's first line may carry a byte order mark
            LineReader lines = new LineReader(opened.in(), split.location(), split.start() == 0 ? 1 : 2);
            while (lines.next() && opened.offset() + lines.start() < split.end()) {
                int len = TextInput.row(lines);
                out.add(Arrays.copyOf(lines.bytes(), len));
                if (len == 0 && stopAtEmpty) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
