package allpairs.kernel;

import allpairs.NumberSyntax;
import allpairs.UserError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Substitution matrices by name (the NCBI tables shipped as resources) or from a file in the NCBI
 * text format that BLAST, EMBOSS, Biopython and parasail read: {@code #} comment lines, a header
 * line of K one-character symbols, then K lines each of a symbol and its K scores.
 */
public final class MatrixParser {
    /** The built-in tables, as resources {@code allpairs/matrices/NAME}. */
    public static final List<String> NAMES = List.of("BLOSUM45", "BLOSUM50", "BLOSUM62", "BLOSUM80", "BLOSUM90",
            "PAM30", "PAM70", "PAM250", "NUC.4.4");

    /** Read into memory whole: anything larger is not a substitution matrix. */
    static final long MAX_FILE_BYTES = 1 << 20;

    private MatrixParser() {
    }

    /** A built-in matrix by name (case-insensitive; EDNAFULL is NUC.4.4), else the file at that path. */
    public static SubstitutionMatrix load(String nameOrPath) {
        String upper = nameOrPath.toUpperCase(Locale.ROOT);
        String name = upper.equals("EDNAFULL") ? "NUC.4.4" : upper;
        if (NAMES.contains(name)) {
            try (InputStream in = MatrixParser.class.getResourceAsStream("/allpairs/matrices/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("resource allpairs/matrices/" + name + " is missing from the jar");
                }
                return parse(name, read(in), "matrix " + name);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        Path file;
        try {
            file = Path.of(nameOrPath);
        } catch (InvalidPathException e) { // found by the fuzzer: a NUL in the value
            file = null;
        }
        if (file == null || !Files.isRegularFile(file)) {
            throw new UserError("'" + nameOrPath + "' is neither a matrix name (" + String.join(", ", NAMES)
                    + ", EDNAFULL) nor a readable file", "option --kernel-param matrix");
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new UserError("a matrix file of " + Files.size(file) + " bytes is larger than the "
                        + MAX_FILE_BYTES + " allowed (a 256 x 256 table needs far less)", nameOrPath);
            }
            return parse(nameOrPath, read(in), nameOrPath);
        } catch (IOException e) {
            throw new UserError("cannot read the matrix file: " + e.getMessage(), nameOrPath, e);
        }
    }

    private static List<String> read(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Parses the NCBI text format; errors name {@code where} and the line (exit 2). */
    public static SubstitutionMatrix parse(String name, List<String> lines, String where) {
        byte[] symbols = null;
        double[] scores = null;
        boolean[] seen = null;
        int rowsRead = 0;
        int lastLine = 0;
        for (int ln = 1; ln <= lines.size(); ln++) {
            String line = lines.get(ln - 1).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            lastLine = ln;
            String[] f = line.split("\\s+");
            String at = where + " line " + ln;
            if (symbols == null) {
                symbols = header(f, at);
                scores = new double[symbols.length * symbols.length];
                seen = new boolean[symbols.length];
                continue;
            }
            int k = symbols.length;
            int row = indexOf(symbols, f[0], at);
            if (seen[row]) {
                throw new UserError("symbol " + f[0] + " has a second row", at);
            }
            if (f.length != k + 1) {
                throw new UserError("expected symbol " + f[0] + " and " + k + " scores, found " + (f.length - 1)
                        + " scores", at);
            }
            seen[row] = true;
            rowsRead++;
            for (int c = 0; c < k; c++) {
                scores[row * k + c] = number(f[c + 1], at);
            }
        }
        if (symbols == null) {
            throw new UserError("no header line of symbols: not an NCBI-format matrix", where);
        }
        if (rowsRead != symbols.length) {
            throw new UserError("the header lists " + symbols.length + " symbols but " + rowsRead
                    + " rows follow", where + " line " + lastLine);
        }
        requireSymmetric(symbols, scores, where);
        return new SubstitutionMatrix(name, symbols, scores);
    }

    private static String text(double score) {
        return score == Math.rint(score) ? Long.toString((long) score) : Double.toString(score);
    }

    /** Each pair is computed once and mirrored, so score(a, b) must equal score(b, a). */
    private static void requireSymmetric(byte[] symbols, double[] scores, String where) {
        int k = symbols.length;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                if (scores[a * k + b] != scores[b * k + a]) {
                    throw new UserError("the matrix is not symmetric: " + (char) symbols[a] + " to " + (char) symbols[b]
                            + " scores " + text(scores[a * k + b]) + " but " + (char) symbols[b] + " to "
                            + (char) symbols[a] + " scores " + text(scores[b * k + a])
                            + " (allpairs computes each pair once and mirrors it)", where);
                }
            }
        }
    }

    private static byte[] header(String[] f, String at) {
        byte[] symbols = new byte[f.length];
        for (int c = 0; c < f.length; c++) {
            if (f[c].length() != 1) {
                throw new UserError("header field '" + f[c] + "' is not one symbol: expected the line of column"
                        + " symbols", at);
            }
            symbols[c] = (byte) f[c].charAt(0);
            for (int d = 0; d < c; d++) {
                if (symbols[d] == symbols[c]) {
                    throw new UserError("symbol " + f[c] + " appears twice in the header", at);
                }
            }
        }
        return symbols;
    }

    private static int indexOf(byte[] symbols, String field, String at) {
        if (field.length() == 1) {
            for (int c = 0; c < symbols.length; c++) {
                if (symbols[c] == (byte) field.charAt(0)) {
                    return c;
                }
            }
        }
        throw new UserError("row symbol '" + field + "' is not in the header " + Arrays.toString(
                new String(symbols, StandardCharsets.ISO_8859_1).split("")), at);
    }

    private static double number(String text, String at) {
        try {
            double v = NumberSyntax.parseDouble(text);
            if (Math.abs(v) <= 1e6) {
                return v;
            }
        } catch (NumberSyntax.Invalid e) {
            // reported below
        }
        throw new UserError("score '" + text + "' is not a number between -1e6 and 1e6", at);
    }
}
