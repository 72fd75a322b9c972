package allpairs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The FASTQ and FASTA inputs in src/test/resources/biopython and what Biopython parsed from them
 * (written by make_sequences.py there).
 */
public final class BiopythonFiles {
    private BiopythonFiles() {
    }

    /** One record as Biopython reads it. */
    public record Parsed(String id, String sequence) {
    }

    public static Path file(String name) {
        try {
            return Path.of(BiopythonFiles.class.getResource("/biopython/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Biopython's records of {@code name}, in file order. */
    public static List<Parsed> expected(String name) {
        List<Parsed> out = new ArrayList<>();
        for (String line : lines(name + ".expected.tsv")) {
            String[] f = line.split("\t", -1);
            out.add(new Parsed(f[0], f[1]));
        }
        return out;
    }

    /** The rows of malformed.tsv: file name, the record allpairs must name, Biopython's verdict. */
    public static List<String[]> malformed() {
        return lines("malformed.tsv").stream().map(l -> l.split("\t", -1)).toList();
    }

    private static List<String> lines(String name) {
        try {
            return Files.readAllLines(file(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
