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
