package allpairs.io;

import allpairs.UserError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A small file (the summary JSON, a sidecar) written whole or not at all: to a hidden temporary
 * beside it, then moved onto its name, replacing the previous one (in one step on local FS and HDFS).
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * Refuses, before any work, a place where {@code option}'s file cannot be written: an existing
     * directory, a parent that is a file, a folder we may not write. Null: nothing to check.
     */
    public static void checkTarget(String location, Configuration hadoop, String option) throws IOException {
        if (location == null) {
            return;
        }
        Path path = new Path(location);
        if (path.getName().isEmpty()) {
            throw new UserError("cannot write " + option + ": the path has no file name", "option " + option);
        }
        FileSystem fs = HadoopFs.of(path, hadoop);
        path = fs.makeQualified(path);
        FileStatus at = WritablePlace.status(fs, path);
        if (at != null && at.isDirectory()) {
            throw new UserError("cannot write " + option + ": " + path + " is a directory", "option " + option);
        }
        WritablePlace.require(fs, path.getParent(), option + " " + path, "option " + option);
    }

    /** Writes {@code text} to {@code location} (any Hadoop file system), replacing what is there. */
    public static void write(String location, String text, Configuration hadoop) throws IOException {
        Path path = new Path(location);
        FileSystem fs = HadoopFs.of(path, hadoop);
        write(fs, fs.makeQualified(path), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code content} to {@code path} of {@code fs}, replacing what is there. */
    public static void write(FileSystem fs, Path path, byte[] content) throws IOException {
        Path temp = new Path(path.getParent(), "." + path.getName() + AtomicOutput.MARK + "tmp-" + UUID.randomUUID());
        try {
            try (OutputStream os = fs.create(temp, false)) {
                os.write(content);
            }
            FsMoves.replace(fs, temp, path);
        } finally {
            fs.delete(temp, false); // gone once moved; removed if anything failed
        }
    }
}
