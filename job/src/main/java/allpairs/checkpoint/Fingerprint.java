package allpairs.checkpoint;

import allpairs.io.HadoopFs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** SHA-256 over what decides a matrix's values: input bytes, reference bytes, kernel and parameters. */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(String input, String against, String kernel, String params, Configuration conf)
            throws IOException {
        MessageDigest sha = sha256();
        digestFile(sha, input, conf);
        sha.update((byte) 0);
        if (against != null) {
            digestFile(sha, against, conf);
        }
        sha.update(("\0" + kernel + "\0" + params).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void digestFile(MessageDigest sha, String location, Configuration conf) throws IOException {
        Path path = new Path(location);
        byte[] buf = new byte[1 << 16];
        try (InputStream in = HadoopFs.of(path, conf).open(path)) {
            for (int r; (r = in.read(buf)) > 0; ) {
                sha.update(buf, 0, r);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
