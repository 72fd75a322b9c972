package allpairs.io;

import allpairs.UserError;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A piece of an input file that one executor task reads: a byte range of a plain text file (it owns
 * the lines that start in it), or a whole file (FASTA, FASTQ, any gzip file), read by the driver's
 * reader itself ({@link RowsInput}) so the rows and the errors are the same.
 *
 * @param index the split's place in the file, from 0
 */
public record InputSplit(String location, InputFormat format, int index, long start, long end, boolean whole)
        implements Serializable {
    /**
     * The splits of a file, from its metadata alone (its size, and two bytes for gzip's magic): a text
     * file in pieces of at most {@code maxSplit} bytes, anything else whole.
     *
     * @param format the format, or null to take it from the file name
     */
    public static List<InputSplit> plan(String location, InputFormat format, long maxSplit, Configuration conf) {
        Path path = new Path(location);
        InputFormat fmt = format != null ? format : InputFormat.forName(location, "--input-format");
        try {
            FileSystem fs = HadoopFs.of(path, conf);
            FileStatus status = HadoopFs.inputStatus(fs, path, location);
            long size = status.getLen();
            List<InputSplit> splits = new ArrayList<>();
            if (fmt != InputFormat.TEXT || size == 0 || gzip(fs, path)) {
                splits.add(new InputSplit(location, fmt, 0, 0, size, true));
                return splits;
            }
            long step = Math.max(1, maxSplit);
            for (long from = 0; from < size; from += step) {
                splits.add(new InputSplit(location, fmt, splits.size(), from, Math.min(size, from + step), false));
            }
            return splits;
        } catch (IOException e) {
            throw new UserError("cannot read input (" + e.getMessage() + ")", location, e);
        }
    }

    private static boolean gzip(FileSystem fs, Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /**
     * A stream of the file from the first line this split owns: its start, or the line after the one
     * that runs across it (that line belongs to the split before).
     *
     * @return the stream and the file offset it begins at
     */
    Opened open(FileSystem fs) throws IOException {
        InputStream raw = fs.open(new Path(location));
        long at = 0;
        if (start > 0) {
            raw.skipNBytes(start - 1);
            at = start - 1;
            int b;
            do {
                b = raw.read();
                at++;
            } while (b != -1 && b != '\n');
        }
        return new Opened(new BufferedInputStream(raw, 1 << 16), at);
    }

    /** A split's stream and the file offset of its first byte. */
    record Opened(InputStream in, long offset) implements java.io.Closeable {
        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
