package allpairs.checkpoint;

import allpairs.plan.Tile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * A stored tile's bytes: magic "APT3", height, width, the values (little-endian doubles), then a
 * CRC32C of everything before it and of what the file does not hold: the tile's place (its bands
 * and first row and column) and the job's digest. Nothing is fsynced (a crash may leave a file
 * short, empty or with stale blocks), and a tile file may be copied onto another's name or from
 * another job's checkpoint, so a tile is trusted only when its length, header and checksum all agree.
 */
final class TileFile {
    private static final int MAGIC = 0x41505433; // "APT3"
    private static final int HEADER = 3 * Integer.BYTES;

    private TileFile() {
    }

    static byte[] encode(Tile t, String job, double[] block) {
        ByteBuffer buf = ByteBuffer.allocate(length(t)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(MAGIC).putInt(t.height()).putInt(t.width());
        buf.asDoubleBuffer().put(block);
        buf.position(HEADER + block.length * Double.BYTES);
        buf.putInt(crc(t, job, buf.array(), buf.position()));
        return buf.array();
    }

    /** Why {@code bytes} are not a sound copy of tile {@code t} of the job {@code job}, or null when they are. */
    static String problem(Tile t, String job, byte[] bytes) {
        if (bytes.length != length(t)) {
            return bytes.length + " bytes where a " + t.height() + " x " + t.width() + " tile has " + length(t);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.getInt() != MAGIC || buf.getInt() != t.height() || buf.getInt() != t.width()) {
            return "not a " + t.height() + " x " + t.width() + " tile of this format";
        }
        int end = bytes.length - Integer.BYTES;
        if (buf.getInt(end) != crc(t, job, bytes, end)) {
            return "checksum mismatch: damaged, or copied from another tile's place or another job";
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

    private static int crc(Tile t, String job, byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        crc.update(ByteBuffer.allocate(4 * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(t.bandI())
                .putInt(t.bandJ()).putInt(t.rowStart()).putInt(t.colStart()).flip());
        crc.update(job.getBytes(StandardCharsets.US_ASCII));
        return (int) crc.getValue();
    }
}
