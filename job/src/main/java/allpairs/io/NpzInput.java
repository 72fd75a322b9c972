package allpairs.io;

import allpairs.UserError;
import allpairs.kernel.ByteRows;
import allpairs.kernel.DoubleRows;
import allpairs.kernel.ElementType;
import allpairs.kernel.Rows;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a NumPy {@code .npz} ({@code numpy.savez}, {@code savez_compressed}: a zip of {@code .npy}
 * files) as one row per array, in archive order, the array names as row ids. Each array is 1-D (a
 * series of any length), or, for a kernel with channels, 2-D (n steps × d channels, the same d for
 * all). Every entry goes through the same checks as a {@code .npy} file.
 */
final class NpzInput {
    private NpzInput() {
    }

    static Rows read(InputStream raw, ElementType type, String kernel, String location) throws IOException {
        KernelAccepts accepts = KernelAccepts.of(kernel);
        List<Object> arrays = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long total = 0;
        int channels = -1;
        try (ZipInputStream zip = new ZipInputStream(raw)) {
            for (ZipEntry entry = nextEntry(zip, location); entry != null; entry = nextEntry(zip, location)) {
                String id = arrayName(entry, location);
                String where = location + " (array '" + id + "')";
                if (!seen.add(id)) {
                    throw new UserError("array '" + id + "' appears twice in the archive", location);
                }
                NpyHeader header = NpyHeader.read(zip, where);
                Dtype dtype = NpyInput.dtype(header, type, kernel, where);
                ArrayLayout layout = seriesLayout(header, dtype, entry.getSize(), accepts.channels(), where);
                if (channels >= 0 && layout.channels() != channels) {
                    throw new UserError("array has " + layout.channels() + " channels per step but the first array has "
                            + channels, where);
                }
                channels = layout.channels();
                total += layout.values();
                if (total > NpyInput.MAX_ELEMENTS) {
                    throw new UserError("input of more than " + NpyInput.MAX_ELEMENTS
                            + " values is larger than one broadcast can hold", location);
                }
                arrays.add(NpyInput.readValues(zip, header, dtype, layout, entry.getSize(), type, kernel, where,
                        arrays.size(), false));
                ids.add(id);
            }
        }
        if (arrays.isEmpty()) {
            throw new UserError("the archive holds no arrays (or it is not a zip archive)", location);
        }
        return pack(arrays, (int) total, ids.toArray(new String[0]), type);
    }

    /** The channels the first array implies (the last axis of a 2-D array), or 0. */
    static int impliedChannels(InputStream raw, String location) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry entry = nextEntry(zip, location);
            if (entry == null || !entry.getName().endsWith(".npy")) {
                return 0; // reading the file names the problem
            }
            long[] shape = NpyHeader.read(zip, location).shape();
            return shape.length == 2 ? (int) Math.min(Integer.MAX_VALUE, shape[1]) : 0;
        }
    }

    /** The next entry; java.util.zip refuses a name that is not UTF-8 with an IllegalArgumentException (found by fuzzing). */
    private static ZipEntry nextEntry(ZipInputStream zip, String location) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            throw new UserError("an archive entry's name is not valid UTF-8 (" + e.getMessage() + ")", location);
        }
    }

    /**
     * numpy names entries {@code <name>.npy}: the id is the name. Ids go one per line into the ids
     * sidecar, so a name with a line break is refused, as a table's id column is (shown escaped: the
     * message is one line).
     */
    private static String arrayName(ZipEntry entry, String location) {
        String name = entry.getName();
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            String id = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
            throw new UserError("array name '" + id.replace("\n", "\\n").replace("\r", "\\r")
                    + "' holds a line break (ids are written one per line)", location);
        }
        if (entry.isDirectory() || !name.endsWith(".npy") || name.length() == 4) {
            throw new UserError("archive entry '" + name + "' is not a .npy array (an .npz holds only <name>.npy)",
                    location);
        }
        return name.substring(0, name.length() - 4);
    }

    private static ArrayLayout seriesLayout(NpyHeader header, Dtype dtype, long entrySize, boolean channels,
                                            String where) {
        long[] shape = header.shape();
        if (shape.length != 1 && !(channels && shape.length == 2)) {
            throw new UserError((channels ? "expected a 1-D array (one series) or a 2-D array (n steps x d channels)"
                    : "expected a 1-D array (one row)") + ", got shape " + NpyHeader.shapeRepr(shape), where);
        }
        for (long dim : shape) {
            if (dim == 0) {
                throw new UserError("empty array of shape " + NpyHeader.shapeRepr(shape) + " (a row needs a value)",
                        where);
            }
        }
        NpyInput.checkSize(header, dtype, entrySize, where);
        return new ArrayLayout(1, (int) shape[0], shape.length == 2 ? (int) shape[1] : 1);
    }

    private static Rows pack(List<Object> arrays, int total, String[] ids, ElementType type) {
        int[] offsets = new int[arrays.size() + 1];
        byte[] bytes = type == ElementType.DOUBLE ? null : new byte[total];
        double[] doubles = type == ElementType.DOUBLE ? new double[total] : null;
        for (int r = 0; r < arrays.size(); r++) {
            Object a = arrays.get(r);
            int length = a instanceof byte[] b ? b.length : ((double[]) a).length;
            System.arraycopy(a, 0, bytes != null ? bytes : doubles, offsets[r], length);
            offsets[r + 1] = offsets[r] + length;
        }
        return bytes != null ? new ByteRows(bytes, offsets, ids) : new DoubleRows(doubles, offsets, ids);
    }
}
