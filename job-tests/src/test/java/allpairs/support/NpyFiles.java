package allpairs.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-built .npy files for tests: any header text, any payload, no codec of ours involved. */
public final class NpyFiles {
    private NpyFiles() {
    }

    /** A version-1.0 file with this dict text (padded like NumPy) and these data bytes. */
    public static byte[] v1(String dict, byte[] data) {
        return build(1, dict, data);
    }

    public static byte[] build(int major, String dict, byte[] data) {
        int lenBytes = major == 1 ? 2 : 4;
        int hlen = dict.length() + 1;
        int pad = 64 - ((8 + lenBytes + hlen) % 64);
        int total = hlen + pad;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x93);
        out.writeBytes("NUMPY".getBytes(StandardCharsets.ISO_8859_1));
        out.write(major);
        out.write(0);
        for (int i = 0; i < lenBytes; i++) {
            out.write((total >>> (8 * i)) & 0xFF);
        }
        out.writeBytes(dict.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(" ".repeat(pad).getBytes(StandardCharsets.ISO_8859_1));
        out.write('\n');
        out.writeBytes(data);
        return out.toByteArray();
    }

    public static String int8Dict(String shape) {
        return "{'descr': '|i1', 'fortran_order': False, 'shape': " + shape + ", }";
    }

    public static Path write(Path file, byte[] content) {
        try {
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
