package allpairs.io;

import allpairs.UserError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The ids of FASTA and FASTQ records: a header's text from after its marker ({@code >} or
 * {@code @}) to the first whitespace. Ids must be valid UTF-8 (they go to a UTF-8 sidecar and to
 * Parquet strings; a lenient decoder would turn different bytes into the same U+FFFD) and unique.
 */
final class RecordIds {
    private final Map<String, Long> seen = new HashMap<>();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final String format;
    private final String location;

    /** @param format FASTA or FASTQ, for messages */
    RecordIds(String format, String location) {
        this.format = format;
        this.location = location;
    }

    /** The id of the header {@code b[0, len)} of record {@code record} at line {@code line}, checked. */
    String take(byte[] b, int len, long record, long line) {
        String id = idOf(b, len, record, line);
        Long first = seen.putIfAbsent(id, line);
        if (first != null) {
            throw new UserError("duplicate " + format + " id '" + id + "' at line " + line + " (record " + record
                    + "; first at line " + first + ")", location);
        }
        return id;
    }

    private String idOf(byte[] b, int len, long record, long line) {
        int end = SymbolBytes.firstSpace(b, 1, len);
        if (end == 1) {
            throw new UserError(format + " header without an id at line " + line + " (record " + record + ")",
                    location);
        }
        try {
            return utf8.decode(ByteBuffer.wrap(b, 1, end - 1)).toString();
        } catch (CharacterCodingException e) {
            throw new UserError(format + " id of record " + record + " at line " + line + " is not valid UTF-8",
                    location);
        }
    }
}
