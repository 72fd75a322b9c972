package allpairs.io;

import allpairs.UserError;
import allpairs.kernel.ElementType;
import allpairs.kernel.Rows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * FASTA: {@code >id description} headers (the id runs to the first whitespace), sequences wrapped
 * over any number of lines, blank lines ignored. Ids are kept in row order.
 */
final class FastaInput {
    private FastaInput() {
    }

    static Rows read(InputStream in, ElementType type, String kernel, String location) throws IOException {
        ByteRowsBuilder rows = new ByteRowsBuilder(type, kernel, location);
        Map<String, Long> seen = new HashMap<>();
        LineReader lines = new LineReader(in, location);
        String id = null;
        long headerLine = 0;
        while (lines.next()) {
            byte[] b = lines.bytes();
            int len = lines.length();
            if (len == 0) {
                continue;
            }
            if (b[0] == '>') {
                checkNotEmpty(rows, id, headerLine, location);
                id = idOf(b, len);
                headerLine = lines.number();
                if (id.isEmpty()) {
                    throw new UserError("FASTA header without an id at line " + headerLine, location);
                }
                Long first = seen.putIfAbsent(id, headerLine);
                if (first != null) {
                    throw new UserError("duplicate FASTA id '" + id + "' at line " + headerLine + " (first at line "
                            + first + ")", location);
                }
                rows.startRow(id);
            } else {
                if (id == null) {
                    throw new UserError("sequence before the first '>' header at line " + lines.number()
                            + " (not FASTA?)", location);
                }
                rows.append(b, 0, len);
            }
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

    private static String idOf(byte[] b, int len) {
        int end = 1;
        while (end < len && !Character.isWhitespace(b[end])) {
            end++;
        }
        return new String(b, 1, end - 1, StandardCharsets.UTF_8);
    }
}
