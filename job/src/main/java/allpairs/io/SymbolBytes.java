package allpairs.io;

/**
 * Which bytes of a text, FASTA or FASTQ line are symbols. Whitespace is the ASCII whitespace that
 * Python's {@code str.split()}/{@code rstrip()} (and so Biopython) sees: tab, line feed, vertical
 * tab, form feed, carriage return, the separators 0x1C..0x1F and space. Every other byte is a
 * symbol, taken as it is (case kept, bytes above 127 included).
 */
final class SymbolBytes {
    private SymbolBytes() {
    }

    static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r') || (b >= 0x1c && b <= 0x1f);
    }

    /** The length of {@code b[0, len)} without its trailing whitespace. */
    static int trimEnd(byte[] b, int len) {
        int end = len;
        while (end > 0 && isSpace(b[end - 1])) {
            end--;
        }
        return end;
    }

    /** Removes every whitespace byte of {@code b[0, len)} in place; returns the new length. */
    static int removeSpaces(byte[] b, int len) {
        int out = 0;
        for (int i = 0; i < len; i++) {
            if (!isSpace(b[i])) {
                b[out++] = b[i];
            }
        }
        return out;
    }

    /** The index of the first whitespace byte in {@code b[from, len)}, or {@code len}. */
    static int firstSpace(byte[] b, int from, int len) {
        int i = from;
        while (i < len && !isSpace(b[i])) {
            i++;
        }
        return i;
    }
}
