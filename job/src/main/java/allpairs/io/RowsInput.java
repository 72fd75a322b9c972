package allpairs.io;

import allpairs.UserError;
import allpairs.kernel.ElementType;
import allpairs.kernel.Rows;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
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
            FileStatus status = HadoopFs.inputStatus(fs, path, location);
            if (status.isDirectory()) {
                throw new UserError("input is a directory, not a file (a table directory, such as a partitioned"
                        + " Parquet dataset, needs --input-format parquet|orc|csv|json)", location);
            }
            InputFormat fmt = format != null ? format : InputFormat.forName(location, "--input-format");
            if (fmt.isTable()) {
                throw new IllegalArgumentException(location + " is a table: Spark SQL reads it (TableInput)");
            }
            try (InputStream raw = fs.open(path)) {
                if (fmt == InputFormat.NPY) {
                    return NpyInput.read(raw, status.getLen(), type, kernel, location);
                }
                if (fmt == InputFormat.NPZ) {
                    return NpzInput.read(new BufferedInputStream(raw, 1 << 16), type, kernel, location);
                }
                InputStream in = maybeGunzip(new BufferedInputStream(raw, 1 << 16), location);
                return switch (fmt) {
                    case TEXT -> TextInput.read(in, type, kernel, location);
                    case FASTQ -> FastqInput.read(in, type, kernel, location);
                    default -> FastaInput.read(in, type, kernel, location);
                };
            }
        } catch (ZipException | EOFException e) {
            throw new UserError("corrupt or truncated data (" + e.getMessage() + ")", location, e);
        } catch (IOException e) {
            throw new UserError("cannot read input (" + e.getMessage() + ")", location, e);
        }
    }

    /**
     * What the input files imply for the kernel's parameters: {@code channels=d} for a 3-D {@code .npy}
     * (m × n × d) or an {@code .npz} of 2-D arrays (n × d), when the kernel declares {@code channels}.
     * Empty otherwise, and for a file that cannot be read (reading it then names the problem).
     *
     * @param against the --against file, or null
     */
    public static Map<String, Integer> implied(String kernel, String input, String against, InputFormat format,
                                               Configuration conf) {
        if (!KernelAccepts.of(kernel).channels()) {
            return Map.of();
        }
        int d = channelsOf(input, format, conf);
        int other = against == null ? 0 : channelsOf(against, format, conf);
        if (d > 0 && other > 0 && d != other) {
            throw new UserError("--against has " + other + " channels per step but --input has " + d, against);
        }
        int channels = Math.max(d, other);
        return channels > 0 ? Map.of(KernelAccepts.CHANNELS, channels) : Map.of();
    }

    private static int channelsOf(String location, InputFormat format, Configuration conf) {
        try {
            InputFormat fmt = format != null ? format : InputFormat.forName(location, "--input-format");
            if (fmt != InputFormat.NPY && fmt != InputFormat.NPZ) {
                return 0;
            }
            Path path = new Path(location);
            try (InputStream in = new BufferedInputStream(HadoopFs.of(path, conf).open(path), 1 << 16)) {
                return fmt == InputFormat.NPY ? NpyInput.impliedChannels(in, location)
                        : NpzInput.impliedChannels(in, location);
            }
        } catch (UserError | IOException e) {
            return 0;
        }
    }

    /** gzip is recognised by its magic bytes, whatever the name. */
    private static InputStream maybeGunzip(BufferedInputStream in, String location) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? GzipMembers.open(in, location) : in;
    }
}
