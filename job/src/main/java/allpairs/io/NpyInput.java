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
 * range-checked on the way in: no silent casts. For a kernel with channels, an m×n×d array gives
 * rows of n·d values; for a kernel that takes rows of different lengths, NaN pads a float row's end.
 */
public final class NpyInput {
    /** One Java array holds the broadcast rows. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 16;
    private static final int CHUNK = 1 << 16;

    private NpyInput() {
    }

    static Rows read(InputStream in, long fileLength, ElementType type, String kernel, String location)
            throws IOException {
        KernelAccepts accepts = KernelAccepts.of(kernel);
        NpyHeader header = NpyHeader.read(in, location);
        Dtype dtype = dtype(header, type, kernel, location);
        ArrayLayout layout = matrixLayout(header, dtype, fileLength, accepts.channels(), location);
        boolean nanPads = accepts.ragged() && type == ElementType.DOUBLE;
        Object values = readValues(in, header, dtype, layout, fileLength, type, kernel, location, 0, nanPads);
        if (values instanceof byte[] bytes) {
            return ByteRows.rectangular(layout.m(), layout.rowValues(), bytes);
        }
        double[] doubles = (double[]) values;
        return nanPads ? NanPadding.trim(doubles, layout, location)
                : DoubleRows.rectangular(layout.m(), layout.rowValues(), doubles);
    }

    /** The channels a 3-D array implies (its last axis), or 0 for any other shape. */
    static int impliedChannels(InputStream in, String location) throws IOException {
        long[] shape = NpyHeader.read(in, location).shape();
        return shape.length == 3 ? (int) Math.min(Integer.MAX_VALUE, shape[2]) : 0;
    }

    static Dtype dtype(NpyHeader header, ElementType type, String kernel, String location) {
        Dtype dtype = Dtype.parse(header.descr(), location);
        if (dtype.isFloat() && type != ElementType.DOUBLE) {
            throw new UserError("dtype '" + header.descr() + "' is not supported by kernel " + kernel
                    + " (it needs integers for " + type + " elements)", location);
        }
        return dtype;
    }

    /** m × n (rows × values), or m × n × d (rows × steps × channels) for a kernel with channels. */
    private static ArrayLayout matrixLayout(NpyHeader header, Dtype dtype, long fileLength, boolean channels,
                                            String location) {
        long[] shape = header.shape();
        if (shape.length != 2 && !(channels && shape.length == 3)) {
            throw new UserError((channels ? "expected a 2-D array (m rows x n values) or a 3-D array (m rows x n"
                    + " steps x d channels)" : "expected a 2-D array (m rows x n columns)") + ", got shape "
                    + NpyHeader.shapeRepr(shape), location);
        }
        for (long dim : shape) {
            if (dim == 0) {
                throw new UserError("empty matrix of shape " + NpyHeader.shapeRepr(shape)
                        + " (need m >= 1 rows and n >= 1 columns)", location);
            }
        }
        long d = shape.length == 3 ? shape[2] : 1;
        checkSize(header, dtype, fileLength, location);
        return new ArrayLayout((int) shape[0], (int) shape[1], (int) d);
    }

    /**
     * Checks the size in the order that names the real problem: a byte count that overflows, data of
     * another length than the shape needs (a huge shape over a small file is a truncated file; not
     * checked when {@code fileLength} is -1, unknown), then one broadcast's limit. After it every
     * dimension fits an int.
     */
    static void checkSize(NpyHeader header, Dtype dtype, long fileLength, String location) {
        long[] shape = header.shape();
        long expected = dtype.size();
        for (long dim : shape) {
            try {
                expected = Math.multiplyExact(expected, dim);
            } catch (ArithmeticException e) {
                throw new UserError("shape " + NpyHeader.shapeRepr(shape) + " overflows a 64-bit byte count", location);
            }
        }
        long actual = fileLength - header.dataOffset();
        if (fileLength >= 0 && actual != expected) {
            throw new UserError("data is " + actual + " bytes but shape " + NpyHeader.shapeRepr(shape) + " of '"
                    + header.descr() + "' needs " + expected
                    + (actual < expected ? " (truncated file)" : " (trailing bytes)"), location);
        }
        long elements = expected / dtype.size();
        if (elements > MAX_ELEMENTS) {
            throw new UserError("input of " + elements + " values is larger than one broadcast can hold ("
                    + MAX_ELEMENTS + ")", location);
        }
    }

    /**
     * The array's values in row order, as byte[] or double[], after {@link #checkSize}. With
     * {@code fileLength} -1 (a zip entry streamed without its size) the stream must end right after
     * the data.
     *
     * @param firstRow added to row numbers in messages
     * @param nanPads NaN is kept (it pads a row's end) instead of refused
     */
    static Object readValues(InputStream in, NpyHeader header, Dtype dtype, ArrayLayout layout, long fileLength,
                             ElementType type, String kernel, String location, int firstRow, boolean nanPads)
            throws IOException {
        long[] shape = header.shape();
        Decoder decoder = new Decoder(in, dtype, layout, header.fortranOrder(), type, kernel, location, firstRow, nanPads);
        try {
            Object values = decoder.decode();
            if (fileLength < 0 && in.read() >= 0) {
                throw new UserError("trailing bytes after the data of shape " + NpyHeader.shapeRepr(shape), location);
            }
            return values;
        } catch (EOFException e) {
            throw new UserError("truncated data (" + e.getMessage() + ")", location);
        }
    }

    /** Streams the data in chunks, converting each value into its (row, column) place. */
    private static final class Decoder {
        private final InputStream in;
        private final Dtype dtype;
        private final ArrayLayout layout;
        private final boolean fortran;
        private final ElementType type;
        private final String kernel;
        private final String location;
        private final int firstRow;
        private final boolean nanPads;

        Decoder(InputStream in, Dtype dtype, ArrayLayout layout, boolean fortran, ElementType type, String kernel,
                String location, int firstRow, boolean nanPads) {
            this.in = in;
            this.dtype = dtype;
            this.layout = layout;
            this.fortran = fortran;
            this.type = type;
            this.kernel = kernel;
            this.location = location;
            this.firstRow = firstRow;
            this.nanPads = nanPads;
        }

        Object decode() throws IOException {
            int total = (int) layout.values();
            int n = layout.rowValues();
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
                    int row = layout.row(e, fortran);
                    int col = layout.column(e, fortran);
                    int at = row * n + col;
                    if (doubles != null) {
                        double v = doubleAt(buf, p);
                        doubles[at] = nanPads && Double.isNaN(v) ? v
                                : ElementCheck.finite(v, kernel, firstRow + row, col, location);
                    } else {
                        bytes[at] = byteAt(buf, p, firstRow + row, col);
                    }
                }
            }
            return bytes != null ? bytes : doubles;
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
