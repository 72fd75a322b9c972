package allpairs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The seed kernel's golden files in src/test/resources/fixtures (written by the reference implementation;
 * see docs/seed-kernel.md),
 * read with a deliberately minimal reader of our own: v1.0 header length, then raw little-endian data.
 */
public final class Fixtures {
    /** The fixture shapes: input m×n, output m×m. */
    public static final List<int[]> SHAPES = List.of(new int[] {16, 8}, new int[] {33, 21}, new int[] {40, 12});

    private Fixtures() {
    }

    public static Path dir() {
        String dir = System.getProperty("allpairs.fixtures");
        if (dir == null) {
            throw new IllegalStateException("system property allpairs.fixtures is not set");
        }
        return Path.of(dir);
    }

    public static Path input(int m, int n) {
        return dir().resolve("seed_A_" + m + "x" + n + ".npy");
    }

    public static Path output(int m, int n) {
        return dir().resolve("seed_out_" + m + "x" + n + ".npy");
    }

    /** A NumPy-written file from src/test/resources/numpy (see make_fixtures.py there). */
    public static Path numpy(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/numpy/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Offset of the data in a version 1.0 .npy. */
    public static int dataOffset(byte[] file) {
        if (file[6] != 1) {
            throw new IllegalArgumentException("not a v1.0 .npy");
        }
        return 10 + ((file[8] & 0xFF) | (file[9] & 0xFF) << 8);
    }

    public static byte[][] int8Rows(Path p, int m, int n) {
        byte[] file = bytes(p);
        int off = dataOffset(file);
        byte[][] rows = new byte[m][n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(file, off + i * n, rows[i], 0, n);
        }
        return rows;
    }

    public static double[] float64(Path p) {
        byte[] file = bytes(p);
        int off = dataOffset(file);
        ByteBuffer bb = ByteBuffer.wrap(file, off, file.length - off).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[(file.length - off) / 8];
        bb.asDoubleBuffer().get(out);
        return out;
    }
}
