package allpairs.io;

import allpairs.UserError;
import allpairs.kernel.ElementType;
import allpairs.kernel.Rows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * FASTQ: records of exactly four lines, {@code @id description}, the sequence, {@code +} (optionally
 * repeating the id), the quality. The id is read as FASTA's ({@link RecordIds}); the quality must be
 * as long as the sequence and printable ASCII (33..126), and is then ignored. Trailing whitespace
 * is not a symbol; blank lines between records are skipped. Multi-line (wrapped) FASTQ is refused:
 * a quality line may start with '@' or '+', so wrapped records are ambiguous to read and hide
 * truncation, and every sequencer writes four lines.
 */
final class FastqInput {
    private static final String FOUR_LINES = "records are four lines: multi-line FASTQ is not supported";
    private final LineReader lines;
    private final ByteRowsBuilder rows;
    private final RecordIds ids;
    private final String location;
    private long record;
    private long headerLine;

    private FastqInput(InputStream in, ElementType type, String kernel, String location) {
        this.lines = new LineReader(in, location);
        this.rows = new ByteRowsBuilder(type, kernel, location);
        this.ids = new RecordIds("FASTQ", location);
        this.location = location;
    }

    static Rows read(InputStream in, ElementType type, String kernel, String location) throws IOException {
        FastqInput reader = new FastqInput(in, type, kernel, location);
        while (reader.nextNonBlank()) {
            reader.readRecord();
        }
        return reader.rows.build();
    }

    private boolean nextNonBlank() throws IOException {
        while (lines.next()) {
            if (SymbolBytes.trimEnd(lines.bytes(), lines.length()) > 0) {
                return true;
            }
        }
        return false;
    }

    private void readRecord() throws IOException {
        record++;
        headerLine = lines.number();
        if (lines.bytes()[0] != '@') {
            throw error("line " + headerLine + " should start a record with '@'" + (record == 1 ? " (not FASTQ?)"
                    : " (" + FOUR_LINES + ")"));
        }
        String id = ids.take(lines.bytes(), SymbolBytes.trimEnd(lines.bytes(), lines.length()), record, headerLine);
        rows.startRow(id);
        int sequence = readSequence();
        nextLine("the '+' line");
        readPlusLine(id);
        nextLine("the quality line");
        checkQuality(sequence);
    }

    private int readSequence() throws IOException {
        nextLine("the sequence line");
        byte[] b = lines.bytes();
        int len = SymbolBytes.trimEnd(b, lines.length());
        if (len == 0) {
            throw error("empty sequence at line " + lines.number());
        }
        int space = SymbolBytes.firstSpace(b, 0, len);
        if (space < len) {
            throw error("whitespace inside the sequence at line " + lines.number() + ", column " + (space + 1));
        }
        rows.append(b, 0, len);
        return len;
    }

    private void readPlusLine(String id) {
        byte[] b = lines.bytes();
        int len = SymbolBytes.trimEnd(b, lines.length());
        if (len == 0 || b[0] != '+') {
            throw error("line " + lines.number() + " should be the '+' line (" + FOUR_LINES + ")");
        }
        if (len == 1) {
            return;
        }
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8); // the header's bytes: the id was strictly decoded
        if (!Arrays.equals(b, 1, SymbolBytes.firstSpace(b, 1, len), idBytes, 0, idBytes.length)) {
            throw error("the '+' line " + lines.number() + " names another id than '" + id + "'");
        }
    }

    private void checkQuality(int sequence) {
        byte[] b = lines.bytes();
        int len = SymbolBytes.trimEnd(b, lines.length());
        if (len != sequence) {
            throw error("the quality at line " + lines.number() + " has " + len + " symbols but the sequence has "
                    + sequence);
        }
        for (int i = 0; i < len; i++) {
            if (b[i] < 33 || b[i] > 126) { // bytes above 127 are negative
                throw error("quality byte " + (b[i] & 0xFF) + " at line " + lines.number() + ", column " + (i + 1)
                        + " is not printable ASCII (33..126)");
            }
        }
    }

    private void nextLine(String what) throws IOException {
        if (!lines.next()) {
            throw error("truncated: the file ends before " + what);
        }
    }

    private UserError error(String what) {
        return new UserError("FASTQ record " + record + " (header at line " + headerLine + "): " + what, location);
    }
}
