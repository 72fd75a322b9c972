package allpairs.io;

import allpairs.UserError;
import allpairs.kernel.ByteRows;
import allpairs.kernel.DoubleRows;
import allpairs.kernel.ElementType;
import allpairs.kernel.Rows;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Reads an m×n matrix from a {@code .npy} (any of {@link Dtype#SUPPORTED}, either byte order, C or
 * Fortran order, header 1.0/2.0/3.0) and converts it to a kernel's element type. Everything is
 * validated (header, dtype, shape, data length) before the data is allocated, and every value is
 * range-checked on the way in: no silent casts.
 */
public final class NpyInput {
    /** One Java array holds the broadcast rows. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 16;
    private static final int CHUNK = 1 << 16;

    private NpyInput() {
    }

    static Rows read(InputStream in, long fileLength, ElementType type, String kernel, String location)
            throws IOException {
        NpyHeader header = NpyHeader.read(in, location);
        Dtype dtype = Dtype.parse(header.descr(), location);
        if (dtype.isFloat() && type != ElementType.DOUBLE) {
            throw new UserError("dtype '" + header.descr() + "' is not supported by kernel " + kernel
                    + " (it needs integers for " + type + " elements)", location);
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
        long elements;
        long expected;
        try {
            elements = Math.multiplyExact(m, n);
            expected = Math.multiplyExact(elements, (long) dtype.size());
        } catch (ArithmeticException e) {
            throw new UserError("shape " + NpyHeader.shapeRepr(shape) + " overflows a 64-bit byte count", location);
        }
        long actual = fileLength - header.dataOffset();
        if (actual != expected) {
            throw new UserError("data is " + actual + " bytes but shape " + NpyHeader.shapeRepr(shape) + " of '"
                    + header.descr() + "' needs " + expected + (actual < expected ? " (truncated file)" : " (trailing bytes)"),
                    location);
        }
        if (elements > MAX_ELEMENTS) {
            throw new UserError("input of " + elements + " values is larger than one broadcast can hold ("
                    + MAX_ELEMENTS + ")", location);
        }
        Decoder decoder = new Decoder(in, dtype, (int) m, (int) n, header.fortranOrder(), type, kernel, location);
        try {
            return decoder.decode();
        } catch (EOFException e) {
            throw new UserError("truncated data (" + e.getMessage() + ")", location);
        }
    }

    /** Streams the data in chunks, converting each value into its (row, column) place. */
    private static final class Decoder {
        private final InputStream in;
        private final Dtype dtype;
        private final int m;
        private final int n;
        private final boolean fortran;
        private final ElementType type;
        private final String kernel;
        private final String location;

        Decoder(InputStream in, Dtype dtype, int m, int n, boolean fortran, ElementType type, String kernel,
                String location) {
            this.in = in;
            this.dtype = dtype;
            this.m = m;
            this.n = n;
            this.fortran = fortran;
            this.type = type;
            this.kernel = kernel;
            this.location = location;
        }

        Rows decode() throws IOException {
            int total = m * n;
            byte[] bytes = type == ElementType.DOUBLE ? null : new byte[total];
            double[] doubles = type == ElementType.DOUBLE ? new double[total] : null;
            int size = dtype.size();
            byte[] chunk = new byte[CHUNK - CHUNK % size];
            ByteBuffer buf = ByteBuffer.wrap(chunk).order(dtype.order());
            int e = 0;
            while (e < total) {
                int take = (int) Math.min(chunk.length, (long) (total - e) * size);
                NpyHeader.readExactly(in, chunk, take);
                buf.clear();
                for (int p = 0; p < take; p += size, e++) {
                    // C order stores rows one after another, Fortran order columns.
                    int row = fortran ? e % m : e / n;
                    int col = fortran ? e / m : e % n;
                    int at = row * n + col;
                    if (doubles != null) {
                        doubles[at] = ElementCheck.finite(doubleAt(buf, p), kernel, row, col, location);
                    } else {
                        bytes[at] = byteAt(buf, p, row, col);
                    }
                }
            }
            return bytes != null ? ByteRows.rectangular(m, n, bytes) : DoubleRows.rectangular(m, n, doubles);
        }

        private byte byteAt(ByteBuffer buf, int p, int row, int col) {
            if (type == ElementType.SYMBOL && dtype.size() == 1) {
                return buf.get(p); // i1/u1 symbols are taken as they are, by bit pattern
            }
            if (dtype.kind() == 'u' && dtype.size() == 8 && buf.getLong(p) < 0) {
                throw ElementCheck.outOfRange(Long.toUnsignedString(buf.getLong(p)), type, kernel, row, col, location);
            }
            return ElementCheck.toByte(integerAt(buf, p), type, kernel, row, col, location);
        }

        private long integerAt(ByteBuffer buf, int p) {
            boolean unsigned = dtype.kind() == 'u';
            switch (dtype.size()) {
                case 1: return unsigned ? buf.get(p) & 0xFFL : buf.get(p);
                case 2: return unsigned ? buf.getShort(p) & 0xFFFFL : buf.getShort(p);
                case 4: return unsigned ? buf.getInt(p) & 0xFFFFFFFFL : buf.getInt(p);
                default: return buf.getLong(p);
            }
        }

        private double doubleAt(ByteBuffer buf, int p) {
            if (dtype.kind() == 'f') {
                return dtype.size() == 4 ? buf.getFloat(p) : buf.getDouble(p);
            }
            if (dtype.kind() == 'u' && dtype.size() == 8) {
                long v = buf.getLong(p);
                return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0; // unsigned 64-bit, rounded once
            }
            return integerAt(buf, p);
        }
    }
}
