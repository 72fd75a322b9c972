package allpairs.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import allpairs.kernel.ByteRows;
import allpairs.kernel.ElementType;
import allpairs.kernel.Rows;
import allpairs.support.Fixtures;
import allpairs.support.NpyFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class NpyCodecTest {
    static final java.util.List<int[]> SHAPES = Fixtures.SHAPES;

    @ParameterizedTest
    @FieldSource("SHAPES")
    void readsNumpyWrittenInputFixtures(int[] shape) throws IOException {
        byte[] file = Fixtures.bytes(Fixtures.input(shape[0], shape[1]));
        NpyHeader header = NpyHeader.read(new ByteArrayInputStream(file), "fixture");
        assertThat(header.descr()).isEqualTo("|i1");
        assertThat(header.fortranOrder()).isFalse();
        assertThat(header.shape()).containsExactly(shape[0], shape[1]);
        assertThat(header.majorVersion()).isEqualTo(1);
        ByteRows rows = int8(file);
        byte[][] expected = Fixtures.int8Rows(Fixtures.input(shape[0], shape[1]), shape[0], shape[1]);
        for (int i = 0; i < shape[0]; i++) {
            for (int j = 0; j < shape[1]; j++) {
                assertThat(rows.get(i, j)).isEqualTo(expected[i][j]);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("SHAPES")
    void writesBytesIdenticalToNumpy(int[] shape) throws IOException {
        int m = shape[0];
        byte[] golden = Fixtures.bytes(Fixtures.output(m, shape[1]));
        double[] values = Fixtures.float64(Fixtures.output(m, shape[1]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NpyMatrixWriter w = new NpyMatrixWriter(out, m, m)) {
            // in uneven bands, as the job streams them
            for (int from = 0; from < values.length; from += 7 * m) {
                w.write(values, from, Math.min(7 * m, values.length - from));
            }
        }
        assertThat(out.toByteArray()).isEqualTo(golden);
    }

    @Test
    void headerMatchesNumpyForManyShapes() {
        // NumPy pads with 21 - len(str(shape[0])) spaces, then to a 64-byte boundary.
        for (long m : new long[] {1, 9, 10, 99, 12345, 1L << 40}) {
            byte[] h = NpyHeader.encode("<f8", new long[] {m, m});
            assertThat(h.length % 64).isZero();
            assertThat(h[h.length - 1]).isEqualTo((byte) '\n');
            String text = new String(h, 10, h.length - 10, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(text).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (" + m + ", " + m + "), }"
                    + " ".repeat(21 - Long.toString(m).length()));
        }
    }

    @Test
    void usesVersion2WhenTheHeaderExceeds65535Bytes() throws IOException {
        String longDescr = "x".repeat(70_000);
        byte[] h = NpyHeader.encode(longDescr, new long[] {3, 4});
        assertThat(h[6]).isEqualTo((byte) 2);
        assertThat(h.length % 64).isZero();
        long declared = ByteBuffer.wrap(h, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(declared).isEqualTo(h.length - 12);
        NpyHeader back = NpyHeader.read(new ByteArrayInputStream(h), "v2");
        assertThat(back.majorVersion()).isEqualTo(2);
        assertThat(back.descr()).isEqualTo(longDescr);
        assertThat(back.shape()).containsExactly(3, 4);
        assertThat(back.dataOffset()).isEqualTo(h.length);
    }

    @Test
    void readsVersion2And3Files() throws IOException {
        byte[] data = {1, -2, 3, -4, 5, -6};
        for (int major : new int[] {2, 3}) {
            byte[] file = NpyFiles.build(major, NpyFiles.int8Dict("(2, 3)"), data);
            ByteRows rows = int8(file);
            assertThat(rows.data()).containsExactly(data);
        }
    }

    @Test
    void handlesShortReads() throws IOException {
        byte[] file = Fixtures.bytes(Fixtures.input(33, 21));
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(file)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1)); // one byte at a time
            }
        };
        ByteRows rows = (ByteRows) NpyInput.read(trickle, file.length, ElementType.INT8, "seed", "trickle");
        assertThat(rows.data()).isEqualTo(Arrays.copyOfRange(file, Fixtures.dataOffset(file), file.length));
    }

    @Test
    void refusesAShortWrite() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyMatrixWriter w = new NpyMatrixWriter(out, 3, 3);
        w.write(new double[8], 0, 8);
        assertThatThrownBy(w::close).isInstanceOf(IOException.class).hasMessageContaining("short write");
        NpyMatrixWriter w2 = new NpyMatrixWriter(new ByteArrayOutputStream(), 2, 2);
        assertThatThrownBy(() -> w2.write(new double[5], 0, 5)).isInstanceOf(IOException.class);
    }

    @Test
    void readsFortranOrderByTransposing() throws IOException {
        // a 2x3 matrix [[1,2,3],[4,5,6]] stored column by column
        byte[] file = NpyFiles.v1("{'descr': '|i1', 'fortran_order': True, 'shape': (2, 3), }", new byte[] {1, 4, 2, 5, 3, 6});
        ByteRows rows = int8(file);
        assertThat(rows.data()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void acceptsOtherValidHeaderSpellings() throws IOException {
        byte[] data = new byte[12];
        new SplittableRandom(1).nextBytes(data);
        for (String dict : new String[] {
            "{\"descr\": \"<i1\", \"fortran_order\": False, \"shape\": (3L, 4L)}",
            "{'shape': (3, 4), 'fortran_order': False, 'descr': 'b'}",
            "{ 'descr' : '|i1' , 'fortran_order' : False , 'shape' : ( 3 , 4 , ) , }"}) {
            byte[] file = NpyFiles.v1(dict, data);
            ByteRows rows = int8(file);
            assertThat(rows.rows()).isEqualTo(3);
            assertThat(rows.data()).containsExactly(data);
        }
    }

    static ByteRows int8(byte[] file) throws IOException {
        return (ByteRows) NpyInput.read(new ByteArrayInputStream(file), file.length, ElementType.INT8, "seed", "test");
    }

    @Test
    void refusesHeaderTextThatIsNotALiteral() {
        for (String dict : new String[] {"{'descr': __import__('os'), 'fortran_order': False, 'shape': (1, 1)}",
            "{'descr': '|i1', 'fortran_order': False, 'shape': (1, 1)", "[1, 2]"}) {
            byte[] file = NpyFiles.v1(dict, new byte[] {0});
            assertThatThrownBy(() -> NpyHeader.read(new ByteArrayInputStream(file), "bad.npy"))
                    .isInstanceOf(UserError.class).hasMessageEndingWith(", bad.npy");
        }
    }
}
