package allpairs.checkpoint;

import allpairs.kernel.ByteRows;
import allpairs.kernel.DoubleRows;
import allpairs.kernel.Rows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of the things a fingerprint covers: rows, text, serialized objects, streams. */
final class Hashing {
    private static final int CHUNK = 1 << 16;

    private Hashing() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(MessageDigest sha) {
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Row count, each row's length, then the data: the lengths make the packing unambiguous. */
    static void rows(MessageDigest sha, Rows rows) {
        ByteBuffer ints = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        ints.putInt(rows.rows());
        for (int i = 0; i < rows.rows(); i++) {
            if (ints.remaining() < Integer.BYTES) {
                flush(sha, ints);
            }
            ints.putInt(rows.length(i));
        }
        flush(sha, ints);
        if (rows instanceof ByteRows bytes) {
            text(sha, "bytes");
            sha.update(bytes.data());
        } else if (rows instanceof DoubleRows doubles) {
            text(sha, "doubles");
            doubles(sha, doubles.data());
        } else {
            text(sha, rows.getClass().getName()); // rows of a plug-in: their serialized form
            sha.update(serialized(rows));
        }
    }

    /** Bit patterns, so -0.0 and 0.0 (different for some kernels) hash differently. */
    private static void doubles(MessageDigest sha, double[] data) {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : data) {
            if (buf.remaining() < Double.BYTES) {
                flush(sha, buf);
            }
            buf.putLong(Double.doubleToRawLongBits(d));
        }
        flush(sha, buf);
    }

    private static void flush(MessageDigest sha, ByteBuffer buf) {
        sha.update(buf.array(), 0, buf.position());
        buf.clear();
    }

    /** Length-prefixed, so two fields can never run into each other. */
    static void text(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(b.length).array());
        sha.update(b);
    }

    /** Everything {@code in} holds (closed here). */
    static void stream(MessageDigest sha, InputStream in) throws IOException {
        try (in) {
            byte[] buf = new byte[CHUNK];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                sha.update(buf, 0, n);
            }
        }
    }

    /** Java serialization is deterministic for the immutable objects kernels must be (see {@code Kernel}). */
    static byte[] serialized(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize " + o.getClass().getName() + " for the fingerprint", e);
        }
        return bytes.toByteArray();
    }
}
