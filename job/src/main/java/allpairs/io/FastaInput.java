package allpairs.io;

import allpairs.UserError;
import allpairs.kernel.ElementType;
import allpairs.kernel.Rows;
import java.io.IOException;
import java.io.InputStream;

/**
 * FASTA: {@code >id description} headers (the id runs to the first whitespace, see
 * {@link RecordIds}), sequences wrapped over any number of lines, blank lines ignored. Whitespace
 * on a sequence line is not a symbol, wherever it is (Biopython drops trailing whitespace and
 * inner spaces too). Ids are kept in row order.
 */
final class FastaInput {
    private FastaInput() {
    }

    static Rows read(InputStream in, ElementType type, String kernel, String location) throws IOException {
        ByteRowsBuilder rows = new ByteRowsBuilder(type, kernel, location);
        RecordIds ids = new RecordIds("FASTA", location);
        LineReader lines = new LineReader(in, location);
        String id = null;
        long headerLine = 0;
        while (lines.next()) {
            byte[] b = lines.bytes();
            if (lines.length() > 0 && b[0] == '>') {
                checkNotEmpty(rows, id, headerLine, location);
                headerLine = lines.number();
                id = ids.take(b, lines.length(), rows.rows() + 1, headerLine);
                rows.startRow(id);
                continue;
            }
            int len = SymbolBytes.removeSpaces(b, lines.length());
            if (len == 0) {
                continue;
            }
            if (id == null) {
                throw new UserError("sequence before the first '>' header at line " + lines.number()
                        + " (not FASTA?)", location);
            }
            rows.append(b, 0, len);
        }
        checkNotEmpty(rows, id, headerLine, location);
        return rows.build();
    }

    private static void checkNotEmpty(ByteRowsBuilder rows, String id, long headerLine, String location) {
        if (id != null && rows.currentRowLength() == 0) {
            throw new UserError("empty FASTA record '" + id + "' (header at line " + headerLine + " has no sequence)",
                    location);
        }
    }
}
