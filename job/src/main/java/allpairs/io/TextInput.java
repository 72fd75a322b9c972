package allpairs.io;

import allpairs.UserError;
import allpairs.kernel.ElementType;
import allpairs.kernel.Rows;
import java.io.IOException;
import java.io.InputStream;

/** One sequence per line, bytes as they are (case kept, a trailing '\r' dropped); no empty lines. */
final class TextInput {
    private TextInput() {
    }

    static Rows read(InputStream in, ElementType type, String kernel, String location) throws IOException {
        ByteRowsBuilder rows = new ByteRowsBuilder(type, kernel, location);
        LineReader lines = new LineReader(in, location);
        while (lines.next()) {
            if (lines.length() == 0) {
                throw new UserError("empty line " + lines.number() + " (every line is one sequence)", location);
            }
            rows.startRow(null);
            rows.append(lines.bytes(), 0, lines.length());
        }
        return rows.build();
    }
}
