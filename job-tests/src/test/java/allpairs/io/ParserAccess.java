package allpairs.io;

import allpairs.kernel.ElementType;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** The package-private readers, for the fuzz targets in allpairs.fuzz. */
public final class ParserAccess {
    private ParserAccess() {
    }

    public static Object npy(byte[] file, ElementType type) throws IOException {
        return NpyInput.read(new ByteArrayInputStream(file), file.length, type, "fuzz", "fuzz.npy");
    }

    /** An .npz archive read for {@code kernel} (its channels and ragged rows decide what is accepted). */
    public static Object npz(byte[] file, ElementType type, String kernel) throws IOException {
        return NpzInput.read(new ByteArrayInputStream(file), type, kernel, "fuzz.npz");
    }

    /**
     * The bytes the archive's entries hold once inflated (what the reader may legitimately keep),
     * counted up to {@code limit}; 0 for what is not a zip stream.
     */
    public static long inflatedBytes(byte[] file, long limit) {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(file))) {
            while (zip.getNextEntry() != null && total < limit) {
                for (int n = zip.read(buffer); n > 0 && total < limit; n = zip.read(buffer)) {
                    total += n;
                }
            }
        } catch (IOException | RuntimeException e) {
            // a malformed archive: count what was read before it
        }
        return total;
    }

    public static Object pyLiteral(String text) throws Exception {
        return PyLiteral.parse(text);
    }

    public static Class<? extends Exception> literalError() {
        return PyLiteral.SyntaxError.class;
    }

    public static Object fasta(byte[] file, ElementType type) throws IOException {
        return FastaInput.read(new ByteArrayInputStream(file), type, "fuzz", "fuzz.fa");
    }

    public static Object fastq(byte[] file, ElementType type) throws IOException {
        return FastqInput.read(new ByteArrayInputStream(file), type, "fuzz", "fuzz.fq");
    }

    public static Object text(byte[] file, ElementType type) throws IOException {
        return TextInput.read(new ByteArrayInputStream(file), type, "fuzz", "fuzz.txt");
    }
}
