package allpairs.io;

import allpairs.UserError;
import allpairs.kernel.ElementType;
import allpairs.kernel.Rows;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reads an input file of any format through the Hadoop FileSystem API, on the driver. */
public final class RowsInput {
    private RowsInput() {
    }

    /**
     * @param format the format, or null to take it from the file name
     * @param option the option that named the file (for messages)
     */
    public static Rows read(String location, InputFormat format, ElementType type, String kernel, String option,
                            Configuration conf) {
        Path path = new Path(location);
        try {
            FileSystem fs = HadoopFs.of(path, conf);
            FileStatus status;
            try {
                status = fs.getFileStatus(path);
            } catch (FileNotFoundException e) {
                throw new UserError("input file does not exist", location);
            }
            if (status.isDirectory()) {
                throw new UserError("input is a directory, not a file", location);
            }
            InputFormat fmt = format != null ? format : InputFormat.forName(location, "--input-format");
            try (InputStream raw = fs.open(path)) {
                if (fmt == InputFormat.NPY) {
                    return NpyInput.read(raw, status.getLen(), type, kernel, location);
                }
                InputStream in = maybeGunzip(new BufferedInputStream(raw, 1 << 16));
                return fmt == InputFormat.TEXT
                        ? TextInput.read(in, type, kernel, location)
                        : FastaInput.read(in, type, kernel, location);
            }
        } catch (ZipException | EOFException e) {
            throw new UserError("corrupt or truncated data (" + e.getMessage() + ")", location, e);
        } catch (IOException e) {
            throw new UserError("cannot read input (" + e.getMessage() + ")", location, e);
        }
    }

    /** gzip is recognised by its magic bytes, whatever the name. */
    private static InputStream maybeGunzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
