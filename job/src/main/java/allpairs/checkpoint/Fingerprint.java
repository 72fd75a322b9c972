package allpairs.checkpoint;

import allpairs.kernel.ByteRows;
import allpairs.kernel.DoubleRows;
import allpairs.kernel.Kernel;
import allpairs.kernel.Rows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over what decides a tile's values: the rows as they were parsed (data, row lengths,
 * element type; never the input path read again later, which may hold other bytes by then), the
 * --against rows, the configured kernel (name, element type, and its serialized form: every field,
 * so also what a parameter named, such as a substitution matrix file's scores; not its toString,
 * which may be Object's, with an identity hash) and the run's settings
 * (input format, mirroring, the bound). Ids do not change a value and are not hashed.
 */
public final class Fingerprint {
    /** Changes whenever what is hashed, or a tile file's layout, changes: old checkpoints are then another job. */
    private static final String VERSION = "allpairs-checkpoint-2";
    private static final int CHUNK = 1 << 16;

    private Fingerprint() {
    }

    /**
     * @param reference the --against rows, or null
     * @param settings everything else that changes a value, as text (format, parameters, mirror, bound)
     */
    public static String of(Rows query, Rows reference, Kernel<?> kernel, String settings) {
        MessageDigest sha = sha256();
        text(sha, VERSION);
        text(sha, kernel.name());
        text(sha, kernel.elementType().name());
        sha.update(serialized(kernel));
        text(sha, settings);
        rows(sha, query);
        if (reference != null) {
            text(sha, "against");
            rows(sha, reference);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Row count, each row's length, then the data: the lengths make the packing unambiguous. */
    private static void rows(MessageDigest sha, Rows rows) {
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
    private static void text(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(b.length).array());
        sha.update(b);
    }

    /** Java serialization is deterministic for the immutable objects kernels must be (see {@link Kernel}). */
    private static byte[] serialized(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize " + o.getClass().getName() + " for the fingerprint", e);
        }
        return bytes.toByteArray();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
