package allpairs.checkpoint;

import allpairs.compute.EdgePiece;
import allpairs.compute.TileEdges;
import allpairs.plan.Tile;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A stored tile's bytes: magic "APT4", what it holds (0: values, 1: edges), height, width, then
 * either the values (little-endian doubles, h·w) or the edges a sparse output keeps of the tile
 * ({@link TileEdges}: a band count, then per band its number, its edge count and each edge as i, j
 * (ints) and value (double): 16 bytes an edge), then a CRC32C of everything before it and of what
 * the file does not hold: the tile's place (its bands and first row and column) and the job's
 * digest. Nothing is fsynced (a crash may leave a file short, empty or with stale blocks), and a
 * tile file may be copied onto another's name or from another job's checkpoint, so a tile is
 * trusted only when its length, header, layout and checksum all agree.
 */
final class TileFile {
    private static final int MAGIC = 0x41505434; // "APT4"
    private static final int VALUES = 0;
    private static final int EDGES = 1;
    private static final int HEADER = 4 * Integer.BYTES;
    private static final int EDGE_BYTES = 2 * Integer.BYTES + Double.BYTES;

    private TileFile() {
    }

    static byte[] encode(Tile t, String job, double[] block) {
        ByteBuffer buf = header(t, VALUES, HEADER + block.length * Double.BYTES + Integer.BYTES);
        buf.asDoubleBuffer().put(block);
        buf.position(HEADER + block.length * Double.BYTES);
        return sealed(t, job, buf);
    }

    static byte[] encode(Tile t, String job, TileEdges edges) {
        Map<Integer, EdgePiece> bands = edges.bands();
        long length = HEADER + Integer.BYTES + 2L * Integer.BYTES * bands.size() + EDGE_BYTES * edges.size()
                + Integer.BYTES;
        if (length > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("tile " + t + " keeps " + edges.size() + " edges: too many for one file");
        }
        ByteBuffer buf = header(t, EDGES, (int) length).putInt(bands.size());
        bands.forEach((band, piece) -> {
            buf.putInt(band).putInt(piece.size());
            for (int e = 0; e < piece.size(); e++) {
                buf.putInt(piece.row(e)).putInt(piece.col(e)).putDouble(piece.value(e));
            }
        });
        return sealed(t, job, buf);
    }

    /**
     * Why {@code bytes} are not a sound copy of tile {@code t} of the job {@code job} holding edges
     * ({@code edges}) or values, or null when they are.
     */
    static String problem(Tile t, String job, byte[] bytes, boolean edges) {
        String tile = t.height() + " x " + t.width() + " tile";
        long values = HEADER + (long) t.height() * t.width() * Double.BYTES + Integer.BYTES;
        if (!edges && bytes.length != values) {
            return bytes.length + " bytes where a " + tile + " has " + values;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < HEADER + Integer.BYTES || buf.getInt() != MAGIC || buf.getInt() != (edges ? EDGES : VALUES)
                || buf.getInt() != t.height() || buf.getInt() != t.width()) {
            return "not a " + tile + (edges ? "'s edges" : "") + " of this format";
        }
        long expected = edges ? edgesLength(buf) : values;
        if (bytes.length != expected) {
            return bytes.length + " bytes where the edge counts of a " + tile + " give " + (expected < 0 ? "more" : expected);
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

    /** The edges of bytes {@link #problem} found sound. */
    static TileEdges edges(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).position(HEADER);
        TileEdges edges = new TileEdges();
        int bands = buf.getInt();
        for (int b = 0; b < bands; b++) {
            int band = buf.getInt();
            int n = buf.getInt();
            EdgePiece piece = new EdgePiece(Math.max(1, n));
            for (int e = 0; e < n; e++) {
                piece.add(buf.getInt(), buf.getInt(), buf.getDouble());
            }
            edges.add(band, piece);
        }
        return edges;
    }

    /** The length the edge counts after the header give, or -1 when they run past the bytes. */
    private static long edgesLength(ByteBuffer buf) {
        try {
            int bands = buf.getInt();
            for (int b = 0; b < bands; b++) {
                buf.getInt();
                int n = buf.getInt();
                if (n < 0 || (long) n * EDGE_BYTES > buf.remaining()) {
                    return -1;
                }
                buf.position(buf.position() + n * EDGE_BYTES);
            }
            return bands < 0 ? -1 : buf.position() + Integer.BYTES;
        } catch (BufferUnderflowException e) {
            return -1;
        }
    }

    private static ByteBuffer header(Tile t, int kind, int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN).putInt(MAGIC).putInt(kind).putInt(t.height())
                .putInt(t.width());
    }

    private static byte[] sealed(Tile t, String job, ByteBuffer buf) {
        buf.putInt(crc(t, job, buf.array(), buf.position()));
        return buf.array();
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
