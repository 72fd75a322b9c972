package allpairs.io;

import allpairs.UserError;
import allpairs.kernel.ByteRows;
import allpairs.kernel.ElementType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects byte sequences read from text, FASTA or FASTQ into {@link ByteRows}, converting each byte
 * (read as 0..255) to the kernel's element type.
 */
final class ByteRowsBuilder {
    private final ElementType type;
    private final String kernel;
    private final String location;
    private byte[] data = new byte[1 << 12];
    private int size;
    private int[] offsets = new int[64];
    private int rows;
    private final List<String> ids = new ArrayList<>();

    ByteRowsBuilder(ElementType type, String kernel, String location) {
        if (type == ElementType.DOUBLE) {
            throw new UserError("text, FASTA and FASTQ inputs hold byte sequences, but kernel " + kernel
                    + " needs numbers (give it a .npy)", location);
        }
        this.type = type;
        this.kernel = kernel;
        this.location = location;
    }

    /** Appends bytes to the current (last) row. */
    void append(byte[] bytes, int from, int to) {
        int len = to - from;
        if ((long) size + len > NpyInput.MAX_ELEMENTS) {
            throw new UserError("input is larger than one broadcast can hold (" + NpyInput.MAX_ELEMENTS + " bytes)", location);
        }
        if (size + len > data.length) {
            data = Arrays.copyOf(data, (int) Math.min(NpyInput.MAX_ELEMENTS, Math.max((long) data.length * 2, size + len)));
        }
        if (type == ElementType.INT8) {
            for (int p = from; p < to; p++) {
                ElementCheck.toByte(bytes[p] & 0xFF, type, kernel, rows - 1, size - offsets[rows - 1] + p - from, location);
            }
        }
        System.arraycopy(bytes, from, data, size, len);
        size += len;
    }

    /** Starts a new row (with its id, or null). */
    void startRow(String id) {
        if (rows + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[rows] = size;
        rows++;
        if (id != null) {
            ids.add(id);
        }
    }

    int currentRowLength() {
        return size - offsets[rows - 1];
    }

    int rows() {
        return rows;
    }

    ByteRows build() {
        if (rows == 0) {
            throw new UserError("no rows (the file is empty)", location);
        }
        int[] bounds = Arrays.copyOf(offsets, rows + 1);
        bounds[rows] = size;
        return new ByteRows(Arrays.copyOf(data, size), bounds, ids.isEmpty() ? null : ids.toArray(new String[0]));
    }
}
