package allpairs.kernel;

import allpairs.UserError;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A substitution matrix: the score of aligning symbol a with symbol b, for the K symbols of its
 * header (NCBI text format, see {@link MatrixParser}). Immutable and serializable: the driver
 * parses it once and executors receive it inside the kernel.
 *
 * <p>Row bytes map to matrix symbols (codes 0..K-1) as follows: a symbol the matrix lists maps to
 * itself; a lower-case letter the matrix does not list maps to its upper case (soft-masked input
 * aligns as upper case); any other byte maps to the matrix's wildcard, the first of {@code X},
 * {@code N}, {@code *} that it lists; with none of those it is an error (exit 2 naming the row).
 */
public final class SubstitutionMatrix implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Wildcard rows, in order of preference: any amino acid, any nucleotide, stop/any. */
    static final String WILDCARDS = "XN*";

    private final String name;
    private final byte[] symbols;
    private final double[] scores;
    /** Byte (0..255) to code with case folding and the wildcard applied; -1 where it scores nothing. */
    private final int[] codes;
    private final int wildcard;

    /** @param scores K × K, row-major, row = symbol of the first sequence */
    SubstitutionMatrix(String name, byte[] symbols, double[] scores) {
        int k = symbols.length;
        if (scores.length != k * k) {
            throw new IllegalArgumentException("need " + k * k + " scores, got " + scores.length);
        }
        this.name = name;
        this.symbols = symbols.clone();
        this.scores = scores.clone();
        int[] exact = new int[256];
        Arrays.fill(exact, -1);
        for (int c = 0; c < k; c++) {
            exact[symbols[c] & 0xff] = c;
        }
        int wild = -1;
        for (int w = WILDCARDS.length() - 1; w >= 0; w--) {
            if (exact[WILDCARDS.charAt(w)] >= 0) {
                wild = exact[WILDCARDS.charAt(w)];
            }
        }
        this.wildcard = wild;
        this.codes = new int[256];
        for (int b = 0; b < 256; b++) {
            int c = exact[b];
            if (c < 0 && b >= 'a' && b <= 'z') {
                c = exact[b - 'a' + 'A'];
            }
            codes[b] = c >= 0 ? c : wild;
        }
    }

    /** The name users gave (a built-in name or the file path). */
    public String name() {
        return name;
    }

    /** K, the number of symbols. */
    public int size() {
        return symbols.length;
    }

    /** The code (0..K-1) a row byte scores as, or -1 when the matrix cannot score it. */
    public int code(byte b) {
        return codes[b & 0xff];
    }

    /** The score of codes (a, b). */
    public double score(int a, int b) {
        return scores[a * symbols.length + b];
    }

    /** The score of two row bytes (both must have a code). */
    public double score(byte a, byte b) {
        return score(code(a), code(b));
    }

    /** The scores, K × K row-major, shared (not to be modified): for the DP loops. */
    double[] scores() {
        return scores;
    }

    /** Byte (0..255) to code, wildcard applied, -1 where none; shared (not to be modified). */
    int[] codes() {
        return codes;
    }

    /** The wildcard symbol unknown bytes score as, or -1 when there is none. */
    public int wildcardSymbol() {
        return wildcard < 0 ? -1 : symbols[wildcard] & 0xff;
    }

    /** True when every score is an integer (the integer alignment paths apply). */
    public boolean integral() {
        for (double s : scores) {
            if (s != Math.rint(s)) {
                return false;
            }
        }
        return true;
    }

    /** The largest |score|. */
    public double maxAbs() {
        double m = 0;
        for (double s : scores) {
            m = Math.max(m, Math.abs(s));
        }
        return m;
    }

    /** Exit 2 naming the first row (and symbol) this matrix cannot score. */
    public void checkRows(Rows rows, String where) {
        if (!(rows instanceof ByteRows)) {
            return;
        }
        ByteRows r = (ByteRows) rows;
        for (int i = 0; i < r.rows(); i++) {
            int bad = firstUnknown(r.data(), r.offset(i), r.length(i));
            if (bad >= 0) {
                String id = r.ids() == null ? "" : " (" + r.ids()[i] + ")";
                throw new UserError("row " + i + id + " has symbol " + describe(r.data()[bad])
                        + " at position " + (bad - r.offset(i)) + ", which matrix " + name
                        + " does not score (it has no wildcard " + String.join(", ", WILDCARDS.split("")) + ")", where);
            }
        }
    }

    /** The index of the first byte of data[off, off+len) without a code, or -1. */
    int firstUnknown(byte[] data, int off, int len) {
        if (wildcard >= 0) {
            return -1;
        }
        for (int p = off; p < off + len; p++) {
            if (codes[data[p] & 0xff] < 0) {
                return p;
            }
        }
        return -1;
    }

    /** As {@link #checkRows}, for one row slice inside a kernel (rows the driver did not check). */
    void requireKnown(byte[] data, int off, int len) {
        int bad = firstUnknown(data, off, len);
        if (bad >= 0) {
            throw new UserError("symbol " + describe(data[bad]) + " is not in matrix " + name
                    + " (it has no wildcard X, N or *)", "a row of " + (len) + " symbols");
        }
    }

    static String describe(byte b) {
        int v = b & 0xff;
        return v > 32 && v < 127 ? "'" + (char) v + "'" : String.format("0x%02X", v);
    }

    @Override
    public String toString() {
        return name;
    }
}
