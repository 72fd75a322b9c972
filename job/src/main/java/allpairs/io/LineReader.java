package allpairs.io;

import allpairs.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines as raw bytes (no charset decoding): '\n' ends a line, a trailing '\r' is dropped, and
 * a UTF-8 byte order mark at the start of the input is skipped (editors on Windows write one).
 */
final class LineReader {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private int length;
    private long number;
    /** Bytes of the input before buf[0], and where the current line began. */
    private long consumed;
    private long lineStart;

    private final String location;

    LineReader(InputStream in, String location) {
        this(in, location, 1);
    }

    /**
     * Lines of a part of a file whose first line is line {@code firstNumber} of the file (a split read
     * on an executor); the byte order mark is skipped only at the file's start.
     */
    LineReader(InputStream in, String location, long firstNumber) {
        this.in = in;
        this.location = location;
        this.number = firstNumber - 1;
    }

    /** Reads the next line into {@link #bytes()}; false at the end of the input. */
    boolean next() throws IOException {
        length = 0;
        boolean any = false;
        lineStart = consumed + pos;
        while (true) {
            if (pos == limit) {
                consumed += limit;
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return false;
                    }
                    break;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            add(start, pos);
            if (pos < limit) {
                pos++; // the '\n'
                break;
            }
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (number == 0) {
            skipByteOrderMark();
        }
        number++;
        return true;
    }

    private void skipByteOrderMark() {
        if (length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
            System.arraycopy(line, 3, line, 0, length - 3);
            length -= 3;
        }
    }

    private void add(int from, int to) {
        int len = to - from;
        if ((long) length + len > NpyInput.MAX_ELEMENTS) {
            throw new UserError("line " + (number + 1) + " is longer than one broadcast can hold ("
                    + NpyInput.MAX_ELEMENTS + " bytes)", location);
        }
        if (length + len > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(NpyInput.MAX_ELEMENTS, Math.max(2L * line.length, length + len)));
        }
        System.arraycopy(buf, from, line, length, len);
        length += len;
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** Where the current line began, in bytes from the start of the stream. */
    long start() {
        return lineStart;
    }

    /** 1-based number of the current line. */
    long number() {
        return number;
    }
}
