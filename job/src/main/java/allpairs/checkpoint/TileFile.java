package allpairs.checkpoint;

import allpairs.plan.Tile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * A stored tile's bytes: magic "APT2", height, width, the values (little-endian doubles), then a
 * CRC32C of everything before it. Nothing is fsynced (a crash may leave a file short, empty or with
 * stale blocks), so a tile is trusted only when its length, header and checksum all agree.
 */
final class TileFile {
    private static final int MAGIC = 0x41505432; // "APT2"
    private static final int HEADER = 3 * Integer.BYTES;

    private TileFile() {
    }

    static byte[] encode(Tile t, double[] block) {
        ByteBuffer buf = ByteBuffer.allocate(length(t)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(MAGIC).putInt(t.height()).putInt(t.width());
        buf.asDoubleBuffer().put(block);
        buf.position(HEADER + block.length * Double.BYTES);
        buf.putInt(crc(buf.array(), buf.position()));
        return buf.array();
    }

    /** Why {@code bytes} are not a sound copy of tile {@code t}, or null when they are. */
    static String problem(Tile t, byte[] bytes) {
        if (bytes.length != length(t)) {
            return bytes.length + " bytes where a " + t.height() + " x " + t.width() + " tile has " + length(t);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.getInt() != MAGIC || buf.getInt() != t.height() || buf.getInt() != t.width()) {
            return "not a " + t.height() + " x " + t.width() + " tile of this format";
        }
        int end = bytes.length - Integer.BYTES;
        if (buf.getInt(end) != crc(bytes, end)) {
            return "checksum mismatch";
        }
        return null;
    }

    /** The values of bytes {@link #problem} found sound. */
    static double[] values(Tile t, byte[] bytes) {
        double[] block = new double[t.height() * t.width()];
        ByteBuffer.wrap(bytes, HEADER, block.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer()
                .get(block);
        return block;
    }

    private static int length(Tile t) {
        return HEADER + t.height() * t.width() * Double.BYTES + Integer.BYTES;
    }

    private static int crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
