package allpairs.io;

import allpairs.UserError;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A gzip file of one or more members (as {@code cat a.gz b.gz} makes, and BGZF, the blocked gzip of
 * sequencers), read to its end; any damage refused. JDK's GZIPInputStream takes a damaged member
 * header, or one cut short, for trailing garbage and ends the data there without a word.
 * commons-compress (which Spark ships) checks every member's header, CRC32 and size and refuses
 * anything after the last member; its failures become one user error naming the file.
 */
final class GzipMembers extends FilterInputStream {
    private final String location;

    private GzipMembers(InputStream gunzipped, String location) {
        super(gunzipped);
        this.location = location;
    }

    /** @param in positioned at the first member's magic bytes; marks are needed between members */
    // The constructor is deprecated in commons-compress 1.28 for a builder that 1.23 (Spark 3.5) lacks.
    @SuppressWarnings("deprecation")
    static InputStream open(BufferedInputStream in, String location) throws IOException {
        try {
            return new GzipMembers(new GzipCompressorInputStream(in, true), location);
        } catch (IOException e) {
            throw damaged(e, location);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw damaged(e, location);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw damaged(e, location);
        }
    }

    private static UserError damaged(IOException e, String location) {
        String why = e instanceof EOFException ? "the file ends inside a member" : e.getMessage();
        return new UserError("corrupt or truncated gzip data (" + why + ")", location, e);
    }
}
