package allpairs.io;

import allpairs.UserError;
import allpairs.kernel.ElementType;
import allpairs.kernel.Rows;
import java.io.IOException;
import java.io.InputStream;

/**
 * One sequence per line, bytes as they are (case kept, inner spaces kept: a line may be a phrase)
 * but for trailing whitespace, which is not a symbol; no empty lines.
 */
final class TextInput {
    private TextInput() {
    }

    static Rows read(InputStream in, ElementType type, String kernel, String location) throws IOException {
        ByteRowsBuilder rows = new ByteRowsBuilder(type, kernel, location);
        LineReader lines = new LineReader(in, location);
        while (lines.next()) {
            int len = row(lines);
            if (len == 0) {
                throw emptyLine(lines.number(), location);
            }
            rows.startRow(null);
            rows.append(lines.bytes(), 0, len);
        }
        return rows.build();
    }

    /** The current line's symbols (trailing whitespace is not one): 0 for an empty line, which is an error. */
    static int row(LineReader lines) {
        return SymbolBytes.trimEnd(lines.bytes(), lines.length());
    }

    static UserError emptyLine(long line, String location) {
        return new UserError("empty line " + line + " (every line is one sequence)", location);
    }
}
