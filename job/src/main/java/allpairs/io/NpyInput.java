package allpairs.io;

import allpairs.UserError;
import allpairs.kernel.Int8Rows;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads an m×n {@code int8} matrix from a {@code .npy} file through the Hadoop FileSystem API,
 * validating everything (header, dtype, shape, data length) before allocating the data.
 */
public final class NpyInput {
    /** Every spelling of a signed 8-bit integer dtype NumPy accepts in a header. */
    private static final Set<String> INT8_DESCRS = Set.of("|i1", "<i1", ">i1", "=i1", "i1", "|b", "<b", ">b", "=b", "b");
    /** One Java array holds the broadcast rows. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 16;

    private NpyInput() {
    }

    public static Int8Rows readInt8Matrix(String location, String kernelName, Configuration conf) {
        Path path = new Path(location);
        try {
            FileSystem fs = path.getFileSystem(conf);
            FileStatus status;
            try {
                status = fs.getFileStatus(path);
            } catch (FileNotFoundException e) {
                throw new UserError("input file does not exist", location);
            }
            if (status.isDirectory()) {
                throw new UserError("input is a directory, not a .npy file", location);
            }
            try (InputStream in = fs.open(path)) {
                NpyHeader header = NpyHeader.read(in, location);
                return readData(in, header, status.getLen(), kernelName, location);
            }
        } catch (IOException e) {
            throw new UserError("cannot read input (" + e.getMessage() + ")", location, e);
        }
    }

    static Int8Rows readData(InputStream in, NpyHeader header, long fileLength, String kernelName,
                             String location) throws IOException {
        if (!INT8_DESCRS.contains(header.descr())) {
            throw new UserError("dtype '" + header.descr() + "' is not supported by kernel "
                    + kernelName + " (it needs int8)", location);
        }
        long[] shape = header.shape();
        if (shape.length != 2) {
            throw new UserError("expected a 2-D array (m rows x n columns), got shape "
                    + NpyHeader.shapeRepr(shape), location);
        }
        long m = shape[0];
        long n = shape[1];
        if (m == 0 || n == 0) {
            throw new UserError("empty matrix of shape " + NpyHeader.shapeRepr(shape)
                    + " (need m >= 1 rows and n >= 1 columns)", location);
        }
        long expected;
        try {
            expected = Math.multiplyExact(m, n); // itemsize 1
        } catch (ArithmeticException e) {
            throw new UserError("shape " + NpyHeader.shapeRepr(shape) + " overflows a 64-bit byte count", location);
        }
        long actual = fileLength - header.dataOffset();
        if (actual != expected) {
            throw new UserError("data is " + actual + " bytes but shape " + NpyHeader.shapeRepr(shape)
                    + " of int8 needs " + expected + (actual < expected ? " (truncated file)" : " (trailing bytes)"),
                    location);
        }
        if (expected > MAX_BYTES) {
            throw new UserError("input of " + expected + " bytes is larger than one broadcast can hold ("
                    + MAX_BYTES + ")", location);
        }
        byte[] data = new byte[(int) expected];
        try {
            NpyHeader.readExactly(in, data, data.length);
        } catch (java.io.EOFException e) {
            throw new UserError("truncated data (" + e.getMessage() + ")", location);
        }
        if (header.fortranOrder()) {
            data = transpose(data, (int) m, (int) n);
        }
        return new Int8Rows((int) m, (int) n, data);
    }

    /** Fortran order stores column after column; rows are what we need. */
    private static byte[] transpose(byte[] columnMajor, int m, int n) {
        byte[] rowMajor = new byte[columnMajor.length];
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < m; r++) {
                rowMajor[r * n + c] = columnMajor[c * m + r];
            }
        }
        return rowMajor;
    }
}
