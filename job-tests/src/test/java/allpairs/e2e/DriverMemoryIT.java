package allpairs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Fixtures;
import allpairs.support.Launcher;
import allpairs.support.SeedReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver holds one row band, never the matrix: an 800 MB .npy (m = 10,000) written by a driver
 * with a 512 MiB heap (the smallest Spark accepts). Checked without loading the file into this
 * JVM (failsafe runs with -Xmx1g): header and size, every row of a few bands in full, and random
 * entries, all against the seed kernel computed independently here.
 */
class DriverMemoryIT {
    static final int M = 10_000;
    static final int N = 4;

    @TempDir
    Path dir;

    @Test
    void aMatrixLargerThanTheDriverHeapStreamsThroughOneBandAtATime() throws Exception {
        Path input = dir.resolve("A.npy");
        Path out = dir.resolve("out.npy");
        generate(input);
        byte[][] rows = Fixtures.int8Rows(input, M, N);

        Launcher r = Launcher.run(Map.of(), "--master", "local[2]", "--driver-memory", "512m", "--",
                "--kernel", "seed", "--input", input.toString(), "--output", out.toString());
        assertThat(r.exitCode).as(r.toString()).isZero();
        JsonNode s = new ObjectMapper().readTree(r.out);
        assertThat(s.get("m").asInt()).isEqualTo(M);
        assertThat(s.get("k").asInt()).isEqualTo(M);
        assertThat(s.get("pairs").asLong()).isEqualTo((long) M * (M + 1) / 2);
        int block = s.get("block_size").asInt();
        // The default block keeps a band (block x m doubles) at or under 32 MiB.
        assertThat((long) block * M * Double.BYTES).isLessThanOrEqualTo(32L << 20);
        int bands = (M + block - 1) / block;
        assertThat(bands).isGreaterThan(1);

        long dataOffset;
        try (RandomAccessFile f = new RandomAccessFile(out.toFile(), "r")) {
            byte[] head = new byte[10];
            f.readFully(head);
            assertThat(Arrays.copyOf(head, 8)).isEqualTo(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            int headerLen = (head[8] & 0xFF) | (head[9] & 0xFF) << 8;
            dataOffset = 10 + headerLen;
            assertThat(dataOffset % 64).isZero();
            byte[] dict = new byte[headerLen];
            f.readFully(dict);
            assertThat(new String(dict, StandardCharsets.ISO_8859_1))
                    .matches("\\{'descr': '<f8', 'fortran_order': False, 'shape': \\(10000, 10000\\), \\} *\n");
            assertThat(f.length()).isEqualTo(dataOffset + (long) M * M * Double.BYTES);
            assertThat(Files.size(out)).isEqualTo(f.length());

            // Every row of the first, the last and one middle band, in full.
            SplittableRandom rnd = new SplittableRandom(5);
            int[] sampledBands = {0, bands - 1, 1 + rnd.nextInt(bands - 2)};
            byte[] rowBytes = new byte[M * Double.BYTES];
            ByteBuffer row = ByteBuffer.wrap(rowBytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int b : sampledBands) {
                for (int i = b * block; i < Math.min(M, (b + 1) * block); i++) {
                    f.seek(dataOffset + (long) i * M * Double.BYTES);
                    f.readFully(rowBytes);
                    for (int j = 0; j < M; j++) {
                        assertEntry(i, j, row.getDouble(j * Double.BYTES), rows);
                    }
                }
            }
            // And entries anywhere.
            byte[] cell = new byte[Double.BYTES];
            for (int t = 0; t < 20_000; t++) {
                int i = rnd.nextInt(M);
                int j = rnd.nextInt(M);
                f.seek(dataOffset + ((long) i * M + j) * Double.BYTES);
                f.readFully(cell);
                assertEntry(i, j, ByteBuffer.wrap(cell).order(ByteOrder.LITTLE_ENDIAN).getDouble(), rows);
            }
        }
    }

    private static void assertEntry(int i, int j, double actual, byte[][] rows) {
        double expected = SeedReference.pair(rows[Math.min(i, j)], rows[Math.max(i, j)]);
        if (Double.doubleToRawLongBits(actual) != Double.doubleToRawLongBits(expected)) {
            throw new AssertionError("out[" + i + "][" + j + "] = " + actual + ", expected " + expected);
        }
    }

    /** The input, written by the job jar's generator in a JVM of its own. */
    private static void generate(Path input) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp",
                Launcher.root().resolve("job/target/allpairs-job.jar").toString(), "allpairs.cli.Main", "generate",
                "--rows", String.valueOf(M), "--cols", String.valueOf(N), "--seed", "1", "--output", input.toString())
                .inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.size(input)).isEqualTo(128 + (long) M * N);
    }
}
