package allpairs.io;

import allpairs.UserError;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of a NumPy {@code .npy} file (NEP 1): magic, version, header length, and a Python
 * dict literal with exactly {@code descr}, {@code fortran_order} and {@code shape}.
 * Kept apart from the data stream: this class only reads and writes header bytes.
 */
public final class NpyHeader {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy pads the header so the data starts on this boundary. */
    static final int ARRAY_ALIGN = 64;
    /** Spare room NumPy leaves after the dict so the first axis can grow in place. */
    static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** We refuse larger headers before allocating them (NumPy's own default limit is 10,000). */
    static final int MAX_HEADER_BYTES = 1 << 20;
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    private final String descr;
    private final boolean fortranOrder;
    private final long[] shape;
    private final int majorVersion;
    private final long dataOffset;

    NpyHeader(String descr, boolean fortranOrder, long[] shape, int majorVersion, long dataOffset) {
        this.descr = descr;
        this.fortranOrder = fortranOrder;
        this.shape = shape.clone();
        this.majorVersion = majorVersion;
        this.dataOffset = dataOffset;
    }

    /** The dtype string, e.g. {@code |i1} or {@code <f8}. */
    public String descr() {
        return descr;
    }

    public boolean fortranOrder() {
        return fortranOrder;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int majorVersion() {
        return majorVersion;
    }

    /** Bytes before the array data: magic, version, length field and the padded dict. */
    public long dataOffset() {
        return dataOffset;
    }

    /** The shape as Python writes it: {@code (3, 4)}, {@code (5,)}, {@code ()}. */
    public static String shapeRepr(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /**
     * Reads and validates a header, leaving {@code in} at the first data byte. Every problem is a
     * {@link UserError} naming {@code source}.
     */
    public static NpyHeader read(InputStream in, String source) throws IOException {
        byte[] prefix = new byte[8];
        if (readFully(in, prefix) < prefix.length || !Arrays.equals(Arrays.copyOf(prefix, 6), MAGIC)) {
            throw new UserError("not a .npy file (missing the \\x93NUMPY magic)", source);
        }
        int major = prefix[6] & 0xFF;
        int minor = prefix[7] & 0xFF;
        if (minor != 0 || major < 1 || major > 3) {
            throw new UserError("unsupported .npy format version " + major + "." + minor
                    + " (1.0, 2.0 and 3.0 are known)", source);
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] len = new byte[lengthBytes];
        if (readFully(in, len) < lengthBytes) {
            throw new UserError("truncated .npy header", source);
        }
        long headerLength = 0;
        for (int i = lengthBytes - 1; i >= 0; i--) {
            headerLength = (headerLength << 8) | (len[i] & 0xFF);
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new UserError(".npy header of " + headerLength + " bytes is larger than the "
                    + MAX_HEADER_BYTES + " allowed", source);
        }
        byte[] dictBytes = new byte[(int) headerLength];
        if (readFully(in, dictBytes) < dictBytes.length) {
            throw new UserError("truncated .npy header", source);
        }
        String dict = new String(dictBytes,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        long dataOffset = 6 + 2 + lengthBytes + headerLength;
        return parseDict(dict, major, dataOffset, source);
    }

    private static NpyHeader parseDict(String dict, int major, long dataOffset, String source) {
        Object literal;
        try {
            literal = PyLiteral.parse(dict);
        } catch (PyLiteral.SyntaxError e) {
            throw new UserError(".npy header is not a Python literal (" + e.getMessage() + ")", source);
        }
        if (!(literal instanceof Map<?, ?> map)) {
            throw new UserError(".npy header is not a dict", source);
        }
        if (!map.keySet().equals(KEYS)) {
            throw new UserError(".npy header must have exactly the keys 'descr', 'fortran_order' and"
                    + " 'shape', found " + map.keySet(), source);
        }
        Object descr = map.get("descr");
        if (!(descr instanceof String)) {
            throw new UserError("structured dtype " + descr + " is not supported", source);
        }
        Object fortran = map.get("fortran_order");
        if (!(fortran instanceof Boolean)) {
            throw new UserError(".npy header 'fortran_order' must be True or False, found " + fortran, source);
        }
        Object shapeValue = map.get("shape");
        if (!(shapeValue instanceof PyLiteral.Tuple tuple)) {
            throw new UserError(".npy header 'shape' must be a tuple, found " + shapeValue, source);
        }
        List<Object> dims = tuple.items();
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            Object d = dims.get(i);
            if (!(d instanceof BigInteger b) || b.signum() < 0 || b.bitLength() > 63) {
                throw new UserError(".npy header 'shape' must hold non-negative integers, found " + d, source);
            }
            shape[i] = b.longValue();
        }
        return new NpyHeader((String) descr, (Boolean) fortran, shape, major, dataOffset);
    }

    /**
     * The header bytes {@code numpy.save} writes for this dtype and shape (C order): the same
     * dict text, the same space padding to a 64-byte boundary, version 1.0 unless the header
     * needs 2.0 (or 3.0 for non-Latin-1 text).
     */
    public static byte[] encode(String descr, long[] shape) {
        return encodeRaw("'" + descr + "'", shape);
    }

    /** As {@link #encode}, with the descr given as its Python literal (a record dtype's list of fields). */
    public static byte[] encodeRaw(String descrLiteral, long[] shape) {
        String dict = "{'descr': " + descrLiteral + ", 'fortran_order': False, 'shape': " + shapeRepr(shape) + ", }";
        String firstAxis = shape.length > 0 ? Long.toString(shape[0]) : "";
        if (shape.length > 0) {
            dict += " ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - firstAxis.length()));
        }
        boolean latin1 = StandardCharsets.ISO_8859_1.newEncoder().canEncode(dict);
        byte[] text = dict.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        int major = latin1 ? 1 : 3;
        if (major == 1 && padded(text.length, 2) > 0xFFFF) {
            major = 2;
        }
        int lengthBytes = major == 1 ? 2 : 4;
        int total = padded(text.length, lengthBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + lengthBytes + total);
        out.writeBytes(MAGIC);
        out.write(major);
        out.write(0);
        for (int i = 0; i < lengthBytes; i++) {
            out.write((total >>> (8 * i)) & 0xFF);
        }
        out.writeBytes(text);
        out.writeBytes(" ".repeat(total - text.length - 1).getBytes(StandardCharsets.ISO_8859_1));
        out.write('\n');
        return out.toByteArray();
    }

    /** Length of dict text plus spaces and the final newline, as NumPy's _wrap_header pads it. */
    private static int padded(int textLength, int lengthBytes) {
        int hlen = textLength + 1;
        int padlen = ARRAY_ALIGN - ((6 + 2 + lengthBytes + hlen) % ARRAY_ALIGN);
        return hlen + padlen;
    }

    /** Reads until {@code buf} is full or the stream ends; returns the bytes read. */
    static int readFully(InputStream in, byte[] buf) throws IOException {
        int done = 0;
        while (done < buf.length) {
            int r = in.read(buf, done, buf.length - done);
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    /** Like {@link #readFully} but a short read is an error. */
    static void readExactly(InputStream in, byte[] buf, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int r = in.read(buf, done, len - done);
            if (r < 0) {
                throw new EOFException("stream ended after " + done + " of " + len + " bytes");
            }
            done += r;
        }
    }
}
