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
            int len = SymbolBytes.trimEnd(lines.bytes(), lines.length());
            if (len == 0) {
                throw new UserError("empty line " + lines.number() + " (every line is one sequence)", location);
            }
            rows.startRow(null);
            rows.append(lines.bytes(), 0, len);
        }
        return rows.build();
    }
}
